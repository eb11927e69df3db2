package org.opencdp.dmp.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;
import static org.opencdp.dmp.rest.DmpTestClient.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class AudienceResourceTest {

    private static void sportsRule(String ws) {
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/sport/\",\"categoryId\":\"IAB-INT-SPORTS\"}")
                .then().statusCode(201);
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/travel/\",\"categoryId\":\"IAB-INT-TRAVEL\"}")
                .then().statusCode(201);
    }

    private static String audience(String ws, String body) {
        return send(ws, "POST", "/api/dmp/audiences", body).then().statusCode(201).extract().path("id");
    }

    private static String visits(String aid, String path, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(page(aid, "https://news.example" + path + i));
        }
        return String.join(",", events);
    }

    @Test
    void membershipFollowsVisitsAsEventsArrive() {
        String ws = newWorkspace();
        sportsRule(ws);
        String fans = audience(ws, "{\"name\":\"Sports fans\",\"categories\":[\"IAB-INT-SPORTS\"],\"minVisits\":3,"
                + "\"window\":\"P14D\"}");
        collect(ws, "{\"batch\":[" + visits("keen", "/sport/", 3) + "," + visits("casual", "/sport/", 2) + ","
                + visits("traveller", "/travel/", 5) + "]}").then().statusCode(200).body("stored", equalTo(10));
        get(ws, "/api/dmp/visitors/keen").then().body("audiences.id", contains(fans))
                .body("audiences[0].name", equalTo("Sports fans"));
        get(ws, "/api/dmp/visitors/casual").then().body("audiences", empty());
        get(ws, "/api/dmp/audiences/" + fans).then().statusCode(200).body("size", equalTo(1));
        collect(ws, page("casual", "https://news.example/sport/final")).then().statusCode(200);
        get(ws, "/api/dmp/visitors/casual").then().body("audiences.id", contains(fans));
        get(ws, "/api/dmp/audiences/" + fans).then().body("size", equalTo(2));
    }

    @Test
    void visitsOutsideTheWindowDoNotCount() {
        String ws = newWorkspace();
        sportsRule(ws);
        String fans = audience(ws, "{\"name\":\"Sports fans\",\"categories\":[\"IAB-INT-SPORTS\"],\"minVisits\":3,"
                + "\"window\":\"P14D\"}");
        Instant now = Instant.now();
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        int[] daysAgo = {20, 10, 1};
        for (int i = 0; i < daysAgo.length; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"anonymousId\":\"slow\",\"url\":\"https://x.example/sport/")
                    .append(i).append("\",\"timestamp\":\"").append(now.minus(Duration.ofDays(daysAgo[i])))
                    .append("\",\"consent\":{\"advertising\":true}}");
        }
        collect(ws, batch.append("]}").toString()).then().statusCode(200).body("stored", equalTo(3));
        get(ws, "/api/dmp/visitors/slow").then().body("audiences", empty());
        get(ws, "/api/dmp/audiences/" + fans).then().body("size", equalTo(0));
    }

    @Test
    void anAudienceCreatedLaterIncludesExistingVisitorsAndOverlapIsCounted() {
        String ws = newWorkspace();
        sportsRule(ws);
        collect(ws, "{\"batch\":[" + visits("both-1", "/sport/", 1) + "," + visits("both-1", "/travel/", 1) + ","
                + visits("both-2", "/sport/", 1) + "," + visits("both-2", "/travel/", 1) + ","
                + visits("sport-only", "/sport/", 1) + "," + visits("travel-only", "/travel/", 1) + "]}")
                .then().statusCode(200);
        String sport = send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"Sport\",\"categories\":[\"IAB-INT-SPORTS\"]}")
                .then().statusCode(201).body("size", equalTo(3)).extract().path("id");
        String travel = audience(ws, "{\"name\":\"Travel\",\"categories\":[\"IAB-INT-TRAVEL\"]}");
        get(ws, "/api/dmp/audiences/" + sport + "/overlap?with=" + travel).then().statusCode(200)
                .body("size", equalTo(3)).body("otherSize", equalTo(3)).body("both", equalTo(2))
                .body("jaccard", DmpTestClient.near(0.5f));
        get(ws, "/api/dmp/audiences/" + sport + "/overlap").then().statusCode(400);
        get(ws, "/api/dmp/audiences/" + sport + "/overlap?with=nope").then().statusCode(404);
    }

    @Test
    void membersAreListedAPageAtATime() {
        String ws = newWorkspace();
        sportsRule(ws);
        String all = audience(ws, "{\"name\":\"Sport\",\"categories\":[\"IAB-INT-SPORTS\"]}");
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 25; i++) {
            batch.append(i == 0 ? "" : ",").append(page(String.format("m-%02d", i), "https://x.example/sport/"));
        }
        collect(ws, batch.append("]}").toString()).then().statusCode(200).body("stored", equalTo(25));
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var response = get(ws, "/api/dmp/audiences/" + all + "/members?limit=10" + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract();
            seen.addAll(response.path("anonymousIds"));
            after = response.path("next");
        } while (after != null);
        assertEquals(25, seen.size());
        assertEquals("m-00", seen.get(0));
        assertEquals("m-24", seen.get(24));
        get(ws, "/api/dmp/audiences/" + all + "/members?limit=0").then().statusCode(400);
        get(ws, "/api/dmp/audiences/" + all + "/members?limit=100").then().body("next", nullValue());
    }

    @Test
    void audiencesAreValidatedAndIsolated() {
        String ws = newWorkspace();
        send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"x\",\"categories\":[\"nope\"]}").then().statusCode(400)
                .body("violations.field", hasItem("categories[0]"));
        send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"x\",\"categories\":[]}").then().statusCode(400)
                .body("violations.field", hasItem("categories"));
        send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"x\",\"categories\":[\"IAB-INT\"],\"window\":\"2 weeks\"}")
                .then().statusCode(400).body("violations.field", hasItem("window"));
        send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"x\",\"categories\":[\"IAB-INT\"],\"minVisits\":0}")
                .then().statusCode(400).body("violations.field", hasItem("minVisits"));
        send(ws, "POST", "/api/dmp/audiences", "{\"name\":\"x\",\"categories\":[\"IAB-INT\"],\"minScore\":1}")
                .then().statusCode(400).body("violations.field", hasItem("minScore"));
        String id = audience(ws, "{\"name\":\"Mine\",\"categories\":[\"IAB-INT\"]}");
        get(ws, "/api/dmp/audiences").then().body("id", hasItem(id));
        String other = newWorkspace();
        get(other, "/api/dmp/audiences/" + id).then().statusCode(404);
        get(other, "/api/dmp/audiences/" + id + "/members").then().statusCode(404);
        get(other, "/api/dmp/audiences/" + id + "/export?format=csv").then().statusCode(404);
        send(other, "DELETE", "/api/dmp/audiences/" + id, null).then().statusCode(404);
        get(other, "/api/dmp/audiences").then().body("id", not(hasItem(id)));
        send(ws, "DELETE", "/api/dmp/audiences/" + id, null).then().statusCode(204);
        get(ws, "/api/dmp/audiences/" + id).then().statusCode(404);
    }
}
