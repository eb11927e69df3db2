package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finds by string {@code _id} are answered with the stored bytes and give exactly what the stock path gives, on a
 * connection that goes on serving every other command.
 */
class ByIdFindTest {
    private static WireServer server;
    private static MongoClient client;
    private static MongoCollection<Document> people;

    @BeforeAll
    static void start() {
        server = WireServer.start(KeyedH2Backend.inMemory(), "127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.address().getPort();
        // one connection: every command below shares the connection of the stored-bytes answers
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(1)).build());
        people = client.getDatabase("test").getCollection("people");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(person(i));
        }
        people.insertMany(docs);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Document person(int i) {
        return new Document("_id", "p" + i).append("name", "Name " + i).append("age", i).append("score", i * 1.5)
                .append("big", 10_000_000_000L + i).append("at", new Date(1_700_000_000_000L + i))
                .append("tags", List.of("a", i % 2 == 0 ? "even" : "odd")).append("none", null)
                .append("ref", new ObjectId(new Date(1_700_000_000_000L), i))
                .append("raw", new Binary(new byte[] {1, 2, (byte) i}))
                .append("nested", new Document("city", "Cape Town " + i).append("traits", new Document("plan", "pro")));
    }

    @Test
    void findsByIdAnswerWithTheStoredDocuments() {
        long before = ByIdFind.answered();
        assertEquals(person(7), people.find(Filters.eq("_id", "p7")).first());
        assertNull(people.find(Filters.eq("_id", "nobody")).first());
        List<Document> found = people.find(Filters.in("_id", List.of("p3", "nobody", "p1", "p3", "p40")))
                .into(new ArrayList<>());
        assertEquals(List.of(person(3), person(1), person(40)), found);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add("p" + i);
        }
        assertEquals(50, people.find(Filters.in("_id", all)).into(new ArrayList<>()).size());
        assertEquals(List.of(person(2), person(5)), people.find(Filters.in("_id", List.of("p2", "p5", "p9")))
                .limit(2).into(new ArrayList<>()));
        assertEquals(5, ByIdFind.answered() - before);
    }

    @Test
    void otherFindsTakeTheStockPathOnTheSameConnection() {
        people.find(Filters.eq("_id", "p1")).first();
        long before = ByIdFind.answered();
        assertEquals(new Document("_id", "p4").append("name", "Name 4"),
                people.find(Filters.eq("_id", "p4")).projection(Projections.include("name")).first());
        assertEquals(List.of("p9", "p8"), people.find(Filters.in("_id", List.of("p8", "p9")))
                .sort(Sorts.descending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>()));
        assertEquals(List.of(person(10), person(11), person(12), person(13), person(14)),
                people.find(Filters.in("_id", List.of("p10", "p11", "p12", "p13", "p14"))).batchSize(2)
                        .into(new ArrayList<>()));
        assertEquals(person(20), people.find(Filters.eq("name", "Name 20")).first());
        assertEquals(0, ByIdFind.answered() - before);
        assertThrows(MongoWriteException.class, () -> people.insertOne(person(1)));
        people.updateOne(Filters.eq("_id", "p30"), new Document("$set", new Document("age", 99)));
        assertEquals(99, people.find(Filters.eq("_id", "p30")).first().getInteger("age"));
        assertEquals(1, ByIdFind.answered() - before);
    }
}
