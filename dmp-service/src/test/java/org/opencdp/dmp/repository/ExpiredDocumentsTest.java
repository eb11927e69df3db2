package org.opencdp.dmp.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.MongoWireStore;

class ExpiredDocumentsTest {
    private static final long NOW = 1_800_000_000_000L;
    private static MongoWireStore store;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        store = MongoWireStore.inMemory();
        client = MongoClients.create(store.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    private static MongoCollection<Document> collection(String name, int expired, int live, long spreadMs) {
        MongoCollection<Document> c = client.getDatabase("purge").getCollection(name);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < expired; i++) {
            docs.add(new Document("n", i).append("expiresAt", new Date(NOW - 1 - (i * spreadMs / Math.max(1, expired)))));
        }
        for (int i = 0; i < live; i++) {
            docs.add(new Document("n", -i).append("expiresAt", new Date(NOW + 1 + i)));
        }
        c.insertMany(docs);
        return c;
    }

    @Test
    void deletesEveryExpiredDocumentInBoundedSlicesAndKeepsTheRest() {
        var c = collection("spread", 5_000, 300, 3 * 3_600_000L);
        var purged = ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(400, 1_000_000, 0));
        assertEquals(5_000, purged.deleted());
        assertEquals(300, c.countDocuments());
        assertEquals(0, c.countDocuments(Filters.lt("expiresAt", new Date(NOW))));
        assertEquals(0, ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(400, 1_000_000, 0))
                .deleted());
    }

    @Test
    void slicesGrowTowardsTheChunkSoThatABacklogTakesFewDeletes() {
        // 20,000 documents over 12 hours, 100 per chunk: 200 deletes at best; slices that stopped growing at a
        // quarter of the chunk (the first span, a minute, holds 28) would take 720
        var c = collection("backlog", 20_000, 0, 12 * 3_600_000L);
        var purged = ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(100, 1_000_000, 0));
        assertEquals(20_000, purged.deleted());
        assertTrue(purged.slices() <= 300, "slices " + purged.slices());
    }

    @Test
    void theNextSpanAimsAtMostOfTheChunkAndGrowsAtMostFourfold() {
        assertEquals(80, ExpiredDocuments.nextStep(100, 100, 100));
        assertEquals(400, ExpiredDocuments.nextStep(100, 0, 100));
        assertEquals(160, ExpiredDocuments.nextStep(100, 50, 100));
        assertEquals(1, ExpiredDocuments.nextStep(1, 100, 100));
    }

    @Test
    void documentsExpiringInTheSameInstantStillGo() {
        var c = collection("same", 1_000, 10, 0);
        assertEquals(1_000, ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(100, 1_000_000, 0))
                .deleted());
        assertEquals(10, c.countDocuments());
    }

    @Test
    void oneRunStopsAfterItsLimitAndTheNextGoesOn() {
        var c = collection("limited", 3_000, 0, 3_600_000L);
        long first = ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(200, 1_000, 0)).deleted();
        assertEquals(true, first >= 1_000 && first < 3_000, "first run " + first);
        long rest = ExpiredDocuments.purge(c, new Date(NOW), new ExpiredDocuments.Settings(200, 1_000_000, 0))
                .deleted();
        assertEquals(3_000, first + rest);
    }
}
