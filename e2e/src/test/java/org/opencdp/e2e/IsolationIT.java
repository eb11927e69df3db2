package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A key of workspace A never reaches workspace B's objects: 404, never B's data. */
class IsolationIT {
    private static SharedPlatform.Tenant a;
    private static SharedPlatform.Tenant b;

    @BeforeAll
    static void start() {
        a = SharedPlatform.newTenant("isolation-a");
        b = SharedPlatform.newTenant("isolation-b");
    }

    @Test
    void anotherWorkspaceAndItsKeysAre404() {
        given().auth().oauth2(a.secretKey()).get("/api/workspaces/" + b.workspaceId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(a.secretKey()).get("/api/workspaces/" + b.workspaceId() + "/keys")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(a.secretKey()).contentType(ContentType.JSON).body("{\"type\":\"secret\",\"name\":\"x\"}")
                .post("/api/workspaces/" + b.workspaceId() + "/keys")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aSecretKeyListsOnlyItsOwnWorkspace() {
        given().auth().oauth2(a.secretKey()).get("/api/workspaces")
                .then().statusCode(200).body("items.id", everyItem(equalTo(a.workspaceId())));
    }

    @Test
    void serviceDataIsScopedByTheKeysWorkspace() {
        given().auth().oauth2(b.secretKey()).contentType(ContentType.JSON).body("{\"retention\":\"PT10M\"}")
                .put("/api/dmp/settings").then().statusCode(200).body("workspaceId", equalTo(b.workspaceId()));
        given().auth().oauth2(a.secretKey()).get("/api/dmp/settings")
                .then().statusCode(200)
                .body("workspaceId", equalTo(a.workspaceId()))
                .body("retention", not(equalTo("PT10M")));
    }
}
