package org.opencdp.dmp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newVisitor;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;
import static org.opencdp.dmp.rest.DmpTestClient.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class PartnerResourceTest {

    private static io.restassured.response.Response sync(String ws, String body) {
        return given().header("Authorization", TestTokens.write(ws)).contentType("application/json").body(body)
                .post("/dmp/v1/sync");
    }

    @Test
    void idSyncNeedsConsentAndShowsOnTheVisitor() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, page(aid, "https://x.example/")).then().statusCode(200);
        sync(ws, "{\"partner\":\"acme\",\"partnerUserId\":\"u-1\",\"anonymousId\":\"" + aid + "\"}")
                .then().statusCode(200).body("synced", equalTo(false));
        get(ws, "/api/dmp/visitors/" + aid).then().body("partnerIds", empty());
        sync(ws, "{\"partner\":\"acme\",\"partnerUserId\":\"u-1\",\"anonymousId\":\"" + aid
                + "\",\"consent\":{\"advertising\":true}}").then().statusCode(200).body("synced", equalTo(true));
        get(ws, "/api/dmp/visitors/" + aid).then().body("partnerIds[0].partner", equalTo("acme"))
                .body("partnerIds[0].partnerUserId", equalTo("u-1"));
        get(newWorkspace(), "/api/dmp/visitors/" + aid).then().statusCode(404);
    }

    @Test
    void syncPixelAndInvalidSyncs() {
        String ws = newWorkspace();
        given().header("Authorization", TestTokens.write(ws)).queryParam("partner", "acme")
                .queryParam("partnerUserId", "u-2").queryParam("anonymousId", "a-2").queryParam("consent", "1")
                .get("/dmp/v1/sync.gif").then().statusCode(200).contentType("image/gif")
                .header("X-DMP-Outcome", "synced");
        given().header("Authorization", TestTokens.write(ws)).queryParam("partner", "ACME!")
                .queryParam("partnerUserId", "u-2").queryParam("anonymousId", "a-2").queryParam("consent", "1")
                .get("/dmp/v1/sync.gif").then().statusCode(200).header("X-DMP-Outcome", "rejected");
        sync(ws, "{\"partner\":\"acme\",\"partnerUserId\":\"ann@example.com\",\"anonymousId\":\"a-3\","
                + "\"consent\":{\"advertising\":true}}").then().statusCode(400)
                .body("violations.field", hasItem("partnerUserId"));
        sync(ws, "{\"partner\":\"acme\",\"anonymousId\":\"a-3\"}").then().statusCode(400)
                .body("violations.field", hasItem("partnerUserId"));
    }

    @Test
    void partnerDataIsUploadedWithExpiryAndLinkedToVisitors() {
        String ws = newWorkspace();
        String cookie = newVisitor();
        String synced = newVisitor();
        collect(ws, page(cookie, "https://x.example/")).then().statusCode(200);
        collect(ws, page(synced, "https://x.example/")).then().statusCode(200);
        sync(ws, "{\"partner\":\"acme\",\"partnerUserId\":\"p-9\",\"anonymousId\":\"" + synced
                + "\",\"consent\":{\"advertising\":true}}").then().statusCode(200);
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        send(ws, "POST", "/api/dmp/partner-data", "{\"partner\":\"acme\",\"records\":["
                + "{\"idType\":\"cookie\",\"id\":\"" + cookie + "\",\"segments\":[\"auto-intender\",\"golf\"],"
                + "\"expiresAt\":\"" + tomorrow + "\"},"
                + "{\"idType\":\"partner\",\"id\":\"p-9\",\"segments\":[\"luxury\"]},"
                + "{\"idType\":\"device\",\"id\":\"idfa-unknown\",\"segments\":[\"gamer\"],\"expiresAt\":\"2030-01-01T00:00:00Z\"},"
                + "{\"idType\":\"email\",\"id\":\"x\",\"segments\":[\"a\"]},"
                + "{\"idType\":\"cookie\",\"id\":\"ann@example.com\",\"segments\":[\"a\"]},"
                + "{\"idType\":\"cookie\",\"id\":\"c-1\",\"segments\":[]},"
                + "{\"idType\":\"cookie\",\"id\":\"c-2\",\"segments\":[\"a\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}]}")
                .then().statusCode(200).body("received", equalTo(7)).body("stored", equalTo(3))
                .body("linked", equalTo(3))
                .body("rejected.field", containsInAnyOrder("idType", "id", "segments", "expiresAt"));
        get(ws, "/api/dmp/visitors/" + cookie).then().statusCode(200)
                .body("partnerSegments.code", containsInAnyOrder("auto-intender", "golf"))
                .body("partnerSegments[0].expiresAt", equalTo(tomorrow));
        get(ws, "/api/dmp/visitors/" + synced).then().body("partnerSegments.code", containsInAnyOrder("luxury"));
        send(ws, "POST", "/api/dmp/partner-data", "{\"partner\":\"Not Valid\",\"records\":[]}").then().statusCode(400)
                .body("violations.field", hasItem("partner"));
        send(ws, "DELETE", "/api/dmp/visitors/" + cookie, null).then().statusCode(204);
        collect(ws, page(cookie, "https://x.example/")).then().statusCode(200);
        get(ws, "/api/dmp/visitors/" + cookie).then().body("partnerSegments", empty());
    }

    @Test
    void partnerDataExpiresNoLaterThanTheRetention() {
        String ws = newWorkspace();
        String cookie = newVisitor();
        send(ws, "PUT", "/api/dmp/settings", "{\"retention\":\"P1D\"}").then().statusCode(200);
        collect(ws, page(cookie, "https://x.example/")).then().statusCode(200);
        send(ws, "POST", "/api/dmp/partner-data", "{\"partner\":\"acme\",\"records\":[{\"idType\":\"cookie\",\"id\":\""
                + cookie + "\",\"segments\":[\"a\"],\"expiresAt\":\"2099-01-01T00:00:00Z\"}]}").then().statusCode(200);
        String expires = get(ws, "/api/dmp/visitors/" + cookie).then().extract().path("partnerSegments[0].expiresAt");
        org.junit.jupiter.api.Assertions.assertTrue(Instant.parse(expires).isBefore(Instant.now().plus(1, ChronoUnit.DAYS)
                .plusSeconds(5)), expires);
    }
}
