package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracking through the gateway with a write key, profiles read back with the secret key: identify + track + alias,
 * lookups by each identifier, merge and unmerge, resent duplicates, a batch with an invalid message, isolation.
 * Batches keep the request count under the shared platform's rate limit.
 */
class ProfileIT {
    private static SharedPlatform.Tenant a;
    private static SharedPlatform.Tenant b;

    @BeforeAll
    static void start() {
        a = SharedPlatform.newTenant("profiles-a");
        b = SharedPlatform.newTenant("profiles-b");
    }

    @Test
    void identifyTrackAliasMergeAndUnmergeThroughTheGateway() {
        batch(a, List.of(
                Map.of("type", "page", "anonymousId", "e2e-anon-1", "name", "Home", "messageId", "e2e-1"),
                Map.of("type", "identify", "userId", "e2e-user-1", "messageId", "e2e-2",
                        "traits", Map.of("email", " E2E.Ann@Example.com", "phone", "+27 82 555 0101",
                                "firstName", "Ann")),
                Map.of("type", "track", "userId", "e2e-user-1", "event", "Order Completed", "messageId", "e2e-3",
                        "properties", Map.of("order_id", "o-1", "revenue", 99.5))))
                .statusCode(200).body("success", equalTo(true));
        String anonymous = idOf(a, "anonymousId", "e2e-anon-1");
        String known = idOf(a, "email", "e2e.ann@example.com");
        assertNotEquals(anonymous, known);
        assertEquals(known, idOf(a, "userId", "e2e-user-1"));
        assertEquals(known, idOf(a, "phone", "+27825550101"));

        given().auth().preemptive().basic(a.writeKey(), "").contentType(ContentType.JSON)
                .body(Map.of("previousId", "e2e-anon-1", "userId", "e2e-user-1", "messageId", "e2e-4"))
                .post("/v1/alias").then().statusCode(200).body("success", equalTo(true));
        assertEquals(known, idOf(a, "anonymousId", "e2e-anon-1"));
        secret(a).get("/api/profiles/" + anonymous).then().statusCode(200)
                .body("id", equalTo(known)).body("mergedFrom", equalTo(anonymous));
        secret(a).get("/api/profiles/" + known + "/events").then().statusCode(200).body("items", hasSize(4));
        String mergeId = secret(a).get("/api/profiles/" + known + "/merges").then().statusCode(200)
                .body("items[0].kind", equalTo("merge")).extract().path("items[0].id");

        secret(a).contentType(ContentType.JSON).body(Map.of("mergeId", mergeId))
                .post("/api/profiles/" + known + "/unmerge").then().statusCode(200)
                .body("restored.id", equalTo(anonymous));
        assertEquals(anonymous, idOf(a, "anonymousId", "e2e-anon-1"));
        secret(a).get("/api/profiles/" + known).then().statusCode(200)
                .body("traits.firstName", equalTo("Ann"))
                .body("computed.orderCount", equalTo(1))
                .body("computed.revenue", equalTo(99.5f));
        secret(a).get("/api/profiles/" + anonymous + "/events").then().body("items", hasSize(1))
                .body("items[0].name", equalTo("Home"));
    }

    @Test
    void duplicatesAreStoredOnceAndInvalidMessagesReported() {
        Map<String, Object> order = Map.of("type", "track", "userId", "e2e-dup", "event", "Order Completed",
                "messageId", "e2e-dup-1", "properties", Map.of("revenue", 10));
        batch(a, List.of(order, Map.of("type", "track", "userId", "e2e-dup"), order))
                .statusCode(200).body("rejected.index", equalTo(List.of(1)))
                .body("rejected[0].field", equalTo("event"));
        batch(a, List.of(order)).statusCode(200);
        String id = idOf(a, "userId", "e2e-dup");
        secret(a).get("/api/profiles/" + id).then().body("computed.orderCount", equalTo(1));
        secret(a).get("/api/profiles/dead-letters").then().statusCode(200)
                .body("items.reason", hasItem("is required for track"));
        batch(a, List.of(Map.of("type", "track", "userId", "e2e-dup"))).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("batch[0].event"));
    }

    @Test
    void workspacesAndKeyTypesAreKeptApart() {
        batch(b, List.of(Map.of("type", "identify", "userId", "e2e-iso", "traits",
                Map.of("email", "iso@example.com")))).statusCode(200);
        String id = idOf(b, "email", "iso@example.com");
        secret(a).queryParam("type", "email").queryParam("value", "iso@example.com")
                .get("/api/profiles/lookup").then().statusCode(404).contentType("application/problem+json");
        secret(a).get("/api/profiles/" + id).then().statusCode(404);
        given().auth().preemptive().basic(b.writeKey(), "").get("/api/profiles/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("type", "track", "userId", "x", "event", "E"))
                .post("/v1/track").then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse batch(SharedPlatform.Tenant t, List<Map<String, Object>> messages) {
        return given().auth().preemptive().basic(t.writeKey(), "").contentType(ContentType.JSON)
                .body(Map.of("batch", messages)).post("/v1/batch").then();
    }

    private static io.restassured.specification.RequestSpecification secret(SharedPlatform.Tenant t) {
        return given().auth().oauth2(t.secretKey());
    }

    private static String idOf(SharedPlatform.Tenant t, String type, String value) {
        return secret(t).queryParam("type", type).queryParam("value", value).get("/api/profiles/lookup")
                .then().statusCode(200).extract().path("id");
    }
}
