package org.opencdp.dmp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;
import static org.opencdp.dmp.rest.DmpTestClient.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ExportResourceTest {

    /** A workspace with minExportSize 10, a sports audience and {@code members} sports visitors s-00, s-01... */
    private static String[] sportsAudience(int members) {
        String ws = newWorkspace();
        send(ws, "PUT", "/api/dmp/settings", "{\"minExportSize\":10}").then().statusCode(200);
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/sport/\",\"categoryId\":\"IAB-INT-SPORTS\"}")
                .then().statusCode(201);
        String id = send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"Sports, fans\",\"categories\":[\"IAB-INT-SPORTS\"]}")
                .then().statusCode(201).extract().path("id");
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < members; i++) {
            batch.append(i == 0 ? "" : ",").append(page(String.format("s-%02d", i), "https://x.example/sport/"));
        }
        batch.append(",").append(page("reader", "https://x.example/news/"));
        collect(ws, batch.append("]}").toString()).then().statusCode(200);
        return new String[] {ws, id};
    }

    @Test
    void belowTheMinimumSizeNothingIsExported() {
        String[] s = sportsAudience(9);
        for (String format : List.of("openrtb", "csv")) {
            get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=" + format).then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("minimum export size 10"));
        }
        send(s[0], "PUT", "/api/dmp/settings", "{\"minExportSize\":9}").then().statusCode(400);
    }

    @Test
    void openRtbExportCarriesUserDataSegments() {
        String[] s = sportsAudience(10);
        get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=openrtb").then().statusCode(200)
                .contentType(startsWith("application/json")).header("X-Audience-Size", "10")
                .body("size", equalTo(10)).body("audience.name", equalTo("Sports, fans"))
                .body("users.size()", equalTo(10)).body("users.id", hasItem("s-00"))
                .body("users.data.flatten().id", everyItem(equalTo("opencdp-dmp")))
                .body("users[0].data[0].segment[0].id", equalTo(s[1]))
                .body("users[0].data[0].segment[0].name", equalTo("Sports, fans"));
        get(s[0], "/api/dmp/audiences/" + s[1] + "/export").then().statusCode(200).body("users.size()", equalTo(10));
    }

    @Test
    void csvExportListsTheIds() {
        String[] s = sportsAudience(12);
        String csv = get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("id,id_type,segment_id,segment_name", lines.get(0));
        assertEquals(13, lines.size());
        assertEquals("s-00,anonymous_id," + s[1] + ",\"Sports, fans\"", lines.get(1));
        get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=xml").then().statusCode(400)
                .body("violations.field", hasItem("format"));
    }

    @Test
    void partnerExportsUseThePartnersSyncedIdsAndCountOnlyThose() {
        String[] s = sportsAudience(12);
        for (int i = 0; i < 10; i++) {
            sync(s[0], String.format("s-%02d", i), "acme-" + i);
        }
        sync(s[0], "reader", "acme-reader");
        get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=openrtb&partner=acme").then().statusCode(200)
                .body("size", equalTo(10)).body("users.buyeruid", hasItem("acme-3"))
                .body("users[0].eids[0].source", equalTo("acme"))
                .body("users[0].eids[0].uids[0].atype", equalTo(1));
        String csv = get(s[0], "/api/dmp/audiences/" + s[1] + "/export?format=csv&partner=acme").then().statusCode(200)
                .extract().asString();
        assertEquals(11, csv.lines().count());
        assertEquals(true, csv.contains("acme-0,partner_user_id,"));
        get(s[0], "/api/dmp/audiences/" + s[1] + "/export?partner=other").then().statusCode(422);
    }

    private static void sync(String ws, String aid, String partnerUserId) {
        given().header("Authorization", TestTokens.write(ws)).contentType("application/json")
                .body("{\"partner\":\"acme\",\"partnerUserId\":\"" + partnerUserId + "\",\"anonymousId\":\"" + aid
                        + "\",\"consent\":{\"advertising\":true}}").post("/dmp/v1/sync")
                .then().statusCode(200).body("synced", equalTo(true));
    }
}
