package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster H2 backend reads and extends what stock mongo-java-server wrote (Java-serialised documents, indexes
 * ordered by serialised keys), and its indexes still find every document and refuse duplicates, across B-trees of
 * several levels and restarts.
 */
class KeyedH2BackendTest {
    private static final int PEOPLE = 2_000;
    /** The map of the _id index of db.people (mongo-java-server's map name). */
    private static final String ID_INDEX_MAP = "db.people._index__id_";

    @TempDir
    Path dir;

    @Test
    void readsAndExtendsAFileWrittenByTheStockBackend() {
        Path file = dir.resolve("store.mv");
        withServer(new H2Backend(file.toString()), people -> {
            people.createIndex(Indexes.ascending("ws", "email"), new IndexOptions().unique(true));
            people.insertMany(people(0, PEOPLE));
            people.insertOne(new Document("_id", 7).append("ws", "w0"));
        });
        assertEquals(PEOPLE + 1, idIndexEntries(file), "the stock backend maps each _id to itself in the index");

        withServer(KeyedH2Backend.open(file, 32), people -> {
            assertFindsEveryone(people, 0, PEOPLE);
            assertDuplicatesRefused(people, 17);
            assertEquals("w0", people.find(Filters.eq("_id", 7L)).first().getString("ws"));
            assertDuplicate(() -> people.insertOne(new Document("_id", 7.0)), "7");
            people.insertMany(people(PEOPLE, 2 * PEOPLE));
            people.updateOne(Filters.eq("_id", "p|42"), new Document("$set", new Document("email", "moved@x.org")));
            people.deleteOne(Filters.eq("_id", "p|43"));
        });

        withServer(KeyedH2Backend.open(file, 32), people -> {
            assertEquals(2 * PEOPLE, people.countDocuments());
            assertFindsEveryone(people, 44, 2 * PEOPLE);
            assertEquals("p|42", people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "moved@x.org")))
                    .first().getString("_id"));
            assertNull(people.find(Filters.eq("_id", "p|43")).first());
            assertNull(people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "p42@x.org"))).first());
            assertDuplicatesRefused(people, PEOPLE + 5);
        });
        assertEquals(1, idIndexEntries(file), "string _ids are the collection map's keys, not the index's");
    }

    @Test
    void idsOfOtherTypesKeepTheirIndexEntriesBesideStringAndObjectIds() {
        Path file = dir.resolve("ids.mv");
        ObjectId oid = new ObjectId();
        withServer(KeyedH2Backend.open(file, 16), people -> {
            people.insertMany(people(0, 20));
            people.insertOne(new Document("_id", 42).append("n", -1));
            people.insertOne(new Document("_id", new Document("a", 1)).append("n", -2));
            people.insertOne(new Document("_id", oid).append("n", -3));
            people.insertOne(new Document("n", -4)); // the driver gives it an ObjectId
            assertDuplicate(() -> people.insertOne(new Document("_id", 42L)), "42"); // MongoDB's numeric equality
            assertDuplicate(() -> people.insertOne(new Document("_id", new Document("a", 1))), "a: 1");
            assertDuplicate(() -> people.insertOne(new Document("_id", oid)), oid.toHexString());
            assertDuplicate(() -> people.insertOne(new Document("_id", "p|3")), "p|3");
        });
        assertEquals(2, idIndexEntries(file), "the number and the sub-document");
        withServer(KeyedH2Backend.open(file, 16), people -> {
            assertEquals(24, people.countDocuments());
            assertEquals(-1, people.find(Filters.eq("_id", 42L)).first().getInteger("n"));
            assertEquals(-2, people.find(Filters.eq("_id", new Document("a", 1))).first().getInteger("n"));
            assertEquals(-3, people.find(Filters.eq("_id", oid)).first().getInteger("n"));
            // a pattern of _ids is matched against the index's keys: the collection map's and its own
            assertEquals(List.of("p|1", "p|10", "p|11"), ids(people, Filters.regex("_id", "^p\\|1[01]?$")));
            assertEquals(List.of("p|8", "p|9"), ids(people, Filters.gte("_id", "p|8")));
            assertEquals(List.of("42"), ids(people, Filters.lt("_id", 100)));
            assertEquals(List.of("42", "p|0", "p|1"), ids(people, Filters.in("_id", List.of(42.0, "p|0", "p|1"))));
            assertEquals(1, people.deleteOne(Filters.eq("_id", 42)).getDeletedCount());
            assertEquals(1, people.deleteOne(Filters.eq("_id", "p|3")).getDeletedCount());
            assertEquals(1, people.deleteOne(Filters.eq("_id", oid)).getDeletedCount());
            assertEquals(21, people.countDocuments());
            assertNull(people.find(Filters.eq("_id", "p|3")).first());
            people.insertOne(new Document("_id", "p|3").append("n", 3));
            people.insertOne(new Document("_id", 42).append("n", 42));
            people.insertOne(new Document("_id", oid).append("n", 43));
            assertDuplicate(() -> people.insertOne(new Document("_id", 42.0)), "42");
        });
        withServer(KeyedH2Backend.open(file, 16), people -> {
            assertEquals(24, people.countDocuments());
            assertEquals(42, people.find(Filters.eq("_id", 42)).first().getInteger("n"));
            assertEquals(43, people.find(Filters.eq("_id", oid)).first().getInteger("n"));
            assertFindsEveryone(people, 0, 20);
        });
        assertEquals(2, idIndexEntries(file));
    }

    private static void assertDuplicate(Runnable insert, String key) {
        MongoWriteException e = assertThrows(MongoWriteException.class, insert::run);
        assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(e.getCode()));
        assertTrue(e.getMessage().contains("index: _id_ dup key") && e.getMessage().contains(key), e.getMessage());
    }

    /** Entries of the _id index's own map in the (closed) store file. */
    private static int idIndexEntries(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.openMap(ID_INDEX_MAP).size();
        } finally {
            store.close();
        }
    }

    @Test
    void aNewFileWorksAcrossRestarts() {
        Path file = dir.resolve("fresh.mv");
        withServer(KeyedH2Backend.open(file, 16), people -> {
            people.createIndex(Indexes.ascending("ws", "email"), new IndexOptions().unique(true));
            people.insertMany(people(0, PEOPLE));
            assertDuplicatesRefused(people, 1);
        });
        withServer(KeyedH2Backend.open(file, 16), people -> {
            assertFindsEveryone(people, 0, PEOPLE);
            assertDuplicatesRefused(people, PEOPLE - 1);
        });
    }

    @Test
    void aQueryPinningIdWithMoreConditionsIsAnsweredByTheIdIndexAndStillMatchesWhole() {
        withServer(KeyedH2Backend.open(dir.resolve("cas.mv"), 16), people -> {
            people.insertMany(people(0, 50));
            assertEquals("p|7", people.find(Filters.and(Filters.eq("_id", "p|7"), Filters.eq("n", 7))).first()
                    .getString("_id"));
            assertNull(people.find(Filters.and(Filters.eq("_id", "p|7"), Filters.eq("n", 8))).first());
            assertEquals(1, people.countDocuments(Filters.and(Filters.eq("_id", "p|9"), Filters.gt("n", 3))));

            // compare-and-set as profile-service and dmp-service write: replace {_id, version} with upsert
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            assertEquals(1, people.replaceOne(Filters.and(Filters.eq("_id", "p|7"), Filters.eq("n", 7)),
                    new Document("_id", "p|7").append("ws", "w1").append("email", "p7@x.org").append("n", 70), upsert)
                    .getModifiedCount());
            MongoWriteException lost = assertThrows(MongoWriteException.class, () -> people.replaceOne(
                    Filters.and(Filters.eq("_id", "p|7"), Filters.eq("n", 7)),
                    new Document("_id", "p|7").append("n", 71),
                    upsert));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(lost.getCode()));
            assertEquals(70, people.find(Filters.eq("_id", "p|7")).first().getInteger("n"));
            assertEquals(0, people.deleteOne(Filters.and(Filters.eq("_id", "p|8"), Filters.eq("n", 9)))
                    .getDeletedCount());
            assertEquals(1, people.deleteOne(Filters.and(Filters.eq("_id", "p|8"), Filters.eq("n", 8)))
                    .getDeletedCount());
            assertEquals(49, people.countDocuments());
        });
    }

    @Test
    void anUpsertOfAnAbsentIdInsertsTheReplacementAsTheStockBackendDoes() {
        List<Object> stock = upserts(new H2Backend(dir.resolve("stock-upsert.mv").toString()));
        List<Object> keyed = upserts(KeyedH2Backend.open(dir.resolve("keyed-upsert.mv"), 16));
        assertEquals(stock, keyed);
        assertEquals(List.of(0L, 0L, new org.bson.BsonString("p|1")), keyed.subList(0, 3));
    }

    /** Results and stored documents of compare-and-set upserts as the services send them. */
    private List<Object> upserts(MongoBackend backend) {
        List<Object> out = new ArrayList<>();
        withServer(backend, people -> {
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            com.mongodb.client.result.UpdateResult created = people.replaceOne(
                    Filters.and(Filters.eq("_id", "p|1"), Filters.eq("version", 0L)),
                    new Document("ws", "w1").append("version", 1L).append("email", "a@x.org"), upsert);
            out.addAll(List.of(created.getMatchedCount(), created.getModifiedCount(), created.getUpsertedId()));
            com.mongodb.client.result.UpdateResult withId = people.replaceOne(
                    Filters.and(Filters.eq("_id", "p|2"), Filters.eq("version", 0L)),
                    new Document("version", 1L).append("_id", "p|2").append("tags", List.of("a", "b")), upsert);
            out.add(withId.getUpsertedId());
            MongoWriteException taken = assertThrows(MongoWriteException.class, () -> people.replaceOne(
                    Filters.and(Filters.eq("_id", "p|1"), Filters.eq("version", 0L)), new Document("version", 1L),
                    upsert));
            out.add(ErrorCategory.fromErrorCode(taken.getCode()));
            out.add(assertThrows(MongoWriteException.class, () -> people.replaceOne(Filters.eq("_id", "p|3"),
                    new Document("_id", "other").append("version", 1L), upsert)).getCode());
            out.add(people.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        });
        return out;
    }

    @Test
    void aQueryForKeysInAListFindsExactlyThoseKeys() {
        withServer(KeyedH2Backend.open(dir.resolve("in.mv"), 16), people -> {
            people.insertMany(people(0, 300));
            people.insertOne(new Document("_id", 42).append("n", -1));
            List<String> keys = List.of("p|3", "p|299", "p|300", "p|17", "p|3", "P|4");
            assertEquals(List.of("p|17", "p|299", "p|3"), ids(people, Filters.in("_id", keys)));
            assertEquals(List.of(), ids(people, Filters.in("_id", List.of())));
            // keys of other types than strings: the stock matching, with MongoDB's numeric equality
            assertEquals(List.of("42", "p|5"), ids(people, Filters.in("_id", List.of("p|5", 42.0))));
            assertEquals(List.of("p|6"), ids(people, Filters.and(Filters.in("_id", List.of("p|6", "p|7")),
                    Filters.eq("n", 6))));
            assertEquals(List.of("p|7"), ids(people, Filters.in("_id", List.of("p|7")))); // not the last query's set
            assertEquals(List.of("p|8"), ids(people, Filters.eq("_id", "p|8")));
            assertEquals(2, people.find(Filters.in("_id", keys)).skip(1).limit(2).into(new ArrayList<>()).size());
            assertEquals("p7@x.org", people.find(Filters.in("_id", List.of("p|7"))).projection(new Document("email", 1))
                    .first().getString("email"));
            assertEquals(2, people.updateMany(Filters.in("_id", List.of("p|10", "p|11", "none")),
                    new Document("$set", new Document("n", -10))).getModifiedCount());
            assertEquals(List.of("p|10", "p|11"), ids(people, Filters.eq("n", -10)));
            assertEquals(2, people.deleteMany(Filters.in("_id", List.of("p|10", "p|11", "none"))).getDeletedCount());
            assertEquals(List.of(), ids(people, Filters.in("_id", List.of("p|10", "p|11"))));
        });
    }

    private static List<String> ids(MongoCollection<Document> people, org.bson.conversions.Bson filter) {
        List<String> out = new ArrayList<>();
        people.find(filter).forEach(d -> out.add(String.valueOf(d.get("_id"))));
        out.sort(null);
        return out;
    }

    @Test
    void aReplaceKeepsEveryIndexRightAndRefusesDuplicates() {
        Path file = dir.resolve("replace.mv");
        withServer(KeyedH2Backend.open(file, 16), people -> {
            people.createIndex(Indexes.ascending("ws", "email"), new IndexOptions().unique(true));
            people.createIndex(Indexes.ascending("ws", "n"));
            people.insertMany(people(0, 50));
            people.replaceOne(Filters.eq("_id", "p|3"), new Document("ws", "w1").append("email", "new3@x.org")
                    .append("n", 1003));
            MongoWriteException taken = assertThrows(MongoWriteException.class, () -> people.replaceOne(
                    Filters.eq("_id", "p|4"), new Document("ws", "w1").append("email", "p5@x.org").append("n", 1004)));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(taken.getCode()));
            assertEquals(0, people.replaceOne(Filters.eq("_id", "p|6"), people.find(Filters.eq("_id", "p|6")).first())
                    .getModifiedCount(), "the same document again changes nothing");
        });
        withServer(KeyedH2Backend.open(file, 16), people -> {
            Document three = people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "new3@x.org")))
                    .first();
            assertEquals(1003, three.getInteger("n"));
            assertEquals(List.of("_id", "ws", "email", "n"), List.copyOf(three.keySet()));
            assertNull(people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "p3@x.org"))).first());
            assertEquals(1, people.countDocuments(Filters.and(Filters.eq("ws", "w1"), Filters.eq("n", 1003))));
            assertEquals(0, people.countDocuments(Filters.and(Filters.eq("ws", "w1"), Filters.eq("n", 3))));
            assertEquals(4, people.find(Filters.eq("_id", "p|4")).first().getInteger("n"), "a refused replace left it");
            assertEquals("p|4", people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "p4@x.org")))
                    .first().getString("_id"));
            MongoWriteException sameEmail = assertThrows(MongoWriteException.class, () -> people.insertOne(
                    new Document("_id", "other").append("ws", "w1").append("email", "new3@x.org")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(sameEmail.getCode()));
        });
    }

    @Test
    void documentsKeepTheirValuesThroughScansSortsAndOperatorUpdates() {
        Path file = dir.resolve("scan.mv");
        withServer(KeyedH2Backend.open(file, 16), people -> {
            people.insertMany(people(0, 300));
            people.updateOne(Filters.eq("_id", "p|5"), new Document("$set", new Document("tags", List.of("a", "b"))
                    .append("address", new Document("city", "Ghent").append("zip", 9000L))).append("$inc",
                    new Document("n", 1000)));
            // no index on n: a collection scan, in stored order and then in reverse
            assertEquals(List.of("p|0", "p|1", "p|10"), people.find(Filters.lt("n", 20)).limit(3)
                    .map(d -> d.getString("_id")).into(new ArrayList<>()));
            assertEquals("p|99", people.find(Filters.lt("n", 1000)).sort(new Document("$natural", -1)).first()
                    .getString("_id"));
            assertEquals(List.of(299, 298), people.find().sort(new Document("n", -1)).skip(1).limit(2)
                    .map(d -> d.getInteger("n")).into(new ArrayList<>()));
            assertEquals(151, people.countDocuments(Filters.gte("n", 150)), "150 to 299, and p|5 at 1005");
        });
        withServer(KeyedH2Backend.open(file, 16), people -> {
            Document five = people.find(Filters.eq("_id", "p|5")).first();
            assertEquals(1005, five.getInteger("n"));
            assertEquals(List.of("a", "b"), five.getList("tags", String.class));
            assertEquals(new Document("city", "Ghent").append("zip", 9000L), five.get("address", Document.class));
            assertEquals(List.of("_id", "ws", "email", "n", "tags", "address"), List.copyOf(five.keySet()));
            assertEquals(300, people.countDocuments());
        });
    }

    @Test
    void keysKeepTheOrderOfH2() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] a = new byte[random.nextInt(40)];
            random.nextBytes(a);
            byte[] b = random.nextInt(3) == 0 ? a.clone() : new byte[random.nextInt(40)];
            if (b.length > 0 && random.nextBoolean()) {
                random.nextBytes(b);
                System.arraycopy(a, 0, b, 0, Math.min(a.length, b.length) / 2);
            }
            assertEquals(Integer.signum(org.h2.mvstore.type.ObjectDataType.compareNotNull(a, b)),
                    Integer.signum(SerializedKey.ofBytes(a).compareTo(SerializedKey.ofBytes(b))));
        }
    }

    private static void assertFindsEveryone(MongoCollection<Document> people, int from, int to) {
        for (int i = from; i < to; i += 7) {
            Document byId = people.find(Filters.eq("_id", "p|" + i)).first();
            assertNotNull(byId, "p|" + i);
            Document byEmail = people.find(Filters.and(Filters.eq("ws", "w1"), Filters.eq("email", "p" + i + "@x.org")))
                    .first();
            assertEquals("p|" + i, byEmail.getString("_id"));
        }
        assertEquals(to - from, people.countDocuments(Filters.in("_id",
                java.util.stream.IntStream.range(from, to).mapToObj(i -> "p|" + i).toList())));
    }

    private static void assertDuplicatesRefused(MongoCollection<Document> people, int i) {
        MongoWriteException sameId = assertThrows(MongoWriteException.class,
                () -> people.insertOne(new Document("_id", "p|" + i).append("ws", "w1").append("email", "n@x.org")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(sameId.getCode()));
        assertTrue(sameId.getMessage().contains("index: _id_ dup key: { _id: \"p|" + i + "\" }"), sameId.getMessage());
        MongoWriteException sameEmail = assertThrows(MongoWriteException.class,
                () -> people.insertOne(new Document("_id", "new").append("ws", "w1")
                        .append("email", "p" + i + "@x.org")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(sameEmail.getCode()));
        assertNull(people.find(Filters.eq("_id", "new")).first(), "a refused insert leaves nothing behind");
    }

    private static List<Document> people(int from, int to) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            docs.add(new Document("_id", "p|" + i).append("ws", "w1").append("email", "p" + i + "@x.org")
                    .append("n", i));
        }
        return docs;
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try {
            String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                work.accept(client.getDatabase("db").getCollection("people"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
