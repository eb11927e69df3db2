package org.opencdp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencdp.gateway.Fixtures.ADMIN;
import static org.opencdp.gateway.Fixtures.bearer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencdp.common.problem.Problem;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class WorkspaceApiTest {

    @Test
    void createsAndGetsAWorkspace() {
        var created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "  Acme Retail "))
                .when().post("/api/workspaces")
                .then().statusCode(201)
                .header("Location", containsString("/api/workspaces/"))
                .header("X-Request-Id", notNullValue())
                .body("name", equalTo("Acme Retail"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/workspaces/" + id));

        given().header("Authorization", ADMIN).when().get("/api/workspaces/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Acme Retail"))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void listsWorkspacesInPagesOldestFirst() {
        for (int i = 0; i < 3; i++) {
            Fixtures.workspace("paged " + i);
        }
        var page = given().header("Authorization", ADMIN).queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/workspaces")
                .then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3))
                .extract();
        List<String> created = page.path("items.createdAt");
        assertTrue(!Instant.parse(created.get(0)).isAfter(Instant.parse(created.get(1))));

        given().header("Authorization", ADMIN).queryParam("size", 5000).when().get("/api/workspaces")
                .then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void rejectsBadPagingWithViolations() {
        given().header("Authorization", ADMIN).queryParam("page", -1).queryParam("size", 0)
                .when().get("/api/workspaces")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("page"))
                .body("violations.field", hasItem("size"));
    }

    @Test
    void rejectsBadBodiesWithViolations() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().post("/api/workspaces")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("type", equalTo(Problem.TYPE_BASE + "validation"))
                .body("instance", equalTo("/api/workspaces"))
                .body("requestId", notNullValue())
                .body("violations[0].field", equalTo("name"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"name\":")
                .when().post("/api/workspaces")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);

        String ws = Fixtures.workspace("bad keys");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "admin", "name", ""))
                .when().post("/api/workspaces/" + ws + "/keys")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("type"))
                .body("violations.field", hasItem("name"));
    }

    @Test
    void createsListsAndRevokesKeys() {
        String ws = Fixtures.workspace("keys");
        var created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "secret", "name", "back office"))
                .when().post("/api/workspaces/" + ws + "/keys")
                .then().statusCode(201)
                .header("Location", containsString("/api/workspaces/" + ws + "/keys/"))
                .body("type", equalTo("secret"))
                .body("name", equalTo("back office"))
                .body("key", matchesPattern("sk_[A-Za-z0-9_-]{32}"))
                .body("createdAt", notNullValue())
                .extract();
        String key = created.path("key");
        String keyId = created.path("id");
        assertEquals("sk_\u2026" + key.substring(key.length() - 4), created.path("maskedKey"));
        Fixtures.key(ws, "write");

        String listed = given().header("Authorization", bearer(key)).when().get("/api/workspaces/" + ws + "/keys")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("type", hasItem("write"))
                .body("maskedKey", everyItem(matchesPattern("(wk|sk)_\u2026[A-Za-z0-9_-]{4}")))
                .body("[0]", not(hasKey("key")))
                .body("[0]", not(hasKey("keyHash")))
                .body("[0]", hasKey("revokedAt"))
                .body("[0].revokedAt", nullValue())
                .extract().asString();
        assertTrue(!listed.contains(key), "the clear key never appears in a listing");

        given().header("Authorization", ADMIN).when().delete("/api/workspaces/" + ws + "/keys/" + keyId)
                .then().statusCode(204);
        given().header("Authorization", ADMIN).when().get("/api/workspaces/" + ws + "/keys/" + keyId)
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", bearer(key)).when().get("/api/workspaces/" + ws)
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", ADMIN).when().delete("/api/workspaces/" + ws + "/keys/not-a-uuid")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aSecretKeySeesOnlyItsOwnWorkspace() {
        String a = Fixtures.workspace("A");
        String b = Fixtures.workspace("B");
        String keyOfA = Fixtures.key(a, "secret")[1];
        String keyIdOfB = Fixtures.key(b, "secret")[0];

        given().header("Authorization", bearer(keyOfA)).when().get("/api/workspaces/" + a)
                .then().statusCode(200).body("id", equalTo(a));
        given().header("Authorization", bearer(keyOfA)).when().get("/api/workspaces")
                .then().statusCode(200).body("items.id", equalTo(List.of(a))).body("total", equalTo(1));
        given().header("Authorization", bearer(keyOfA)).when().get("/api/workspaces/" + b)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("detail", not(containsString("B")));
        given().header("Authorization", bearer(keyOfA)).when().get("/api/workspaces/" + b + "/keys")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", bearer(keyOfA)).contentType(ContentType.JSON)
                .body(Map.of("type", "write", "name", "intruder"))
                .when().post("/api/workspaces/" + b + "/keys")
                .then().statusCode(404);
        given().header("Authorization", bearer(keyOfA)).when().delete("/api/workspaces/" + b + "/keys/" + keyIdOfB)
                .then().statusCode(404);
        given().header("Authorization", ADMIN).when().get("/api/workspaces/" + b + "/keys/" + keyIdOfB)
                .then().statusCode(200).body("revokedAt", nullValue());
        given().header("Authorization", bearer(keyOfA)).contentType(ContentType.JSON).body(Map.of("name", "mine"))
                .when().post("/api/workspaces")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }
}
