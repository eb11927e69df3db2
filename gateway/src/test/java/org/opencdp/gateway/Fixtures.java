package org.opencdp.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Workspaces and keys created through the API, as a client would. */
final class Fixtures {
    static final String ADMIN = "Bearer test-admin-token";

    private Fixtures() {}

    static String workspace(String name) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when().post("/api/workspaces")
                .then().statusCode(201).extract().path("id");
    }

    /** A new key of the workspace: [id, clear key]. */
    static String[] key(String workspaceId, String type) {
        var response = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", type, "name", type + " key"))
                .when().post("/api/workspaces/" + workspaceId + "/keys")
                .then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("key")};
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }
}
