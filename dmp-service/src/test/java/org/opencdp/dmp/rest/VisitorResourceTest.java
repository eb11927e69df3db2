package org.opencdp.dmp.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencdp.dmp.rest.DmpTestClient.collect;
import static org.opencdp.dmp.rest.DmpTestClient.get;
import static org.opencdp.dmp.rest.DmpTestClient.newVisitor;
import static org.opencdp.dmp.rest.DmpTestClient.newWorkspace;
import static org.opencdp.dmp.rest.DmpTestClient.page;
import static org.opencdp.dmp.rest.DmpTestClient.send;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.dmp.service.DmpClock;
import org.opencdp.dmp.service.PurgeJob;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class VisitorResourceTest {
    @Inject
    DmpCollections collections;
    @Inject
    DmpClock clock;
    @Inject
    PurgeJob purge;

    @Test
    void visitorViewHasTheContractShape() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, page(aid, "https://shop.example/")).then().statusCode(200);
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200)
                .body("anonymousId", equalTo(aid))
                .body("categories", notNullValue()).body("audiences", notNullValue())
                .body("firstSeen", notNullValue()).body("lastSeen", notNullValue()).body("expiresAt", notNullValue());
    }

    @Test
    void expiryFollowsTheWorkspaceRetention() {
        String ws = newWorkspace();
        String aid = newVisitor();
        send(ws, "PUT", "/api/dmp/settings", "{\"retention\":\"P2D\"}").then().statusCode(200);
        Instant before = Instant.now();
        collect(ws, page(aid, "https://shop.example/")).then().statusCode(200);
        Instant expires = Instant.parse(get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200)
                .extract().path("expiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofDays(2))) && expires.isBefore(Instant.now().plus(Duration.ofDays(2)).plusSeconds(1)),
                "expiresAt " + expires);
        Document event = collections.events().find(Filters.eq("aid", aid)).first();
        assertEquals(expires, event.getDate("expiresAt").toInstant());
    }

    @Test
    void deletingAVisitorIsImmediateAndTakesItsEvents() {
        String ws = newWorkspace();
        String aid = newVisitor();
        collect(ws, "{\"batch\":[" + page(aid, "https://a.example/1") + "," + page(aid, "https://a.example/2") + "]}")
                .then().statusCode(200).body("stored", equalTo(2));
        send(ws, "DELETE", "/api/dmp/visitors/" + aid, null).then().statusCode(204);
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, collections.events().countDocuments(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", aid))));
        send(ws, "DELETE", "/api/dmp/visitors/" + aid, null).then().statusCode(404);
    }

    @Test
    void anotherWorkspaceNeitherSeesNorDeletesAVisitor() {
        String a = newWorkspace();
        String b = newWorkspace();
        String aid = newVisitor();
        collect(a, page(aid, "https://shop.example/")).then().statusCode(200);
        get(b, "/api/dmp/visitors/" + aid).then().statusCode(404);
        send(b, "DELETE", "/api/dmp/visitors/" + aid, null).then().statusCode(404);
        get(a, "/api/dmp/visitors/" + aid).then().statusCode(200);
        assertEquals(1, collections.events().countDocuments(Filters.and(Filters.eq("ws", a), Filters.eq("aid", aid))));
    }

    @Test
    void withOneMinuteRetentionExpiredDataIsNeverReturnedAndThePurgeRemovesIt() {
        String ws = newWorkspace();
        String aid = newVisitor();
        send(ws, "PUT", "/api/dmp/settings", "{\"retention\":\"PT1M\"}").then().statusCode(200);
        collect(ws, page(aid, "https://shop.example/")).then().statusCode(200).body("stored", equalTo(1));
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200);
        // a visitor of a workspace with the default retention, which must survive the purge
        String keeper = newWorkspace();
        String kept = newVisitor();
        collect(keeper, page(kept, "https://shop.example/")).then().statusCode(200);
        try {
            clock.shift(Duration.ofSeconds(61));
            get(ws, "/api/dmp/visitors/" + aid).then().statusCode(404);
            assertEquals(1, collections.events().countDocuments(Filters.eq("ws", ws)), "still stored, not returned");
            Map<String, Long> purged = purge.purge(clock.now());
            assertTrue(purged.get("dmp_events") >= 1 && purged.get("dmp_visitors") >= 1, purged.toString());
            assertEquals(0, collections.events().countDocuments(Filters.eq("ws", ws)));
            assertEquals(0, collections.visitors().countDocuments(Filters.eq("ws", ws)));
            assertEquals(0, collections.events().countDocuments(Filters.lt("expiresAt", Date.from(clock.now()))));
            get(keeper, "/api/dmp/visitors/" + kept).then().statusCode(200);
        } finally {
            clock.shift(Duration.ZERO);
        }
        // coming back after expiry starts a new visitor
        collect(ws, page(aid, "https://shop.example/")).then().statusCode(200);
        get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200).body("events", equalTo(1));
    }

    @Test
    void anExpiredButUnpurgedVisitorStartsAfreshWhenItReturns() {
        String ws = newWorkspace();
        String aid = newVisitor();
        send(ws, "PUT", "/api/dmp/settings", "{\"retention\":\"PT1M\"}").then().statusCode(200);
        collect(ws, page(aid, "https://shop.example/")).then().statusCode(200);
        try {
            clock.shift(Duration.ofMinutes(5));
            collect(ws, page(aid, "https://shop.example/")).then().statusCode(200);
            get(ws, "/api/dmp/visitors/" + aid).then().statusCode(200).body("events", equalTo(1));
        } finally {
            clock.shift(Duration.ZERO);
        }
    }

    @Test
    void theStoreHasRealTtlIndexes() {
        for (var c : collections.expiring()) {
            boolean ttl = false;
            for (Document index : c.listIndexes()) {
                if (index.get("key", Document.class).containsKey("expiresAt") && index.get("expireAfterSeconds") != null) {
                    ttl = ((Number) index.get("expireAfterSeconds")).longValue() == 0;
                }
            }
            assertTrue(ttl, "TTL index on " + c.getNamespace());
        }
    }

    @Test
    void settingsTakeAMinimumExportSizeWithAFloor() {
        String ws = newWorkspace();
        get(ws, "/api/dmp/settings").then().body("minExportSize", equalTo(100));
        send(ws, "PUT", "/api/dmp/settings", "{\"minExportSize\":25}").then().statusCode(200)
                .body("minExportSize", equalTo(25)).body("retention", equalTo("PT720H"));
        send(ws, "PUT", "/api/dmp/settings", "{\"minExportSize\":2}").then().statusCode(400)
                .body("violations.field", hasItem("minExportSize"));
        get(ws, "/api/dmp/settings").then().body("minExportSize", equalTo(25)).body("version", greaterThan(0));
    }

    @Test
    void aVisitorAnotherWriterChangedIsReadAgainNotOverwrittenFromMemory() {
        String ws = newWorkspace();
        String aid = newVisitor();
        String key = ws + "|" + aid;
        collect(ws, page(aid, "https://shop.example/1")).then().statusCode(200);
        double hits = visitorCacheHits();
        collect(ws, page(aid, "https://shop.example/2")).then().statusCode(200);
        assertTrue(visitorCacheHits() > hits, "the second event took the visitor from memory");
        assertEquals(2L, storedEvents(key));
        // another replica counted 40 events meanwhile: this one's memory is stale, its compare-and-set must fail
        collections.visitors().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("n", 42L),
                Updates.set("w", "another-replica"), Updates.inc("v", 1)));
        collect(ws, page(aid, "https://shop.example/3")).then().statusCode(200);
        assertEquals(43L, storedEvents(key));
    }

    @Test
    void aVisitorDeletedBehindThisReplicasBackStartsAfresh() {
        String ws = newWorkspace();
        String aid = newVisitor();
        String key = ws + "|" + aid;
        collect(ws, page(aid, "https://shop.example/1")).then().statusCode(200);
        collect(ws, page(aid, "https://shop.example/2")).then().statusCode(200);
        collections.visitors().deleteOne(Filters.eq("_id", key)); // an erasure on another replica
        collect(ws, page(aid, "https://shop.example/3")).then().statusCode(200);
        assertEquals(1L, storedEvents(key));
    }

    private long storedEvents(String key) {
        return ((Number) collections.visitors().find(Filters.eq("_id", key)).first().get("n")).longValue();
    }

    private static double visitorCacheHits() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("cache_gets_total\\{cache=\"dmp_visitors\",result=\"hit\"[^}]*} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
