package org.opencdp.common.mongo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoClientSettings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The bytes are those the driver writes when it inserts or replaces the same document. */
class BsonBytesTest {
    private static final CodecRegistry REGISTRY = CodecRegistries.withUuidRepresentation(
            MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD);

    /** What the driver sends for a document it inserts or replaces (a collectible document: {@code _id} first). */
    private static byte[] driverBytes(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new DocumentCodec(REGISTRY).encode(new BsonBinaryWriter(buffer), document,
                EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        return buffer.toByteArray();
    }

    private static byte[] bytes(RawBsonDocument raw) {
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static void assertSameAsDriver(Document document) {
        RawBsonDocument raw = BsonBytes.encode(document, REGISTRY);
        assertArrayEquals(driverBytes(document), bytes(raw), document::toJson);
        assertEquals(new RawBsonDocument(driverBytes(document)), raw);
    }

    @Test
    void everyTypeItWritesGivesTheDriversBytes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of("x", 2L));
        Document profile = new Document("ws", "w1").append("version", 3L).append("_id", "p1")
                .append("count", 7).append("score", -1.25).append("nan", Double.NaN).append("yes", true)
                .append("no", false).append("none", null).append("at", new Date(1_700_000_000_123L))
                .append("instant", Instant.ofEpochMilli(-5_000L)).append("oid", new ObjectId())
                .append("price", Decimal128.parse("12.50")).append("bin", new Binary(new byte[] {1, 2, 3}))
                .append("user", new Binary((byte) 0x80, new byte[] {4})).append("old", new Binary((byte) 2,
                        new byte[] {5, 6}))
                .append("bytes", new byte[] {7}).append("map", map).append("empty", new Document())
                .append("list", List.of()).append("nested", new Document("_id", "inner").append("z", 1)
                        .append("deeper", List.of(new Document("k", "v"), List.of(1, 2), "s")))
                .append("unicode", "Zoë 東京 \uD83D\uDE00").append("nul", "a\u0000b").append("", "empty name");
        assertSameAsDriver(profile);
        assertSameAsDriver(new Document("x", 1)); // no _id
        assertSameAsDriver(new Document("_id", null).append("x", 1));
        assertSameAsDriver(new Document());
    }

    @Test
    void largeDocumentsGiveTheDriversBytes() {
        Document large = new Document("_id", "big");
        for (int i = 0; i < 300; i++) {
            large.append("f" + i, new Document("text", "x".repeat(i)).append("list", List.of(i, "y".repeat(i))));
        }
        assertSameAsDriver(large);
        assertSameAsDriver(new Document("_id", "long string").append("s", "z".repeat(100_000)));
        assertSameAsDriver(new Document("_id", "after a large one"));
    }

    @Test
    void otherTypesAreEncodedByTheCodecWithTheIdFirst() {
        assertSameAsDriver(new Document("x", UUID.randomUUID()).append("_id", 1));
        assertSameAsDriver(new Document("_id", 2).append("set", Set.of("only")));
        assertSameAsDriver(new Document("_id", 3).append("pattern", Pattern.compile("a.*")));
        assertSameAsDriver(new Document("_id", 4).append("surrogate", "bad \uD800 half"));
        assertSameAsDriver(new Document("_id", 5).append("float", 1.5f).append("short", (short) 3));
    }

    @Test
    void randomDocumentsGiveTheDriversBytes() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            assertSameAsDriver(RandomDocuments.document(random, 3));
        }
    }
}
