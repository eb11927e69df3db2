package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries answered through the in-memory secondary indexes return exactly what a scan returns (checked against the
 * documents themselves), through inserts, updates that move keys, range deletes and a restart that rebuilds them.
 */
class RangeIndexTest {
    private static final int N = 3_000;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void equalityAndRangeQueriesMatchTheDocumentsThroughChangesAndRestarts() {
        Path file = dir.resolve("store.mv");
        List<Document> docs = docs();
        withEvents(file, events -> {
            events.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("ttl"));
            events.createIndex(Indexes.ascending("ws", "aid", "at"), new IndexOptions().name("ws_aid_at"));
            events.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
            events.createIndex(Indexes.ascending("aud.id"), new IndexOptions().name("aud_id"));
            events.insertMany(docs);
            assertQueries(events, docs);

            events.updateMany(Filters.and(Filters.eq("ws", "w1"), Filters.eq("aid", "a7")),
                    Updates.combine(Updates.set("aid", "a8"), Updates.set("tags", List.of("moved")),
                            Updates.set("aud", List.of(new Document("id", "g-moved")))));
            docs.stream().filter(d -> d.get("ws").equals("w1") && d.get("aid").equals("a7"))
                    .forEach(d -> d.append("aid", "a8").append("tags", List.of("moved"))
                            .append("aud", List.of(new Document("id", "g-moved"))));
            Date cut = new Date(T0 + 500_000);
            assertEquals(docs.stream().filter(d -> d.getDate("expiresAt").before(cut)).count(),
                    events.deleteMany(Filters.lt("expiresAt", cut)).getDeletedCount());
            docs.removeIf(d -> d.getDate("expiresAt").before(cut));
            assertQueries(events, docs);
        });
        withEvents(file, events -> assertQueries(events, docs));
    }

    private static void assertQueries(MongoCollection<Document> events, List<Document> docs) {
        Date from = new Date(T0 + 900_000);
        Date to = new Date(T0 + 1_400_000);
        check(events, docs, Filters.lt("expiresAt", to), d -> d.getDate("expiresAt").before(to));
        check(events, docs, Filters.and(Filters.gte("expiresAt", from), Filters.lt("expiresAt", to)),
                d -> !d.getDate("expiresAt").before(from) && d.getDate("expiresAt").before(to));
        check(events, docs, Filters.and(Filters.eq("ws", "w1"), Filters.eq("aid", "a8")),
                d -> d.get("ws").equals("w1") && d.get("aid").equals("a8"));
        check(events, docs, Filters.and(Filters.eq("ws", "w2"), Filters.eq("aid", "a3"), Filters.gt("at", 1500)),
                d -> d.get("ws").equals("w2") && d.get("aid").equals("a3") && d.getInteger("at") > 1500);
        check(events, docs, Filters.and(Filters.eq("ws", "w2"), Filters.eq("kind", "page")),
                d -> d.get("ws").equals("w2") && d.get("kind").equals("page"));
        check(events, docs, Filters.and(Filters.eq("ws", "w2"), Filters.regex("aid", "^a1")),
                d -> d.get("ws").equals("w2") && d.getString("aid").startsWith("a1"));
        check(events, docs, Filters.eq("tags", "t3"), d -> d.getList("tags", String.class).contains("t3"));
        check(events, docs, Filters.eq("tags", "moved"), d -> d.getList("tags", String.class).contains("moved"));
        for (String group : List.of("g1", "g4", "g-moved")) {
            check(events, docs, Filters.eq("aud.id", group), d -> d.getList("aud", Document.class).stream()
                    .anyMatch(a -> a.getString("id").equals(group)));
        }
        assertEquals(10, events.find(Filters.lt("expiresAt", new Date(T0 + 10_000_000))).limit(10)
                .into(new ArrayList<>()).size());
    }

    @Test
    void aSparseIndexOnASubdocumentFieldFollowsItsSetsAndUnsets() {
        Path file = dir.resolve("sparse.mv");
        List<Document> docs = docs();
        for (int i = 0; i < docs.size(); i += 3) {
            docs.get(i).append("pending", new Document("seq", 1L).append("dueAt", new Date(T0 + i * 1000L)));
        }
        Predicate<Document> due = d -> d.get("pending") instanceof Document p
                && p.getDate("dueAt").before(new Date(T0 + 1_000_000));
        withEvents(file, events -> {
            events.createIndex(Indexes.ascending("pending.dueAt"), new IndexOptions().sparse(true).name("due"));
            events.insertMany(docs);
            check(events, docs, Filters.lt("pending.dueAt", new Date(T0 + 1_000_000)), due);
            for (int i = 0; i < 600; i += 3) {
                events.updateOne(Filters.eq("_id", "e" + i), Updates.unset("pending"));
                docs.get(i).remove("pending");
            }
            for (int i = 1; i < 300; i += 3) {
                events.updateOne(Filters.eq("_id", "e" + i), Updates.set("pending.dueAt", new Date(T0)));
                docs.get(i).append("pending", new Document("dueAt", new Date(T0)));
            }
            events.replaceOne(Filters.eq("_id", "e900"), new Document(docs.get(900)).append("pending",
                    new Document("seq", 2L).append("dueAt", new Date(T0 + 5_000_000))));
            docs.get(900).get("pending", Document.class).append("dueAt", new Date(T0 + 5_000_000));
            check(events, docs, Filters.lt("pending.dueAt", new Date(T0 + 1_000_000)), due);
        });
        withEvents(file, events -> check(events, docs, Filters.lt("pending.dueAt", new Date(T0 + 1_000_000)), due));
    }

    @Test
    void equalKeyStringsOfDifferentDocumentsShareOneInstance() {
        RangeIndex index = new RangeIndex("ws_aid",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("ws", true),
                        new de.bwaldvogel.mongo.backend.IndexKey("aid", true)), false);
        // each document decoded from the wire brings its own copy of every string
        for (int i = 0; i < 6; i++) {
            index.add(new de.bwaldvogel.mongo.bson.Document("_id", "e" + i).append("ws", new String("w1"))
                    .append("aid", new String("a" + i % 2)), "e" + i, null);
        }
        List<Object[]> keys = index.storedKeys().toList();
        assertEquals(6, keys.size());
        assertEquals(1, keys.stream().map(k -> System.identityHashCode(k[0])).distinct().count(),
                "one ws string for all");
        assertEquals(2, keys.stream().map(k -> System.identityHashCode(k[1])).distinct().count(),
                "one string per distinct aid");
        assertEquals(6, count(index, "w1"), "every document is still found");
    }

    private static long count(RangeIndex index, String ws) {
        long n = 0;
        for (Object ignored : index.getPositions(new de.bwaldvogel.mongo.bson.Document("ws", ws))) {
            n++;
        }
        return n;
    }

    private static void check(MongoCollection<Document> events, List<Document> docs, Bson filter,
            Predicate<Document> expected) {
        Set<String> want = new TreeSet<>();
        docs.stream().filter(expected).forEach(d -> want.add(d.getString("_id")));
        Set<String> got = new TreeSet<>();
        events.find(filter).forEach(d -> got.add(d.getString("_id")));
        assertEquals(want, got, filter.toString());
    }

    private static List<Document> docs() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            docs.add(new Document("_id", "e" + i).append("ws", i % 3 == 0 ? "w1" : "w2").append("aid", "a" + (i % 11))
                    .append("at", i).append("kind", i % 2 == 0 ? "page" : "track")
                    .append("expiresAt", new Date(T0 + (i * 7919L % N) * 1000))
                    .append("tags", List.of("t" + (i % 5), "t" + (i % 7)))
                    .append("aud", i % 4 == 0 ? List.of() : List.of(new Document("id", "g" + (i % 3)),
                            new Document("id", "g" + (i % 5)))));
        }
        return docs;
    }

    private static void withEvents(Path file, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(KeyedH2Backend.open(file, 16));
        try {
            String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                work.accept(client.getDatabase("db").getCollection("events"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
