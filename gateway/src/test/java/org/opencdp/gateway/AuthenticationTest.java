package org.opencdp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.opencdp.gateway.Fixtures.basic;
import static org.opencdp.gateway.Fixtures.bearer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.opencdp.common.problem.Problem;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class AuthenticationTest {

    @Test
    void noKeyIs401WithAChallenge() {
        given().when().get("/api/workspaces")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo(401))
                .body("type", equalTo(Problem.TYPE_BASE + "unauthenticated"))
                .body("instance", equalTo("/api/workspaces"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/track")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void unknownOrMalformedKeysAre401() {
        given().header("Authorization", basic("wk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).contentType(ContentType.JSON)
                .body("{}").when().post("/v1/track")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Unknown"));
        given().header("Authorization", bearer("sk_nope")).when().get("/api/profiles/p1")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Basic %%%").when().post("/v1/track")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Bearer not-the-admin-token").when().get("/api/workspaces")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aWriteKeyCannotManage() {
        String ws = Fixtures.workspace("write only");
        String writeKey = Fixtures.key(ws, "write")[1];
        given().header("Authorization", bearer(writeKey)).when().get("/api/workspaces/" + ws)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "forbidden"));
        given().header("Authorization", basic(writeKey)).when().get("/api/profiles/p1")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theAdminTokenOnlyManagesWorkspaces() {
        given().header("Authorization", Fixtures.ADMIN).when().get("/api/profiles/p1")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oneRequestIdPerResponse() {
        var response = given().header("Authorization", Fixtures.ADMIN).header("X-Request-Id", "trace-me-0042")
                .when().get("/api/workspaces").then().statusCode(200).extract();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("trace-me-0042"),
                response.headers().getValues("X-Request-Id"));
        var generated = given().header("X-Request-Id", "bad id!").when().get("/api/workspaces")
                .then().statusCode(401).extract();
        org.junit.jupiter.api.Assertions.assertEquals(1, generated.headers().getValues("X-Request-Id").size());
        org.junit.jupiter.api.Assertions.assertEquals(generated.header("X-Request-Id"),
                generated.<String>path("requestId"));
    }

    @Test
    void corsPreflightsNeedNoKey() {
        given().header("Origin", "https://console.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/workspaces")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://console.example.com");
    }

    @Test
    void healthAndDocsNeedNoKey() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void unknownPathsAre404Problems() {
        String ws = Fixtures.workspace("paths");
        String secret = Fixtures.key(ws, "secret")[1];
        given().header("Authorization", bearer(secret)).when().get("/api/nothing/here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("No service serves /api/nothing/here"));
        given().header("Authorization", bearer(secret)).when().get("/api/workspaces/" + ws + "/nothing/here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().when().get("/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
