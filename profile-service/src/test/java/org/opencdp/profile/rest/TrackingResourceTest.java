package org.opencdp.profile.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencdp.profile.rest.Tracking.accepted;
import static org.opencdp.profile.rest.Tracking.batch;
import static org.opencdp.profile.rest.Tracking.get;
import static org.opencdp.profile.rest.Tracking.lookup;
import static org.opencdp.profile.rest.Tracking.profileIdOf;
import static org.opencdp.profile.rest.Tracking.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class TrackingResourceTest {

    @Test
    void identifyThenTrackMakeOneProfileFoundByEachIdentifier() {
        String ws = UUID.randomUUID().toString();
        accepted(ws, "identify", Map.of("userId", "u-1", "anonymousId", "a-1",
                "traits", Map.of("email", "  Ann@Example.COM ", "phone", "082 123 4567", "firstName", "Ann"),
                "context", Map.of("ip", "203.0.113.9", "locale", "en-ZA")))
                .body("success", equalTo(true));
        accepted(ws, "track", Map.of("userId", "u-1", "event", "Order Completed",
                "properties", Map.of("order_id", "o-1", "products", List.of(
                        Map.of("price", 10.5, "quantity", 2), Map.of("price", 4, "quantity", 1)))));
        accepted(ws, "page", Map.of("anonymousId", "a-1", "name", "Home"));
        String id = profileIdOf(ws, "userId", "u-1");
        assertEquals(id, profileIdOf(ws, "email", "ann@example.com"));
        assertEquals(id, profileIdOf(ws, "phone", "+27821234567"));
        assertEquals(id, profileIdOf(ws, "anonymousId", "a-1"));
        get(ws, "/api/profiles/" + id).statusCode(200)
                .body("traits.firstName", equalTo("Ann"))
                .body("traitLineage.firstName.source", equalTo("tracking"))
                .body("traitLineage.firstName.messageId", notNullValue())
                .body("computed.orderCount", equalTo(1))
                .body("computed.revenue", equalTo(25.0f))
                .body("computed.eventCounts.'Order Completed'", equalTo(1))
                .body("identities.type", hasItems("userId", "email", "phone", "anonymousId"));
        get(ws, "/api/profiles/" + id + "/events").statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", hasItems("identify", "track", "page"))
                .body("items.find { it.type == 'identify' }.context.locale", equalTo("en-ZA"));
    }

    @Test
    void invalidMessagesAre400ProblemsKeptAsDeadLetters() {
        String ws = UUID.randomUUID().toString();
        send(ws, "track", Map.of("userId", "u-1")).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("event"));
        send(ws, "identify", Map.of("traits", Map.of("email", "x@example.com"))).then().statusCode(400)
                .body("violations.field", hasItem("userId"));
        send(ws, "alias", Map.of("userId", "u-1")).then().statusCode(400)
                .body("violations.field", hasItem("previousId"));
        send(ws, "group", Map.of("userId", "u-1")).then().statusCode(400)
                .body("violations.field", hasItem("groupId"));
        send(ws, "track", Map.of("userId", "u-1", "event", "E", "timestamp", "yesterday")).then().statusCode(400)
                .body("violations.field", hasItem("timestamp"));
        send(ws, "track", Map.of("userId", "u-1", "event", "E", "messageId", "m".repeat(101))).then()
                .statusCode(400).body("violations.field", hasItem("messageId"));
        send(ws, "identify", Map.of("userId", "undefined")).then().statusCode(400)
                .body("detail", containsString("no usable identifier"));
        send(ws, "track", "{not json").then().statusCode(400).contentType("application/problem+json");
        get(ws, "/api/profiles/dead-letters").statusCode(200)
                .body("items.size()", equalTo(7))
                .body("items.reason", hasItem("is required for track"))
                .body("items.endpoint", hasItem("/v1/track"));
    }

    @Test
    void batchStoresTheValidMessagesAndReportsEachRejectedOne() {
        String ws = UUID.randomUUID().toString();
        batch(ws, List.of(
                Map.of("type", "identify", "userId", "b-1", "traits", Map.of("email", "b1@example.com")),
                Map.of("type", "track", "userId", "b-1"),
                Map.of("type", "nonsense", "userId", "b-1"),
                Map.of("type", "track", "userId", "b-1", "event", "Signed Up")))
                .statusCode(200)
                .body("success", equalTo(true))
                .body("rejected.index", equalTo(List.of(1, 2)))
                .body("rejected[0].field", equalTo("event"))
                .body("rejected[1].field", equalTo("type"));
        String id = profileIdOf(ws, "email", "b1@example.com");
        get(ws, "/api/profiles/" + id + "/events").body("items", hasSize(2));
        get(ws, "/api/profiles/dead-letters").body("items.index", hasItems(1, 2))
                .body("items[0].message", containsString("b-1"));

        batch(ws, List.of(Map.of("type", "track", "userId", "b-1"))).statusCode(400)
                .body("violations.field", hasItem("batch[0].event"));
        send(ws, "batch", Map.of("batch", List.of())).then().statusCode(400);
        send(ws, "batch", Map.of("messages", List.of())).then().statusCode(400)
                .body("violations.field", hasItem("batch"));
    }

    @Test
    void aResentMessageIdIsStoredOnce() {
        String ws = UUID.randomUUID().toString();
        Map<String, Object> message = Map.of("type", "track", "userId", "d-1", "event", "Order Completed",
                "messageId", "dup-1", "properties", Map.of("revenue", 5));
        accepted(ws, "track", message);
        accepted(ws, "track", message);
        batch(ws, List.of(message, message)).statusCode(200);
        String id = profileIdOf(ws, "userId", "d-1");
        get(ws, "/api/profiles/" + id).body("computed.orderCount", equalTo(1)).body("computed.revenue", equalTo(5.0f));
        get(ws, "/api/profiles/" + id + "/events").body("items", hasSize(1));
        // the same messageId in another workspace is another message
        String other = UUID.randomUUID().toString();
        accepted(other, "track", message);
        lookup(other, "userId", "d-1").statusCode(200);
    }

    @Test
    void clockSkewIsCorrectedAndExplicitTimestampsKept() {
        String ws = UUID.randomUUID().toString();
        Instant before = Instant.now();
        accepted(ws, "track", Map.of("userId", "c-1", "event", "Skewed", "originalTimestamp", "2020-01-01T00:00:00Z",
                "sentAt", "2020-01-01T00:01:00Z"));
        accepted(ws, "track", Map.of("userId", "c-1", "event", "Historical", "timestamp", "2011-12-09T12:50:00Z"));
        String id = profileIdOf(ws, "userId", "c-1");
        String skewed = get(ws, "/api/profiles/" + id + "/events?name=Skewed").extract().path("items[0].timestamp");
        Instant corrected = Instant.parse(skewed);
        assertTrue(!corrected.isBefore(before.minus(Duration.ofSeconds(61)))
                && !corrected.isAfter(Instant.now().minus(Duration.ofSeconds(59))), "corrected: " + corrected);
        get(ws, "/api/profiles/" + id + "/events?name=Historical").body("items[0].timestamp",
                equalTo("2011-12-09T12:50:00Z"));
        get(ws, "/api/profiles/" + id).body("computed.firstSeen", equalTo("2011-12-09T12:50:00Z"));
    }

    @Test
    void oversizedMessagesAre413() {
        String ws = UUID.randomUUID().toString();
        String big = "x".repeat(33 * 1024);
        send(ws, "track", Map.of("userId", "s-1", "event", "Big", "properties", Map.of("blob", big))).then()
                .statusCode(413).contentType("application/problem+json");
        batch(ws, List.of(Map.of("type", "track", "userId", "s-1", "event", "Big", "properties", Map.of("b", big)),
                Map.of("type", "track", "userId", "s-1", "event", "Small")))
                .statusCode(200).body("rejected[0].reason", containsString("32 KB"));
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> Map.<String, Object>of("type", "track", "userId", "s-1", "event", "E",
                        "properties", Map.of("b", "y".repeat(30 * 1024)))).toList();
        batch(ws, many).statusCode(413);
    }

    @Test
    void gzipBodiesAreAccepted() throws Exception {
        String ws = UUID.randomUUID().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"batch\":[{\"type\":\"identify\",\"userId\":\"g-1\",\"traits\":{\"email\":\"g@example.com\"}}]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        given().header("Authorization", TestTokens.write(ws)).header("Content-Encoding", "gzip")
                .contentType(ContentType.JSON).body(bytes.toByteArray()).post("/v1/batch")
                .then().statusCode(200).body("success", equalTo(true));
        lookup(ws, "email", "g@example.com").statusCode(200);
    }

    @Test
    void aWriteKeyCannotReadProfilesAndWorkspacesAreIsolated() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        accepted(a, "identify", Map.of("userId", "iso-1", "traits", Map.of("email", "iso@example.com")));
        String id = profileIdOf(a, "email", "iso@example.com");
        lookup(b, "email", "iso@example.com").statusCode(404).contentType("application/problem+json");
        get(b, "/api/profiles/" + id).statusCode(404);
        get(b, "/api/profiles/" + id + "/events").statusCode(404);
        given().header("Authorization", TestTokens.write(a)).get("/api/profiles/" + id).then().statusCode(403);
        lookup(a, "email", "nobody@example.com").statusCode(404);
        lookup(a, "shoeSize", "42").statusCode(400).body("violations.field", hasItem("type"));
    }
}
