package org.opencdp.common.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.mongodb.MongoClientSettings;
import java.util.ArrayList;
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
            assertSameAsDriver(raw(randomDocument(random, 3)));
        }
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        for (int i = random.nextInt(8); i > 0; i--) {
            document.append("f" + random.nextInt(20), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 11 : 9)) {
            case 0: return null;
            case 1: return random.nextInt();
            case 2: return random.nextLong();
            case 3: return random.nextDouble() * 1e6;
            case 4: return random.nextBoolean();
            case 5: return new Date(random.nextLong() % 4_000_000_000_000L);
            case 6: {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    s.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x80 + random.nextInt(0x3000)));
                }
                return s.toString();
            }
            case 7: return new ObjectId(new Date(random.nextInt(Integer.MAX_VALUE) * 1000L), random.nextInt(1 << 23));
            case 8: return Decimal128.parse(Long.toString(random.nextLong()));
            case 9: return randomDocument(random, depth - 1);
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                return list;
            }
        }
    }
}
