package org.opencdp.common.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Decodes documents read as {@link RawBsonDocument}s (reads of many documents by id) into {@link Document}s directly.
 * The driver's own {@code DocumentCodec} looks up a codec for every value and reads through its buffer abstraction
 * byte by byte: JFR put that at a third of profile-service's time under ingestion.
 *
 * <p>The result is what {@code DocumentCodec} gives for the same bytes: {@link String}, {@link Integer}, {@link Long},
 * {@link Double}, {@link Boolean}, null, {@link Date}, {@link ObjectId}, {@link Decimal128}, {@link Binary},
 * {@link Document} and {@link ArrayList} values. A document holding any other BSON type (or a binary that the codec
 * could read as a UUID) is decoded by the registry's document codec instead.
 */
public final class BsonParser {
    private final byte[] bytes;
    private int at;

    /** Thrown for a value this parser does not read; the codec then decodes the whole document. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private BsonParser(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    /** The document: parsed here, or by the registry's document codec when it holds another type. */
    public static Document parse(RawBsonDocument raw, CodecRegistry registry) {
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        if (buffer.hasArray()) {
            try {
                return new BsonParser(buffer.array(), buffer.arrayOffset() + buffer.position()).readDocument();
            } catch (Unsupported e) {
                // decoded by the codec below
            }
        }
        return registry.get(Document.class).decode(raw.asBsonReader(), DecoderContext.builder().build());
    }

    private Document readDocument() {
        at += 4;
        Document document = new Document();
        byte type;
        while ((type = bytes[at++]) != 0) {
            String name = readCString();
            document.put(name, readValue(type));
        }
        return document;
    }

    private List<Object> readArray() {
        at += 4;
        List<Object> list = new ArrayList<>();
        byte type;
        while ((type = bytes[at++]) != 0) {
            while (bytes[at++] != 0) {
                // the index, which the list's order gives
            }
            list.add(readValue(type));
        }
        return list;
    }

    private Object readValue(byte type) {
        switch (type) {
            case 0x01:
                return Double.longBitsToDouble(readLong());
            case 0x02:
                return readString();
            case 0x03:
                return readDocument();
            case 0x04:
                return readArray();
            case 0x05:
                return readBinary();
            case 0x07:
                return readObjectId();
            case 0x08:
                return bytes[at++] != 0;
            case 0x09:
                return new Date(readLong());
            case 0x0A:
                return null;
            case 0x10:
                return readInt();
            case 0x12:
                return readLong();
            case 0x13: {
                long low = readLong();
                return Decimal128.fromIEEE754BIDEncoding(readLong(), low);
            }
            default:
                throw new Unsupported();
        }
    }

    private Binary readBinary() {
        int length = readInt();
        byte subtype = bytes[at++];
        if (subtype == 3 || subtype == 4 || subtype == 2) {
            throw new Unsupported(); // UUIDs as the codec's representation says; the old subtype's inner length
        }
        byte[] data = new byte[length];
        System.arraycopy(bytes, at, data, 0, length);
        at += length;
        return new Binary(subtype, data);
    }

    private ObjectId readObjectId() {
        ObjectId id = new ObjectId(ByteBuffer.wrap(bytes, at, 12));
        at += 12;
        return id;
    }

    private String readString() {
        int length = readInt();
        String s = new String(bytes, at, length - 1, StandardCharsets.UTF_8);
        at += length;
        return s;
    }

    private String readCString() {
        int start = at;
        while (bytes[at] != 0) {
            at++;
        }
        return new String(bytes, start, at++ - start, StandardCharsets.UTF_8);
    }

    private int readInt() {
        int v = bytes[at] & 0xFF | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
        at += 4;
        return v;
    }

    private long readLong() {
        long low = readInt() & 0xFFFFFFFFL;
        return low | (long) readInt() << 32;
    }
}
