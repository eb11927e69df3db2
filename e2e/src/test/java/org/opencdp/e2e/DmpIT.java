package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DMP through the gateway: anonymous collection with and without consent, personal data refused, the pixel,
 * audience membership, exports and their size floor, workspace isolation.
 */
class DmpIT {
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static SharedPlatform.Tenant tenant;
    private static SharedPlatform.Tenant other;

    @BeforeAll
    static void start() {
        tenant = SharedPlatform.newTenant("dmp");
        other = SharedPlatform.newTenant("dmp-other");
    }

    private static Response collect(SharedPlatform.Tenant t, String body) {
        return given().auth().preemptive().basic(t.writeKey(), "").contentType(ContentType.JSON).body(body)
                .post("/dmp/v1/collect");
    }

    private static Response manage(SharedPlatform.Tenant t, String method, String path, String body) {
        var request = given().auth().oauth2(t.secretKey()).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    private static String page(String aid, String url, boolean consent) {
        return "{\"anonymousId\":\"" + aid + "\",\"url\":\"" + url + "\",\"userAgent\":\"Mozilla/5.0 (iPhone; CPU "
                + "iPhone OS 17_1 like Mac OS X) Mobile/15E148\",\"ip\":\"81.2.69.142\""
                + (consent ? ",\"consent\":{\"advertising\":true}" : "") + "}";
    }

    private static String visitor() {
        return "e2e-" + UUID.randomUUID();
    }

    @Test
    void consentedTrafficIsStoredAndUnconsentedTrafficIsNot() {
        String yes = visitor();
        String no = visitor();
        collect(tenant, "{\"batch\":[" + page(yes, "https://shop.example/a", true) + ","
                + page(no, "https://shop.example/a", false) + "]}").then().statusCode(200)
                .body("stored", equalTo(1)).body("withoutConsent", equalTo(1))
                .body("notes[0].reason", containsString("no advertising consent"));
        manage(tenant, "GET", "/api/dmp/visitors/" + yes, null).then().statusCode(200)
                .body("anonymousId", equalTo(yes)).body("device", equalTo("mobile"))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());
        manage(tenant, "GET", "/api/dmp/visitors/" + no, null).then().statusCode(404)
                .contentType("application/problem+json");
        manage(tenant, "DELETE", "/api/dmp/visitors/" + yes, null).then().statusCode(204);
        manage(tenant, "GET", "/api/dmp/visitors/" + yes, null).then().statusCode(404);
    }

    @Test
    void personalDataIsRemovedOrRefused() {
        collect(tenant, "{\"anonymousId\":\"ann@example.com\",\"consent\":{\"advertising\":true}}").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("anonymousId"));
        String aid = visitor();
        collect(tenant, "{\"anonymousId\":\"" + aid + "\",\"url\":\"https://shop.example/p?email=ann%40example.com\","
                + "\"properties\":{\"phone\":\"+27 82 123 4567\",\"firstName\":\"Ann\",\"section\":\"sport\"},"
                + "\"consent\":{\"advertising\":true}}").then().statusCode(200).body("stored", equalTo(1))
                .body("notes.field", hasItem("url.query.email")).body("notes.field", hasItem("properties.phone"))
                .body("notes.field", hasItem("properties.firstName"));
    }

    @Test
    void thePixelAnswersAGifWithTheWriteKeyInTheQuery() {
        String aid = visitor();
        byte[] body = given().queryParam("writeKey", tenant.writeKey()).queryParam("anonymousId", aid)
                .queryParam("url", "https://news.example/sport").queryParam("consent", "1")
                .get("/dmp/v1/pixel.gif").then().statusCode(200).contentType("image/gif")
                .header("X-DMP-Outcome", "stored").extract().asByteArray();
        assertArrayEquals(GIF, body);
        manage(tenant, "GET", "/api/dmp/visitors/" + aid, null).then().statusCode(200).body("events", equalTo(1));
        given().queryParam("writeKey", tenant.writeKey()).queryParam("anonymousId", visitor())
                .get("/dmp/v1/pixel.gif").then().statusCode(200).header("X-DMP-Outcome", "not-stored");
    }

    @Test
    void audienceMembershipExportsAndTheirSizeFloor() {
        SharedPlatform.Tenant t = SharedPlatform.newTenant("dmp-audiences");
        manage(t, "PUT", "/api/dmp/settings", "{\"minExportSize\":10}").then().statusCode(200);
        manage(t, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/sport/\",\"categoryId\":\"IAB-INT-SPORTS\"}")
                .then().statusCode(201);
        String audience = manage(t, "POST", "/api/dmp/audiences", "{\"name\":\"Sports fans\",\"categories\":"
                + "[\"IAB-INT-SPORTS\"],\"minVisits\":2,\"window\":\"P14D\"}").then().statusCode(201).extract().path("id");
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 10; i++) {
            String aid = "fan-" + i;
            batch.append(i == 0 ? "" : ",").append(page(aid, "https://news.example/sport/a", true));
            if (i < 9) {
                batch.append(",").append(page(aid, "https://news.example/sport/b", true));
            }
        }
        collect(t, batch.append("]}").toString()).then().statusCode(200).body("stored", equalTo(19));
        manage(t, "GET", "/api/dmp/visitors/fan-0", null).then().body("audiences.id", hasItem(audience))
                .body("categories.id", hasItem("IAB-INT-SPORTS"));
        manage(t, "GET", "/api/dmp/visitors/fan-9", null).then().body("audiences.id", not(hasItem(audience)));
        manage(t, "GET", "/api/dmp/audiences/" + audience, null).then().statusCode(200).body("size", equalTo(9));
        manage(t, "GET", "/api/dmp/audiences/" + audience + "/export?format=openrtb", null).then().statusCode(422)
                .contentType("application/problem+json");
        collect(t, page("fan-9", "https://news.example/sport/c", true)).then().statusCode(200);
        manage(t, "GET", "/api/dmp/audiences/" + audience + "/export?format=openrtb", null).then().statusCode(200)
                .body("size", equalTo(10)).body("users.size()", equalTo(10))
                .body("users[0].data[0].segment[0].id", equalTo(audience));
        String csv = manage(t, "GET", "/api/dmp/audiences/" + audience + "/export?format=csv", null).then()
                .statusCode(200).extract().asString();
        assertEquals(11, csv.lines().count());
        manage(t, "GET", "/api/dmp/audiences/" + audience + "/members?limit=5", null).then().statusCode(200)
                .body("anonymousIds.size()", equalTo(5)).body("next", equalTo("fan-4"));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String aid = visitor();
        collect(tenant, page(aid, "https://shop.example/x", true)).then().statusCode(200);
        String audience = manage(tenant, "POST", "/api/dmp/audiences", "{\"name\":\"Mine\",\"categories\":[\"IAB-INT\"]}")
                .then().statusCode(201).extract().path("id");
        manage(other, "GET", "/api/dmp/visitors/" + aid, null).then().statusCode(404);
        manage(other, "DELETE", "/api/dmp/visitors/" + aid, null).then().statusCode(404);
        manage(other, "GET", "/api/dmp/audiences/" + audience, null).then().statusCode(404);
        manage(other, "GET", "/api/dmp/audiences/" + audience + "/export?format=csv", null).then().statusCode(404);
        String list = manage(other, "GET", "/api/dmp/audiences", null).then().statusCode(200).extract().asString();
        assertFalse(list.contains(audience));
        manage(tenant, "GET", "/api/dmp/visitors/" + aid, null).then().statusCode(200);
    }
}
