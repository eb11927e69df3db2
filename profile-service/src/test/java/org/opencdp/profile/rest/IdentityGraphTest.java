package org.opencdp.profile.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.opencdp.profile.rest.Tracking.accepted;
import static org.opencdp.profile.rest.Tracking.get;
import static org.opencdp.profile.rest.Tracking.lookup;
import static org.opencdp.profile.rest.Tracking.profileIdOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class IdentityGraphTest {

    @Test
    void aliasMergesAndUnmergeSplitsIdentitiesEventsAndTraitsAgain() {
        String ws = UUID.randomUUID().toString();
        accepted(ws, "identify", Map.of("anonymousId", "a-1", "traits", Map.of("favouriteColour", "blue")));
        accepted(ws, "track", Map.of("anonymousId", "a-1", "event", "Product Viewed"));
        accepted(ws, "identify", Map.of("userId", "u-1", "traits", Map.of("email", "ann@example.com",
                "firstName", "Ann")));
        accepted(ws, "track", Map.of("userId", "u-1", "event", "Order Completed", "properties",
                Map.of("revenue", 30)));
        String anonymous = profileIdOf(ws, "anonymousId", "a-1");
        String known = profileIdOf(ws, "userId", "u-1");
        assertNotEquals(anonymous, known);

        accepted(ws, "alias", Map.of("previousId", "a-1", "userId", "u-1"));
        assertEquals(known, profileIdOf(ws, "anonymousId", "a-1"));
        get(ws, "/api/profiles/" + anonymous).statusCode(200)
                .header("Content-Location", "/api/profiles/" + known)
                .body("id", equalTo(known)).body("mergedFrom", equalTo(anonymous));
        get(ws, "/api/profiles/" + known).body("traits.favouriteColour", equalTo("blue"))
                .body("traits.firstName", equalTo("Ann"))
                .body("computed.eventCounts.'Product Viewed'", equalTo(1))
                .body("mergedProfiles.profileId", hasItem(anonymous));
        get(ws, "/api/profiles/" + known + "/events").body("items", hasSize(5));
        String mergeId = get(ws, "/api/profiles/" + known + "/merges").statusCode(200)
                .body("items[0].kind", equalTo("merge"))
                .body("items[0].survivorId", equalTo(known))
                .body("items[0].loserId", equalTo(anonymous))
                .body("items[0].cause.identifiers[0].value", equalTo("a-1"))
                .body("items[0].unmerged", equalTo(false))
                .extract().path("items[0].id");

        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body(Map.of("mergeId", mergeId)).post("/api/profiles/" + known + "/unmerge")
                .then().statusCode(200)
                .body("survivor.id", equalTo(known)).body("restored.id", equalTo(anonymous));
        assertEquals(anonymous, profileIdOf(ws, "anonymousId", "a-1"));
        assertEquals(known, profileIdOf(ws, "email", "ann@example.com"));
        get(ws, "/api/profiles/" + anonymous).body("mergedFrom", nullValue())
                .body("traits.favouriteColour", equalTo("blue")).body("traits.firstName", nullValue())
                .body("computed.eventCounts.'Product Viewed'", equalTo(1))
                .body("computed.orderCount", nullValue())
                .body("identities.value", equalTo(List.of("a-1")));
        get(ws, "/api/profiles/" + known).body("traits.favouriteColour", nullValue())
                .body("traits.firstName", equalTo("Ann")).body("computed.orderCount", equalTo(1))
                .body("computed.eventCounts.'Product Viewed'", nullValue())
                .body("mergedProfiles", hasSize(0))
                .body("identities.value", not(hasItem("a-1")));
        get(ws, "/api/profiles/" + anonymous + "/events").body("items", hasSize(2));
        get(ws, "/api/profiles/" + known + "/events").body("items", hasSize(3));
        get(ws, "/api/profiles/" + known + "/merges").body("items.kind", hasItems("merge", "unmerge"))
                .body("items.find { it.kind == 'merge' }.unmerged", equalTo(true));

        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body(Map.of("mergeId", mergeId)).post("/api/profiles/" + known + "/unmerge")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body(Map.of("mergeId", "m-nope")).post("/api/profiles/" + known + "/unmerge")
                .then().statusCode(404);
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{}").post("/api/profiles/" + known + "/unmerge")
                .then().statusCode(400).body("violations.field", hasItem("mergeId"));
        String other = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.secret(other)).contentType(ContentType.JSON)
                .body(Map.of("mergeId", mergeId)).post("/api/profiles/" + known + "/unmerge")
                .then().statusCode(404);
    }

    @Test
    void twoUserIdsNeverMergeAndTheRefusalIsRecorded() {
        String ws = UUID.randomUUID().toString();
        accepted(ws, "identify", Map.of("userId", "u-A", "traits", Map.of("email", "shared@example.com")));
        accepted(ws, "identify", Map.of("userId", "u-B"));
        accepted(ws, "identify", Map.of("userId", "u-B", "traits", Map.of("email", "shared@example.com",
                "phone", "+27821110000")));
        String a = profileIdOf(ws, "userId", "u-A");
        String b = profileIdOf(ws, "userId", "u-B");
        assertNotEquals(a, b);
        assertEquals(a, profileIdOf(ws, "email", "shared@example.com"));
        lookup(ws, "phone", "+27821110000").statusCode(404);
        get(ws, "/api/profiles/" + b + "/merges").body("items[0].kind", equalTo("refused"))
                .body("items[0].reason", containsString("userId"))
                .body("items[0].profileIds", hasItems(a, b));
    }

    @Test
    void perTypeLimitsBlockedValuesAndCustomTypesFollowTheWorkspaceRules() {
        String ws = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"types\":[{\"type\":\"userId\",\"maxPerProfile\":1},{\"type\":\"loyaltyCardId\","
                        + "\"maxPerProfile\":1},{\"type\":\"crmContactId\",\"maxPerProfile\":1},{\"type\":\"email\","
                        + "\"maxPerProfile\":1},{\"type\":\"phone\",\"maxPerProfile\":2},{\"type\":\"deviceId\","
                        + "\"maxPerProfile\":5},{\"type\":\"anonymousId\",\"maxPerProfile\":5}],"
                        + "\"blockedValues\":[\"anonymous\",\"guest@example.com\"]}")
                .put("/api/profiles/identity-rules").then().statusCode(200);
        accepted(ws, "identify", Map.of("userId", "u-1", "anonymousId", "anonymous",
                "traits", Map.of("email", "first@example.com", "loyaltyCardId", "L-1")));
        accepted(ws, "identify", Map.of("userId", "u-1", "traits", Map.of("email", "second@example.com")));
        accepted(ws, "identify", Map.of("userId", "u-2", "traits", Map.of("email", " GUEST@example.com")));
        String id = profileIdOf(ws, "userId", "u-1");
        assertEquals(id, profileIdOf(ws, "loyaltyCardId", "L-1"));
        lookup(ws, "email", "second@example.com").statusCode(404);
        lookup(ws, "anonymousId", "anonymous").statusCode(404);
        lookup(ws, "email", "guest@example.com").statusCode(404);
        get(ws, "/api/profiles/" + id + "/merges").body("items.reason", hasItem(containsString("limit of 1 email")));
    }

    @Test
    void consentsComeFromTheConsentContext() {
        String ws = UUID.randomUUID().toString();
        accepted(ws, "track", Map.of("userId", "c-1", "event", "Consent Changed", "context",
                Map.of("consent", Map.of("categoryPreferences", Map.of("Advertising", true, "Analytics", false)))));
        String id = profileIdOf(ws, "userId", "c-1");
        get(ws, "/api/profiles/" + id).body("consents.Advertising.granted", equalTo(true))
                .body("consents.Analytics.granted", equalTo(false))
                .body("consents.Advertising.source", equalTo("tracking"));
    }
}
