package org.opencdp.common.mongo;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Encodes a {@link Document} into BSON bytes directly, for writes of many documents (inserts and replacements sent as
 * {@link RawBsonDocument}s, which the driver copies into its message as they are). The driver's own
 * {@code DocumentCodec} looks up a codec for every value and writes byte by byte into its message buffers: JFR put
 * that at half of profile-service's time under ingestion.
 *
 * <p>The bytes are those the driver writes for the same document: {@code _id} first, then the fields in their order;
 * strings, 32/64-bit integers, doubles, booleans, nulls, {@link Date}s and {@link Instant}s (UTC date-times),
 * {@link ObjectId}s, {@link Decimal128}s, {@link Binary} and {@code byte[]} (binary), sub-documents and maps with
 * string keys, and lists. A document holding anything else (another type, a field name with a NUL character, a string
 * with an unpaired surrogate) is encoded by the collection's codec instead.
 */
public final class BsonBytes {
    private static final String ID = "_id";
    private static final String[] INDEX_NAMES = new String[64];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = Integer.toString(i);
        }
    }

    /** Each thread's encoding buffer; a document's bytes are copied out of it. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final int KEPT_SCRATCH_BYTES = 1 << 20;
    private byte[] out = SCRATCH.get();
    private int size;

    /** Thrown when a value is not one this encoder writes; the codec then encodes the whole document. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private BsonBytes() {}

    /** The document as BSON: encoded here, or by the registry's document codec when it holds another type. */
    public static RawBsonDocument encode(Document document, CodecRegistry registry) {
        BsonBytes bytes = new BsonBytes();
        try {
            bytes.writeDocument(document, true);
        } catch (Unsupported e) {
            Document idFirst = new Document();
            if (document.containsKey(ID)) {
                idFirst.put(ID, document.get(ID));
            }
            idFirst.putAll(document);
            return new RawBsonDocument(idFirst, registry.get(Document.class));
        }
        if (bytes.out.length <= KEPT_SCRATCH_BYTES) {
            SCRATCH.set(bytes.out);
        }
        return new RawBsonDocument(Arrays.copyOf(bytes.out, bytes.size));
    }

    private void writeDocument(Map<?, ?> document, boolean idFirst) {
        int start = size;
        writeInt(0);
        Object id = idFirst ? document.get(ID) : null;
        if (id != null || idFirst && document.containsKey(ID)) {
            writeElement(ID, id);
        }
        for (Map.Entry<?, ?> e : document.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new Unsupported();
            }
            if (!idFirst || !name.equals(ID)) {
                writeElement(name, e.getValue());
            }
        }
        writeByte(0);
        putInt(start, size - start);
    }

    private void writeArray(List<?> list) {
        int start = size;
        writeInt(0);
        for (int i = 0; i < list.size(); i++) {
            writeElement(indexName(i), list.get(i));
        }
        writeByte(0);
        putInt(start, size - start);
    }

    private void writeElement(String name, Object value) {
        int typeAt = size;
        writeByte(0);
        writeName(name);
        byte type = writeValue(value); // before reading out: writing the value may replace the array
        out[typeAt] = type;
    }

    /** Writes the value; returns its BSON type. */
    private byte writeValue(Object value) {
        if (value == null) {
            return 0x0A;
        } else if (value instanceof String s) {
            writeString(s);
            return 0x02;
        } else if (value instanceof Integer i) {
            writeInt(i);
            return 0x10;
        } else if (value instanceof Long l) {
            writeLong(l);
            return 0x12;
        } else if (value instanceof Double d) {
            writeLong(Double.doubleToRawLongBits(d));
            return 0x01;
        } else if (value instanceof Boolean b) {
            writeByte(b ? 1 : 0);
            return 0x08;
        } else if (value instanceof Date d) {
            writeLong(d.getTime());
            return 0x09;
        } else if (value instanceof Instant t) {
            writeLong(t.toEpochMilli());
            return 0x09;
        } else if (value instanceof Map<?, ?> m) {
            writeDocument(m, false);
            return 0x03;
        } else if (value instanceof List<?> list) {
            writeArray(list);
            return 0x04;
        }
        return writeOtherValue(value);
    }

    private byte writeOtherValue(Object value) {
        if (value instanceof ObjectId id) {
            writeBytes(id.toByteArray());
            return 0x07;
        } else if (value instanceof Decimal128 d) {
            writeLong(d.getLow());
            writeLong(d.getHigh());
            return 0x13;
        } else if (value instanceof Binary b) {
            writeBinary(b.getType(), b.getData());
            return 0x05;
        } else if (value instanceof byte[] b) {
            writeBinary((byte) 0, b);
            return 0x05;
        }
        throw new Unsupported();
    }

    private void writeBinary(byte subtype, byte[] data) {
        if (subtype == 2) { // the old binary subtype has its length twice
            writeInt(data.length + 4);
            writeByte(subtype);
            writeInt(data.length);
        } else {
            writeInt(data.length);
            writeByte(subtype);
        }
        writeBytes(data);
    }

    private void writeName(String name) {
        int from = size;
        writeUtf8(name);
        for (int i = from; i < size; i++) {
            if (out[i] == 0) {
                throw new Unsupported();
            }
        }
        writeByte(0);
    }

    private static String indexName(int i) {
        return i < INDEX_NAMES.length ? INDEX_NAMES[i] : Integer.toString(i);
    }

    private void writeString(String s) {
        int lengthAt = size;
        writeInt(0);
        writeUtf8(s);
        writeByte(0);
        putInt(lengthAt, size - lengthAt - 4);
    }

    /** UTF-8; a string with an unpaired surrogate (which the JDK and the driver encode differently) is refused. */
    private void writeUtf8(String s) {
        int length = s.length();
        ensure(length * 3);
        byte[] b = out;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                throw new Unsupported();
            }
        }
        size = at;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }

    private void writeByte(int b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    private void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void writeInt(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
    }

    private void putInt(int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
        out[at + 2] = (byte) (v >>> 16);
        out[at + 3] = (byte) (v >>> 24);
    }

    private void writeLong(long v) {
        writeInt((int) v);
        writeInt((int) (v >>> 32));
    }
}
