package org.opencdp.dmp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.opencdp.dmp.rest.DmpTestClient.IPHONE;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newVisitor;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class CollectResourceTest {
    @Inject
    DmpCollections collections;

    private List<Document> storedEvents(String ws, String aid) {
        return collections.events().find(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", aid))).into(new java.util.ArrayList<>());
    }

    @Test
    void consentedEventIsStoredWithTruncatedIpDeviceClassAndCoarseGeo() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, page(aid, "https://shop.example/sport/running")).then().statusCode(200)
                .body("received", equalTo(1)).body("stored", equalTo(1));
        List<Document> events = storedEvents(ws, aid);
        assertEquals(1, events.size());
        Document e = events.get(0);
        assertEquals("81.2.69.0", e.getString("ip"));
        assertEquals("mobile", e.getString("device"));
        assertEquals("GB", e.getString("country"));
        assertEquals("ENG", e.getString("region"));
        assertNotNull(e.getDate("expiresAt"));
        assertFalse(e.toJson().contains("81.2.69.142"), "the full IP is never stored");
        assertFalse(e.toJson().contains("iPhone"), "only the device class of the user agent is kept");
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200)
                .body("device", equalTo("mobile")).body("country", equalTo("GB")).body("events", equalTo(1));
    }

    @Test
    void withoutAdvertisingConsentNothingIsStoredAndTheAnswerSaysSo() {
        String ws = newWorkspace();
        String aid = newVisitor();
        for (String consent : List.of("", ",\"consent\":{\"advertising\":false}", ",\"consent\":{\"analytics\":true}")) {
            collect(ws, "{\"anonymousId\":\"" + aid + "\",\"url\":\"https://a.example/\"" + consent + "}")
                    .then().statusCode(200).body("stored", equalTo(0)).body("withoutConsent", equalTo(1))
                    .body("notes[0].outcome", equalTo("not-stored"))
                    .body("notes[0].reason", containsString("no advertising consent"));
        }
        assertEquals(0, storedEvents(ws, aid).size());
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(404);
    }

    @Test
    void segmentStyleCategoryPreferencesCountAsConsent() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, "{\"anonymousId\":\"" + aid + "\",\"event\":\"Video Played\",\"consent\":{\"categoryPreferences\":"
                + "{\"advertising\":true}}}").then().statusCode(200).body("stored", equalTo(1));
    }

    @Test
    void personalDataInPropertiesAndQueryIsRemovedBeforeStorage() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, "{\"anonymousId\":\"" + aid + "\",\"url\":\"https://shop.example/p?email=ann%40example.com&q=shoes\","
                + "\"properties\":{\"email\":\"ann@example.com\",\"firstName\":\"Annabel\",\"note\":\"call +27 82 123 4567\","
                + "\"category\":\"running\"},\"consent\":{\"advertising\":true}}")
                .then().statusCode(200).body("stored", equalTo(1))
                .body("notes.field", hasItems("url.query.email", "properties.email", "properties.firstName",
                        "properties.note"))
                .body("notes.outcome", hasItem("stripped"));
        Document e = storedEvents(ws, aid).get(0);
        String json = e.toJson();
        assertFalse(json.contains("ann@example.com") || json.contains("ann%40example.com"), json);
        assertFalse(json.contains("Annabel") || json.contains("123 4567"), json);
        assertEquals("https://shop.example/p?q=shoes", e.getString("url"));
        assertEquals("running", e.get("props", Document.class).getString("category"));
    }

    @Test
    void personalDataThatCannotBeRemovedRejectsTheEventNamingTheField() {
        String ws = newWorkspace();
        collect(ws, "{\"anonymousId\":\"ann@example.com\",\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("anonymousId"));
        collect(ws, "{\"anonymousId\":\"+27821234567\",\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).body("violations.field", hasItem("anonymousId"));
        String aid = newVisitor();
        collect(ws, "{\"anonymousId\":\"" + aid + "\",\"url\":\"https://shop.example/u/ann@example.com\","
                + "\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).body("violations.field", hasItem("url"))
                .body("detail", containsString("e-mail"));
        assertEquals(0, storedEvents(ws, aid).size());
        assertEquals(0, collections.events().countDocuments(Filters.eq("ws", ws)));
    }

    @Test
    void aBatchReportsEachEventAndStoresOnlyTheGoodOnes() {
        String ws = newWorkspace();
        String a = newVisitor();
        String b = newVisitor();
        collect(ws, "{\"batch\":[" + page(a, "https://shop.example/") + ","
                + "{\"anonymousId\":\"" + b + "\",\"url\":\"https://shop.example/\"},"
                + "{\"anonymousId\":\"" + b + "\",\"url\":\"https://x.example/ann@example.com\",\"consent\":{\"advertising\":true}},"
                + "{\"url\":\"https://shop.example/\",\"consent\":{\"advertising\":true}},"
                + "\"not an object\"]}")
                .then().statusCode(200).body("received", equalTo(5)).body("stored", equalTo(1))
                .body("withoutConsent", equalTo(1)).body("rejected", equalTo(3))
                .body("notes.find { it.index == 3 }.field", equalTo("anonymousId"));
        assertEquals(1, collections.events().countDocuments(Filters.eq("ws", ws)));
    }

    @Test
    void malformedBodiesAreProblems() {
        String ws = newWorkspace();
        collect(ws, "[1,2]").then().statusCode(400).contentType("application/problem+json");
        collect(ws, "{\"batch\":[]}").then().statusCode(400).body("violations.field", hasItem("batch"));
        StringBuilder big = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 501; i++) {
            big.append(i == 0 ? "" : ",").append("{}");
        }
        collect(ws, big.append("]}").toString()).then().statusCode(400).body("violations.field", hasItem("batch"));
        collect(ws, "{\"anonymousId\":\"x1\",\"properties\":\"nope\",\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).body("violations.field", hasItem("properties"));
        collect(ws, "{\"anonymousId\":\"x1\",\"timestamp\":\"yesterday\",\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).body("violations.field", hasItem("timestamp"));
        collect(ws, "{\"anonymousId\":\"x1\",\"url\":\"javascript:alert(1)\",\"consent\":{\"advertising\":true}}")
                .then().statusCode(400).body("violations.field", hasItem("url"));
    }

    @Test
    void forwardedForAndUserAgentHeadersAreUsedWhenTheEventHasNone() {
        String ws = newWorkspace();
        String aid = newVisitor();
        given().header("Authorization", TestTokens.write(ws)).header("X-Forwarded-For", "89.160.20.115, 10.0.0.1")
                .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)").contentType("application/json")
                .body("{\"anonymousId\":\"" + aid + "\",\"consent\":{\"advertising\":true}}").post("/dmp/v1/collect")
                .then().statusCode(200).body("stored", equalTo(1));
        Document e = storedEvents(ws, aid).get(0);
        assertEquals("89.160.20.0", e.getString("ip"));
        assertEquals("SE", e.getString("country"));
        assertEquals("desktop", e.getString("device"));
    }

    @Test
    void pixelAnswersAGifAndStoresTheEventWithoutPersonalData() {
        String ws = newWorkspace();
        String aid = newVisitor();
        byte[] gif = given().header("Authorization", TestTokens.write(ws)).header("User-Agent", IPHONE)
                .queryParam("anonymousId", aid).queryParam("url", "https://news.example/sport")
                .queryParam("consent", "1").queryParam("email", "ann@example.com").queryParam("section", "sport")
                .get("/dmp/v1/pixel.gif").then().statusCode(200).contentType("image/gif")
                .header("X-DMP-Outcome", "stored").header("Cache-Control", containsString("no-store"))
                .extract().asByteArray();
        assertArrayEquals(Pixel.GIF, gif);
        Document e = storedEvents(ws, aid).get(0);
        assertEquals("sport", e.get("props", Document.class).getString("section"));
        assertFalse(e.toJson().contains("ann@example.com"));
        given().header("Authorization", TestTokens.write(ws)).queryParam("anonymousId", newVisitor())
                .get("/dmp/v1/pixel.gif").then().statusCode(200).header("X-DMP-Outcome", "not-stored");
    }

    @Test
    void collectionNeedsAKeyAndManagementNeedsASecretKey() {
        given().contentType("application/json").body("{}").post("/dmp/v1/collect").then().statusCode(401)
                .contentType("application/problem+json");
        String ws = newWorkspace();
        given().header("Authorization", TestTokens.write(ws)).get("/api/dmp/visitors/x").then().statusCode(403);
    }
}
