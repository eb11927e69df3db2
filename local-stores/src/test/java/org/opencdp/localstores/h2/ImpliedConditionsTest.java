package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Queries as the Java driver sends them ({@code Filters.and} is always {@code $and}) still reach the indexes: a
 * scan instead would give the same answers, only thousands of times slower, so the tests of answers cannot see it.
 */
class ImpliedConditionsTest {
    private static Document and(Document... clauses) {
        return new Document("$and", List.of(clauses));
    }

    @Test
    void flattensAndClausesAndMergesRangesOfOneField() {
        Document query = and(new Document("ws", "w1"), and(new Document("aid", "a1")),
                new Document("at", new Document("$gte", 5)), new Document("at", new Document("$lt", 9)),
                new Document("$or", List.of(new Document("x", 1))));
        assertEquals(new Document("ws", "w1").append("aid", "a1").append("at", new Document("$gte", 5).append("$lt", 9)),
                ImpliedConditions.of(query));
        assertEquals(new Document("ws", "w1"), ImpliedConditions.of(and(new Document("ws", "w1"),
                new Document("ws", "w2"))), "of two equalities on one field one is kept (both are implied)");
        Document plain = new Document("ws", "w1");
        assertEquals(plain, ImpliedConditions.of(plain));
    }

    @Test
    void indexesAnswerAndQueries() {
        RangeIndex range = new RangeIndex("ws_at", List.of(new IndexKey("ws", true), new IndexKey("at", true)), false);
        assertTrue(range.canHandle(and(new Document("ws", "w1"), new Document("at", new Document("$gt", 3)))));
        assertTrue(range.canHandle(and(new Document("ws", "w1"), new Document("other", 3))));
        assertFalse(range.canHandle(and(new Document("other", "w1"))));
        assertFalse(range.canHandle(new Document("ws", new Document("$regex", "^w"))));

        MVStore store = new MVStore.Builder().open();
        MVMap<SerializedKey, Object> map = store.openMap("ids", new MVMap.Builder<SerializedKey, Object>()
                .keyType(new SerializedKeyType()).valueType(new ObjectDataType()));
        KeyedUniqueIndex ids = new KeyedUniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);
        assertTrue(ids.canHandle(and(new Document("_id", "p1"), new Document("version", 3L))));
        assertTrue(ids.canHandle(new Document("_id", "p1").append("version", 3L)));
        assertFalse(ids.canHandle(new Document("_id", new Document("$gt", "p1")).append("version", 3L)));
        store.close();
    }
}
