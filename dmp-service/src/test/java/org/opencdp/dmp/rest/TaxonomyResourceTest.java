package org.opencdp.dmp.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newVisitor;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;
import static org.opencdp.dmp.rest.DmpTestClient.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class TaxonomyResourceTest {

    @Test
    void builtInTaxonomyIsListedAndBrowsable() {
        String ws = newWorkspace();
        get(ws, "/api/dmp/categories").then().statusCode(200).body("size()", greaterThan(100))
                .body("id", hasItems("IAB-DEM", "IAB-INT", "IAB-PI", "IAB-INT-SPORTS"));
        get(ws, "/api/dmp/categories?parentId=IAB-INT-SPORTS").then().statusCode(200)
                .body("id", hasItem("IAB-INT-SPORTS-SOCCER")).body("tier", hasItem(3));
        get(ws, "/api/dmp/categories/IAB-INT-TRAVEL").then().statusCode(200).body("name", equalTo("Travel"))
                .body("builtIn", equalTo(true));
        get(ws, "/api/dmp/categories/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void ownCategoriesAreAddedUnderAParentAndStayInTheirWorkspace() {
        String ws = newWorkspace();
        send(ws, "POST", "/api/dmp/categories", "{\"name\":\"Trail running\",\"parentId\":\"IAB-INT-HEALTH-RUNNING\"}")
                .then().statusCode(201).body("id", equalTo("trail-running")).body("tier", equalTo(4))
                .body("builtIn", equalTo(false));
        send(ws, "POST", "/api/dmp/categories", "{\"name\":\"Trail running\"}").then().statusCode(409);
        send(ws, "POST", "/api/dmp/categories", "{\"id\":\"IAB-MINE\",\"name\":\"x\"}").then().statusCode(400)
                .body("violations.field", hasItem("id"));
        send(ws, "POST", "/api/dmp/categories", "{\"id\":\"bad id!\",\"name\":\"x\"}").then().statusCode(400)
                .body("violations.field", hasItem("id"));
        send(ws, "POST", "/api/dmp/categories", "{\"name\":\"x\",\"parentId\":\"missing\"}").then().statusCode(400)
                .body("violations.field", hasItem("parentId"));
        send(ws, "POST", "/api/dmp/categories", "{\"name\":\"\"}").then().statusCode(400)
                .body("violations.field", hasItem("name"));
        get(newWorkspace(), "/api/dmp/categories/trail-running").then().statusCode(404);
        send(ws, "DELETE", "/api/dmp/categories/IAB-INT", null).then().statusCode(409);
        send(ws, "DELETE", "/api/dmp/categories/trail-running", null).then().statusCode(204);
        get(ws, "/api/dmp/categories/trail-running").then().statusCode(404);
    }

    @Test
    void rulesAreValidatedAndScopedToTheWorkspace() {
        String ws = newWorkspace();
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"(unclosed\",\"categoryId\":\"IAB-INT\"}")
                .then().statusCode(400).body("violations.field", hasItem("pattern"));
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"(?<=x)y\",\"categoryId\":\"IAB-INT\"}")
                .then().statusCode(400).body("violations.field", hasItem("pattern"));
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"regex\",\"pattern\":\"x\",\"categoryId\":\"IAB-INT\"}")
                .then().statusCode(400).body("violations.field", hasItem("type"));
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"x\",\"categoryId\":\"nope\"}")
                .then().statusCode(400).body("violations.field", hasItem("categoryId"));
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"property\",\"categoryId\":\"IAB-INT\"}")
                .then().statusCode(400).body("violations.field", hasItem("property"));
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"x\",\"categoryId\":\"IAB-INT\",\"weight\":0}")
                .then().statusCode(400).body("violations.field", hasItem("weight"));
        String id = send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/sport/\","
                + "\"categoryId\":\"IAB-INT-SPORTS\"}").then().statusCode(201).body("weight", equalTo(1.0f))
                .extract().path("id");
        get(ws, "/api/dmp/rules/" + id).then().statusCode(200).body("pattern", equalTo("/sport/"));
        get(ws, "/api/dmp/rules").then().statusCode(200).body("id", hasItem(id));
        String other = newWorkspace();
        get(other, "/api/dmp/rules/" + id).then().statusCode(404);
        send(other, "DELETE", "/api/dmp/rules/" + id, null).then().statusCode(404);
        get(other, "/api/dmp/rules").then().body("id", not(hasItem(id)));
        send(ws, "DELETE", "/api/dmp/rules/" + id, null).then().statusCode(204);
        get(ws, "/api/dmp/rules/" + id).then().statusCode(404);
    }

    @Test
    void collectedEventsScoreCategoriesThroughTheRules() {
        String ws = newWorkspace();
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"url\",\"pattern\":\"/sport/soccer\","
                + "\"categoryId\":\"IAB-INT-SPORTS-SOCCER\"}").then().statusCode(201);
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"keyword\",\"pattern\":\"beach\",\"categoryId\":"
                + "\"IAB-INT-TRAVEL-BEACH-HOLIDAYS\",\"weight\":3}").then().statusCode(201);
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"property\",\"property\":\"section\",\"value\":\"finance\","
                + "\"categoryId\":\"IAB-INT-BUS\"}").then().statusCode(201);
        String aid = newVisitor();
        collect(ws, "{\"batch\":[" + page(aid, "https://news.example/sport/soccer/derby") + ","
                + "{\"anonymousId\":\"" + aid + "\",\"url\":\"https://travel.example/deals\",\"title\":\"Beach breaks\","
                + "\"consent\":{\"advertising\":true}},"
                + "{\"anonymousId\":\"" + aid + "\",\"event\":\"Article Read\",\"properties\":{\"section\":\"Finance\"},"
                + "\"consent\":{\"advertising\":true}}]}").then().statusCode(200).body("stored", equalTo(3));
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200)
                .body("categories.id", hasItems("IAB-INT-SPORTS-SOCCER", "IAB-INT-SPORTS", "IAB-INT",
                        "IAB-INT-TRAVEL-BEACH-HOLIDAYS", "IAB-INT-BUS"))
                .body("categories.find { it.id == 'IAB-INT-TRAVEL-BEACH-HOLIDAYS' }.score", DmpTestClient.near(0.75f))
                .body("categories.find { it.id == 'IAB-INT-SPORTS-SOCCER' }.score", DmpTestClient.near(0.5f))
                .body("categories.find { it.id == 'IAB-INT-SPORTS' }.name", equalTo("Sports"))
                .body("categories.find { it.id == 'IAB-INT' }.visits", equalTo(3))
                .body("categories[0].id", equalTo("IAB-INT"));   // three hits, five weight in all
    }

    @Test
    void olderHitsCountLessThanRecentOnes() {
        String ws = newWorkspace();
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"keyword\",\"pattern\":\"golf\",\"categoryId\":"
                + "\"IAB-INT-SPORTS-GOLF\"}").then().statusCode(201);
        send(ws, "POST", "/api/dmp/rules", "{\"type\":\"keyword\",\"pattern\":\"tennis\",\"categoryId\":"
                + "\"IAB-INT-SPORTS-TENNIS\"}").then().statusCode(201);
        String aid = newVisitor();
        String old = java.time.Instant.now().minus(java.time.Duration.ofDays(14)).toString();
        collect(ws, "{\"batch\":[{\"anonymousId\":\"" + aid + "\",\"url\":\"https://x.example/golf\",\"timestamp\":\""
                + old + "\",\"consent\":{\"advertising\":true}}," + page(aid, "https://x.example/tennis") + "]}")
                .then().statusCode(200).body("stored", equalTo(2));
        // golf: one hit two half-lives ago (raw 0.25 -> score 0.2); tennis: one fresh hit (0.5)
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200)
                .body("categories.find { it.id == 'IAB-INT-SPORTS-GOLF' }.score", DmpTestClient.near(0.2f))
                .body("categories.find { it.id == 'IAB-INT-SPORTS-TENNIS' }.score", DmpTestClient.near(0.5f));
    }
}
