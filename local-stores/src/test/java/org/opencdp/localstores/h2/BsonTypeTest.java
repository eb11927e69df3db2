package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Decoding some fields of a stored document skips every other BSON type by its length. */
class BsonTypeTest {

    @Test
    void someFieldsAreDecodedAfterValuesOfEveryType() {
        Document doc = new Document("_id", "p|1").append("double", 1.5).append("string", "héllo")
                .append("document", new Document("a", 1).append("b", new Document("c", List.of(1, "x"))))
                .append("array", new ArrayList<>(List.of("a", 2L, new Document("d", true))))
                .append("binary", new BinData(new byte[] {1, 2, 3})).append("uuid", UUID.randomUUID())
                .append("objectId", new ObjectId()).append("boolean", true)
                .append("date", Instant.ofEpochMilli(1_700_000_000_123L)).append("null", null)
                .append("regex", new BsonRegularExpression("^a.*", "i")).append("code", new BsonJavaScript("1+1"))
                .append("int32", 7).append("timestamp", new BsonTimestamp(42L)).append("int64", 1L << 40)
                .append("decimal", Decimal128.ONE).append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance()).append("last", "end");
        byte[] bson = BsonType.encode(doc);
        Document whole = BsonType.decode(bson);
        for (String field : doc.keySet().stream().filter(f -> !f.equals("last")).toList()) {
            Document some = BsonType.decodeFields(bson, Set.of(field, "last"));
            Document expected = new Document(field, whole.get(field)).append("last", "end");
            // compared as JSON text: some BSON value classes (regular expressions) have no equals
            assertEquals(expected.toString(), some.toString(), field);
        }
        assertEquals(new Document(), BsonType.decodeFields(bson, Set.of("absent")));
        assertEquals(new Document("_id", "p|1").append("int32", 7),
                BsonType.decodeFields(bson, Set.of("int32", "_id")));
        assertArrayEquals(bson, BsonType.encode(whole));
    }
}
