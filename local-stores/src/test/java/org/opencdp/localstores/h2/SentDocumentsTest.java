package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents of inserts and replacements are stored as the client sent them, and the store answers exactly as when
 * it encoded them itself; every other write still encodes what mongo-java-server built.
 */
class SentDocumentsTest {
    private static WireServer server;
    private static MongoClient client;
    private static MongoCollection<Document> people;

    @BeforeAll
    static void start() {
        server = WireServer.start(KeyedH2Backend.inMemory(), "127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder().uuidRepresentation(UuidRepresentation.STANDARD)
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.address().getPort()))
                .build());
        people = client.getDatabase("test").getCollection("people");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Document person(String id, int i) {
        return new Document("_id", id).append("name", "Name " + i).append("age", i).append("score", i * 1.5)
                .append("big", 10_000_000_000L + i).append("at", new Date(1_700_000_000_000L + i))
                .append("tags", List.of("a", i % 2 == 0 ? "even" : "odd")).append("none", null)
                .append("ref", new ObjectId(new Date(1_700_000_000_000L), i)).append("flag", i % 2 == 0)
                .append("raw", new Binary(new byte[] {1, 2, (byte) i}))
                .append("uuid", new UUID(i, 42)).append("price", Decimal128.parse(i + ".25"))
                .append("nested", new Document("city", "Cape Town " + i).append("traits", new Document("plan", "pro")));
    }

    /** The bytes the driver sends for the document. */
    private static byte[] sentBytes(Document document) {
        RawBsonDocument raw = new RawBsonDocument(document, new DocumentCodec(CodecRegistries.withUuidRepresentation(
                MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD)));
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** The bytes the store holds for the document with this id (its finds by id answer with them). */
    private static byte[] storedBytes(String id) {
        RawBsonDocument raw = client.getDatabase("test").getCollection("people", RawBsonDocument.class)
                .find(Filters.eq("_id", id)).first();
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void insertedDocumentsAreStoredAsSent() {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(person("i" + i, i));
        }
        long before = SentDocuments.reused();
        people.insertMany(batch);
        people.insertOne(person("single", 99));
        assertEquals(31, SentDocuments.reused() - before);
        assertArrayEquals(sentBytes(person("i7", 7)), storedBytes("i7"));
        assertEquals(person("i7", 7), people.find(Filters.eq("_id", "i7")).first());
        // the stock read path decodes the same bytes
        assertEquals(List.of(person("i3", 3), person("i2", 2)), people.find(Filters.in("age", List.of(2, 3)))
                .sort(Sorts.descending("age")).into(new ArrayList<>()));
        assertEquals(person("i12", 12), people.find(Filters.eq("name", "Name 12")).first());
    }

    @Test
    void aDocumentTheServerGivesAnIdIsEncodedWithIt() {
        MongoCollection<RawBsonDocument> raw = client.getDatabase("test").getCollection("raw", RawBsonDocument.class);
        long before = SentDocuments.reused();
        raw.insertOne(RawBsonDocument.parse("{\"name\": \"no id\", \"n\": 1}"));
        assertEquals(0, SentDocuments.reused() - before);
        BsonDocument stored = raw.find(Filters.eq("name", "no id")).first();
        assertInstanceOf(org.bson.BsonObjectId.class, stored.get("_id"));
        assertEquals(1, stored.getInt32("n").getValue());
    }

    @Test
    void replacementsAreStoredAsSentAndOperatorUpdatesAsComputed() {
        people.insertOne(person("r1", 1).append("version", 1));
        long before = SentDocuments.reused();
        Document second = person("r1", 2).append("version", 2);
        assertEquals(1, people.replaceOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("version", 1)), second,
                new ReplaceOptions().upsert(true)).getModifiedCount());
        assertEquals(1, SentDocuments.reused() - before);
        assertArrayEquals(sentBytes(second), storedBytes("r1"));

        // a compare-and-set that lost: nothing changes, the upsert fails on the taken _id
        assertThrows(com.mongodb.MongoWriteException.class, () -> people.replaceOne(Filters.and(
                Filters.eq("_id", "r1"), Filters.eq("version", 1)), person("r1", 3),
                new ReplaceOptions().upsert(true)));
        assertEquals(second, people.find(Filters.eq("_id", "r1")).first());

        // an upsert of an absent _id inserts the replacement as sent
        Document created = person("r2", 5).append("version", 1);
        people.replaceOne(Filters.and(Filters.eq("_id", "r2"), Filters.eq("version", 0)), created,
                new ReplaceOptions().upsert(true));
        assertArrayEquals(sentBytes(created), storedBytes("r2"));

        // a replacement without _id is stored with it, first
        Document withoutId = person("x", 7);
        withoutId.remove("_id");
        long beforeCopy = SentDocuments.reused();
        people.replaceOne(Filters.eq("_id", "r2"), withoutId);
        assertEquals(0, SentDocuments.reused() - beforeCopy);
        assertEquals(person("r2", 7), people.find(Filters.eq("_id", "r2")).first());
        assertEquals("_id", people.find(Filters.eq("_id", "r2")).first().keySet().iterator().next());

        // an update by operators stores the updated document, never the operators
        people.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("name", "Renamed"),
                Updates.inc("version", 1)));
        Document expected = person("r1", 2).append("version", 3).append("name", "Renamed");
        assertEquals(expected, people.find(Filters.eq("_id", "r1")).first());
    }

    @Test
    void aBatchWithADuplicateStoresTheOthersAsSent() {
        people.insertOne(person("d1", 1));
        List<Document> batch = List.of(person("d0", 0), person("d1", 11), person("d2", 2));
        long before = SentDocuments.reused();
        assertThrows(MongoBulkWriteException.class, () -> people.insertMany(batch,
                new InsertManyOptions().ordered(false)));
        // the bytes of all three were taken; the put of the duplicate's failed and left the stored one as it was
        assertEquals(3, SentDocuments.reused() - before);
        assertEquals(person("d1", 1), people.find(Filters.eq("_id", "d1")).first());
        assertArrayEquals(sentBytes(person("d2", 2)), storedBytes("d2"));
    }
}
