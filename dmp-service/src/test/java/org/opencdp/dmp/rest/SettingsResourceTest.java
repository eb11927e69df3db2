package org.opencdp.dmp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class SettingsResourceTest {

    private static String newWorkspace() {
        return UUID.randomUUID().toString();
    }

    @Test
    void defaultsApplyUntilChanged() {
        String ws = newWorkspace();
        given().header("Authorization", TestTokens.secret(ws)).get("/api/dmp/settings")
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("workspaceId", equalTo(ws))
                .body("retention", equalTo("PT720H"))
                .body("version", equalTo(0));
    }

    @Test
    void retentionChangesAndIsReadBack() {
        String ws = newWorkspace();
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"retention\":\"PT1M\"}").put("/api/dmp/settings")
                .then().statusCode(200).header("ETag", "\"1\"").body("retention", equalTo("PT1M"));
        given().header("Authorization", TestTokens.secret(ws)).get("/api/dmp/settings")
                .then().statusCode(200).body("retention", equalTo("PT1M")).body("version", equalTo(1));
    }

    @Test
    void staleIfMatchIsRefusedAndKeepsTheStoredValue() {
        String ws = newWorkspace();
        put(ws, "P7D", "\"0\"").then().statusCode(200);
        put(ws, "P14D", "\"1\"").then().statusCode(200).header("ETag", "\"2\"");
        put(ws, "P1D", "\"1\"").then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", TestTokens.secret(ws)).get("/api/dmp/settings")
                .then().body("retention", equalTo("PT336H"));
    }

    @Test
    void invalidRetentionIsA400NamingTheField() {
        String ws = newWorkspace();
        put(ws, "30 days", null).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("retention"));
        put(ws, "PT30S", null).then().statusCode(400).body("violations[0].message", containsString("PT1M"));
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON).body("{\"retention\":")
                .put("/api/dmp/settings").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON).body("{}")
                .put("/api/dmp/settings").then().statusCode(400).body("violations.field", hasItem("retention"));
        given().header("Authorization", TestTokens.secret(ws)).get("/api/dmp/settings")
                .then().body("version", equalTo(0));
    }

    @Test
    void oneWorkspaceNeverSeesAnothersSettings() {
        String a = newWorkspace();
        String b = newWorkspace();
        put(a, "PT5M", null).then().statusCode(200);
        given().header("Authorization", TestTokens.secret(b)).get("/api/dmp/settings")
                .then().statusCode(200).body("workspaceId", equalTo(b)).body("retention", equalTo("PT720H"));
    }

    private static io.restassured.response.Response put(String ws, String retention, String ifMatch) {
        var request = given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"retention\":\"" + retention + "\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/dmp/settings");
    }
}
