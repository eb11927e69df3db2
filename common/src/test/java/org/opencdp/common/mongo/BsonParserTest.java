package org.opencdp.common.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.mongodb.MongoClientSettings;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Parsed documents equal what the driver's document codec decodes from the same bytes, value types included. */
class BsonParserTest {
    private static final CodecRegistry REGISTRY = CodecRegistries.withUuidRepresentation(
            MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD);

    private static Document driverDecoded(RawBsonDocument raw) {
        return REGISTRY.get(Document.class).decode(raw.asBsonReader(), DecoderContext.builder().build());
    }

    private static void assertSameAsDriver(RawBsonDocument raw) {
        Document expected = driverDecoded(raw);
        Document parsed = BsonParser.parse(raw, REGISTRY);
        assertEquals(expected, parsed, raw::toJson);
        assertSameTypes(expected, parsed);
    }

    private static void assertSameTypes(Object expected, Object actual) {
        assertEquals(expected == null ? null : expected.getClass(), actual == null ? null : actual.getClass());
        if (expected instanceof Document d) {
            d.forEach((k, v) -> assertSameTypes(v, ((Document) actual).get(k)));
        } else if (expected instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(list.get(i), ((List<?>) actual).get(i));
            }
        }
    }

    private static RawBsonDocument raw(Document document) {
        return new RawBsonDocument(document, new DocumentCodec(REGISTRY));
    }

    @Test
    void everyTypeItReadsGivesTheDriversValues() {
        assertSameAsDriver(raw(new Document("_id", "p1").append("n", 7).append("l", 1L << 40).append("d", -2.5)
                .append("t", true).append("f", false).append("none", null).append("at", new Date(1_700_000_000_123L))
                .append("before1970", new Date(-86_400_000L)).append("oid", new ObjectId())
                .append("price", Decimal128.parse("-12.50")).append("bin", new Binary(new byte[] {1, 2}))
                .append("user", new Binary((byte) 0x80, new byte[] {3}))
                .append("nested", new Document("a", List.of(1, "x", new Document("b", List.of()))))
                .append("unicode", "Zoë 東京 \uD83D\uDE00").append("nul", "a\u0000b").append("", "")
                .append("empty", new Document())));
    }

    @Test
    void otherTypesAreDecodedByTheCodec() {
        assertSameAsDriver(raw(new Document("_id", 1).append("uuid", UUID.randomUUID())));
        BsonDocument others = new BsonDocument("_id", new BsonInt32(2))
                .append("ts", new BsonTimestamp(5, 6)).append("re", new BsonRegularExpression("a.*", "i"))
                .append("old", new BsonBinary((byte) 2, new byte[] {7}));
        RawBsonDocument raw = new RawBsonDocument(others, new BsonDocumentCodec());
        assertSameAsDriver(raw);
        assertInstanceOf(BsonTimestamp.class, BsonParser.parse(raw, REGISTRY).get("ts"));
    }

    @Test
    void randomDocumentsGiveTheDriversValues() {
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            assertSameAsDriver(raw(RandomDocuments.document(random, 3)));
        }
    }
}
