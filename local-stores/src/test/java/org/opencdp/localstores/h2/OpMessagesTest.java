package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * {@link OpMessages} and {@link BsonArrayDecoder} decode exactly what mongo-java-server's own decoder makes of the same
 * bytes, for every BSON type, field names beyond the decoder's table of names, and OP_MSG frames with document
 * sequences and checksums; and refuse what it refuses.
 */
class OpMessagesTest {
    private final Random random = new Random(42);

    @Test
    void documentsOfEveryTypeDecodeAsTheStockDecoderDecodesThem() {
        for (int i = 0; i < 3_000; i++) {
            byte[] bson = bytes(randomDocument(0));
            assertSame(stock(bson), ours(bson));
        }
    }

    @Test
    void someFieldsOfStoredDocumentsDecodeAsTheWholeDocumentDoes() {
        for (int i = 0; i < 1_000; i++) {
            byte[] bson = bytes(randomDocument(0));
            Document whole = (Document) stock(bson);
            Set<String> names = new HashSet<>();
            whole.keySet().forEach(name -> {
                if (random.nextBoolean()) {
                    names.add(name);
                }
            });
            names.add("absent");
            Document expected = new Document();
            whole.forEach((name, value) -> {
                if (names.contains(name)) {
                    expected.put(name, value);
                }
            });
            assertSame(expected, BsonType.decodeFields(bson, names));
            assertSame(whole, BsonType.decode(bson));
        }
    }

    @Test
    void fieldNamesAreRightWhenMoreNamesThanTheTableHoldsComeBy() {
        for (int i = 0; i < 20; i++) {
            BsonDocument document = new BsonDocument();
            for (int n = 0; n < 500; n++) {
                int id = random.nextInt(5_000);
                document.put("field" + id + (id % 3 == 0 ? "é" : ""), new BsonInt32(id));
            }
            byte[] bson = bytes(document);
            assertSame(stock(bson), ours(bson));
        }
    }

    @Test
    void refusesWhatTheStockDecoderRefuses() {
        byte[] good = bytes(BsonDocument.parse("{a: 'x', b: {c: true}, d: [1, 2]}"));
        List<byte[]> bad = new ArrayList<>();
        bad.add(Arrays.copyOf(good, good.length - 3)); // cut short
        byte[] duplicate = bytes(BsonDocument.parse("{ab: 1, cd: 2}"));
        duplicate[duplicate.length - 8] = 'a'; // "cd" becomes "ab"
        duplicate[duplicate.length - 7] = 'b';
        bad.add(duplicate);
        byte[] bool = bytes(BsonDocument.parse("{b: true}"));
        bool[bool.length - 2] = 7;
        bad.add(bool);
        byte[] type = bytes(BsonDocument.parse("{s: 'x'}"));
        type[4] = 0x0E;
        bad.add(type);
        byte[] trailing = bytes(BsonDocument.parse("{s: 'xy'}"));
        trailing[trailing.length - 2] = 'z';
        bad.add(trailing);
        for (byte[] bson : bad) {
            RuntimeException stock = assertThrows(RuntimeException.class, () -> stock(bson));
            RuntimeException ours = assertThrows(RuntimeException.class, () -> ours(bson));
            assertTrue(stock instanceof IndexOutOfBoundsException ? ours instanceof IndexOutOfBoundsException
                    : stock.getClass() == ours.getClass() && stock.getMessage().equals(ours.getMessage()),
                    stock + " vs " + ours);
        }
    }

    @Test
    void messagesWithSequencesAndChecksumsDecodeAsTheStockHandlerDecodesThem() {
        for (int i = 0; i < 300; i++) {
            List<Map.Entry<String, List<byte[]>>> sequences = new ArrayList<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                List<byte[]> documents = new ArrayList<>();
                for (int d = 1 + random.nextInt(5); d > 0; d--) {
                    documents.add(bytes(randomDocument(1)));
                }
                sequences.add(Map.entry(s == 1 ? "documents" : "updates", documents));
            }
            byte[] frame = frame(i, bytes(randomDocument(1)), sequences, random.nextBoolean());
            MongoMessage stock = decodeWith(MongoWireProtocolHandler::new, frame);
            MongoMessage ours = decodeWith(SentBytesDecoder::new, frame);
            assertSame(stock.getDocument(), ours.getDocument());
            assertEquals(stock.getHeader().getRequestID(), ours.getHeader().getRequestID());
            assertEquals(stock.getHeader().getResponseTo(), ours.getHeader().getResponseTo());
            assertEquals(stock.getHeader().getTotalLength(), ours.getHeader().getTotalLength());
        }
    }

    @Test
    void aMessageArrivingInPiecesIsDecodedOnceWhole() {
        byte[] frame = frame(7, bytes(BsonDocument.parse("{insert: 'people', $db: 'test'}")),
                List.of(Map.entry("documents", List.of(bytes(BsonDocument.parse("{_id: 'p|1', n: 1}"))))), false);
        EmbeddedChannel channel = new EmbeddedChannel(new SentBytesDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 30));
        assertEquals(null, (Object) channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 30, frame.length - 30));
        MongoMessage message = channel.readInbound();
        assertNotNull(message);
        assertEquals("p|1", ((Document) ((List<?>) message.getDocument().get("documents"))
                .get(0)).get("_id"));
    }

    @Test
    void aMessageWithTwoBodiesIsRefused() {
        byte[] body = bytes(BsonDocument.parse("{ping: 1, $db: 'admin'}"));
        byte[] twice = frame(1, body, List.of(), false, body);
        EmbeddedChannel channel = new EmbeddedChannel(new SentBytesDecoder());
        DecoderException e = assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(twice)));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    private static MongoMessage decodeWith(Supplier<MongoWireProtocolHandler> handler, byte[] frame) {
        EmbeddedChannel channel = new EmbeddedChannel(handler.get());
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        return channel.readInbound();
    }

    private static Object stock(byte[] bson) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bson);
        return BsonDecoder.decodeBson(buffer);
    }

    private static Object ours(byte[] bson) {
        return new BsonArrayDecoder().reset(bson, 0, bson.length).document();
    }

    /** Equal documents, lists and values, byte arrays by content. */
    private static void assertSame(Object expected, Object actual) {
        if (expected instanceof BinData data) {
            assertArrayEquals(data.getData(), assertInstanceOf(data.getClass(), actual).getData());
        } else if (expected instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression regex) { // no equals()
            var other = assertInstanceOf(de.bwaldvogel.mongo.bson.BsonRegularExpression.class, actual);
            assertEquals(regex.getPattern(), other.getPattern());
            assertEquals(regex.getOptions(), other.getOptions());
        } else if (expected instanceof Document document) {
            Document other = assertInstanceOf(Document.class, actual);
            assertEquals(new ArrayList<>(document.keySet()), new ArrayList<>(other.keySet()));
            document.forEach((key, value) -> assertSame(value, other.get(key)));
        } else if (expected instanceof List<?> list) {
            List<?> other = assertInstanceOf(List.class, actual);
            assertEquals(list.size(), other.size());
            for (int i = 0; i < list.size(); i++) {
                assertSame(list.get(i), other.get(i));
            }
        } else {
            assertEquals(expected, actual);
            assertEquals(expected == null ? null : expected.getClass(), actual == null ? null : actual.getClass());
        }
    }

    private BsonDocument randomDocument(int depth) {
        BsonDocument document = new BsonDocument();
        int fields = random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            document.put(name(), value(depth));
        }
        return document;
    }

    private String name() {
        String[] common = {"_id", "ws", "type", "traits", "email", "timestamp", "context", "ip", "n", ""};
        return random.nextInt(4) > 0 ? common[random.nextInt(common.length)] + (random.nextInt(3) == 0 ? "x" : "")
                : text();
    }

    private String text() {
        String[] pieces = {"a", "Zürich", "名前", "😀", " ", "0", "longer text with spaces", "\u007f", "\u0080"};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private BsonValue value(int depth) {
        int kind = random.nextInt(depth < 3 ? 21 : 19);
        return switch (kind) {
            case 0 -> new BsonDouble(random.nextDouble() * 1e6 - 5e5);
            case 1 -> new BsonString(text());
            case 2 -> new BsonBinary(randomBytes());
            case 3 -> new BsonBinary(BsonBinarySubType.USER_DEFINED, randomBytes());
            case 4 -> new BsonBinary(UUID.randomUUID(), UuidRepresentation.STANDARD);
            case 5 -> new BsonBinary(UUID.randomUUID(), UuidRepresentation.JAVA_LEGACY);
            case 6 -> new BsonUndefined();
            case 7 -> new BsonObjectId(new ObjectId(new Date(random.nextLong() & 0xffffffffL)));
            case 8 -> BsonBoolean.valueOf(random.nextBoolean());
            case 9 -> new BsonDateTime(random.nextLong() % 10_000_000_000_000L);
            case 10 -> BsonNull.VALUE;
            case 11 -> new BsonRegularExpression("^a.*" + text(), random.nextBoolean() ? "i" : "");
            case 12 -> new BsonJavaScript("function() { return 1; }");
            case 13 -> new BsonInt32(random.nextInt());
            case 14 -> new BsonTimestamp(random.nextLong());
            case 15 -> new BsonInt64(random.nextLong());
            case 16 -> new BsonDecimal128(Decimal128.parse(random.nextInt() + ".25"));
            case 17 -> new BsonMinKey();
            case 18 -> new BsonMaxKey();
            case 19 -> randomDocument(depth + 1);
            default -> {
                BsonArray array = new BsonArray();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(value(depth + 1));
                }
                yield array;
            }
        };
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** An OP_MSG frame: the body, then each sequence, then {@code extraBodies}; with a checksum when asked. */
    private static byte[] frame(int requestId, byte[] body, List<Map.Entry<String, List<byte[]>>> sequences,
            boolean checksum, byte[]... extraBodies) {
        ByteArrayOutputStream sections = new ByteArrayOutputStream();
        sections.write(0);
        sections.writeBytes(body);
        for (Map.Entry<String, List<byte[]>> sequence : sequences) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.writeBytes(sequence.getKey().getBytes(StandardCharsets.UTF_8));
            content.write(0);
            sequence.getValue().forEach(content::writeBytes);
            sections.write(1);
            sections.writeBytes(intLe(4 + content.size()));
            sections.writeBytes(content.toByteArray());
        }
        for (byte[] extra : extraBodies) {
            sections.write(0);
            sections.writeBytes(extra);
        }
        int total = 16 + 4 + sections.size() + (checksum ? 4 : 0);
        ByteBuffer frame = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(total).putInt(requestId).putInt(0).putInt(OpMessages.OP_MSG).putInt(checksum ? 1 : 0);
        frame.put(sections.toByteArray());
        if (checksum) {
            frame.putInt(0x12345678);
        }
        return frame.array();
    }

    private static byte[] intLe(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
