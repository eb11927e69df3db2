package org.opencdp.profile.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class IdentityRulesResourceTest {
    private static final String ALL_TYPES = "{\"type\":\"userId\",\"maxPerProfile\":1},"
            + "{\"type\":\"email\",\"maxPerProfile\":3},{\"type\":\"crmContactId\",\"maxPerProfile\":1},"
            + "{\"type\":\"phone\",\"maxPerProfile\":2},{\"type\":\"deviceId\",\"maxPerProfile\":10},"
            + "{\"type\":\"anonymousId\",\"maxPerProfile\":20}";

    @Test
    void safeDefaultsApplyUntilChanged() {
        String ws = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.secret(ws)).get("/api/profiles/identity-rules")
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("types[0].type", equalTo("userId"))
                .body("types[0].maxPerProfile", equalTo(1))
                .body("types[0].priority", equalTo(1))
                .body("blockedValues", hasItems("null", "undefined", "anonymous", "0", "-1", "unknown"));
    }

    @Test
    void customTypesAndPriorityAreSavedInOrder() {
        String ws = UUID.randomUUID().toString();
        put(ws, "{\"types\":[" + ALL_TYPES + ",{\"type\":\"loyaltyCardId\",\"maxPerProfile\":2}],"
                + "\"blockedValues\":[\" N/A \",\"none\",\"none\"]}", "\"0\"")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("types.type", contains("userId", "email", "crmContactId", "phone", "deviceId", "anonymousId",
                        "loyaltyCardId"))
                .body("types.find { it.type == 'loyaltyCardId' }.builtIn", equalTo(false))
                .body("types.find { it.type == 'email' }.priority", equalTo(2))
                .body("blockedValues", contains("n/a", "none"));
        given().header("Authorization", TestTokens.secret(ws)).get("/api/profiles/identity-rules")
                .then().body("version", equalTo(1)).body("types.type", hasItem("loyaltyCardId"));
    }

    @Test
    void droppingABuiltInTypeOrListingATypeTwiceIsA400() {
        String ws = UUID.randomUUID().toString();
        put(ws, "{\"types\":[{\"type\":\"userId\",\"maxPerProfile\":1}],\"blockedValues\":[]}", null)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem(containsString("built-in type email")));
        put(ws, "{\"types\":[" + ALL_TYPES + ",{\"type\":\"EMAIL\",\"maxPerProfile\":1}],\"blockedValues\":[]}", null)
                .then().statusCode(400).body("violations.field", hasItem("types[6].type"));
        put(ws, "{\"types\":[{\"type\":\"bad type!\",\"maxPerProfile\":0}],\"blockedValues\":[]}", null)
                .then().statusCode(400)
                .body("violations.field", hasItems("types[0].type", "types[0].maxPerProfile"));
        given().header("Authorization", TestTokens.secret(ws)).get("/api/profiles/identity-rules")
                .then().body("version", equalTo(0));
    }

    @Test
    void staleIfMatchIs412() {
        String ws = UUID.randomUUID().toString();
        String body = "{\"types\":[" + ALL_TYPES + "],\"blockedValues\":[]}";
        put(ws, body, null).then().statusCode(200);
        put(ws, body, "\"0\"").then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void workspacesDoNotShareRules() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        put(a, "{\"types\":[" + ALL_TYPES + "],\"blockedValues\":[\"only-a\"]}", null).then().statusCode(200);
        given().header("Authorization", TestTokens.secret(b)).get("/api/profiles/identity-rules")
                .then().body("workspaceId", equalTo(b)).body("version", equalTo(0));
    }

    private static Response put(String ws, String body, String ifMatch) {
        var request = given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/profiles/identity-rules");
    }
}
