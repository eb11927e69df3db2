package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may call what, through the gateway: 401 without a valid key, 403 for a key of the wrong kind. */
class AuthenticationIT {
    private static SharedPlatform.Tenant tenant;

    @BeforeAll
    static void start() {
        tenant = SharedPlatform.newTenant("auth");
    }

    @Test
    void managementWithoutKeyIs401Problem() {
        given().get("/api/crm/contacts").then().statusCode(401)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401));
    }

    @Test
    void trackingWithoutKeyOrWithUnknownKeyIs401() {
        given().contentType(ContentType.JSON).body("{\"userId\":\"u1\",\"event\":\"x\"}").post("/v1/track")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("wk_unknownunknownunknownunknown00", "").contentType(ContentType.JSON)
                .body("{\"userId\":\"u1\",\"event\":\"x\"}").post("/v1/track")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownSecretKeyIs401() {
        given().auth().oauth2("sk_doesnotexistdoesnotexist000000").get("/api/dmp/settings")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writeKeyOnManagementApiIs403() {
        given().auth().oauth2(tenant.writeKey()).get("/api/dmp/settings")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic(tenant.writeKey(), "").get("/api/crm/contacts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void secretKeyManagesItsWorkspace() {
        given().auth().oauth2(tenant.secretKey()).get("/api/workspaces/" + tenant.workspaceId())
                .then().statusCode(200).body("id", equalTo(tenant.workspaceId()));
    }

    @Test
    void revokedKeyIs401() {
        SharedPlatform.Tenant other = SharedPlatform.newTenant("revoke");
        given().auth().oauth2(other.secretKey()).get("/api/dmp/settings").then().statusCode(200);
        String keyId = given().auth().oauth2(other.secretKey()).get("/api/workspaces/" + other.workspaceId() + "/keys")
                .then().statusCode(200).extract().path("find { it.type == 'secret' }.id");
        given().auth().oauth2(SharedPlatform.get().adminToken())
                .delete("/api/workspaces/" + other.workspaceId() + "/keys/" + keyId).then().statusCode(204);
        given().auth().oauth2(other.secretKey()).get("/api/dmp/settings")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthAndDocsNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
