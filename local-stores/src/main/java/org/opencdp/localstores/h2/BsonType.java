package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Set;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of collection maps: each document as its BSON bytes, written as tag {@value #BSON}, length, bytes.
 * Documents are encoded once when they are stored and decoded when they are read, so that
 * <ul>
 * <li>the page cache holds documents at their encoded size (a decoded document took about four times as much);</li>
 * <li>a save copies the bytes of each changed page instead of encoding every document on it again;</li>
 * <li>the old generation holds one array per cached document instead of a tree of maps, strings and numbers.</li>
 * </ul>
 * Documents written by stock mongo-java-server (H2's serialised-object tag 19) are still read, converted to BSON, so
 * existing files keep working and convert as their pages are rewritten. A file written with this type is no longer
 * readable by the stock H2 backend.
 */
final class BsonType extends BasicDataType<byte[]> {
    static final byte BSON = 127;
    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** The document's BSON: the bytes its client sent when it has them ({@link SentDocuments}), else encoded. */
    static byte[] encode(Document document) {
        byte[] sent = SentDocuments.bytesOf(document);
        if (sent != null) {
            return sent;
        }
        ByteBuf buf = BUFFERS.get();
        try {
            BsonEncoder.encodeDocument(document, buf);
            byte[] bson = new byte[buf.readableBytes()];
            buf.readBytes(bson);
            return bson;
        } finally {
            buf.clear();
            if (buf.capacity() > KEPT_BUFFER_BYTES) { // an unusually large document: do not keep its buffer
                BUFFERS.remove();
            }
        }
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /**
     * The named top-level fields of a stored document (those it has), decoded; every other field is skipped by its
     * encoded length without being decoded. Null when the bytes hold a type this cannot skip (decode them whole).
     */
    static Document decodeFields(byte[] bson, Set<String> names) {
        ByteBuf buf = Unpooled.wrappedBuffer(bson);
        buf.skipBytes(4);
        Document out = new Document();
        while (buf.isReadable()) {
            byte type = buf.readByte();
            if (type == 0) {
                return out;
            }
            String name = BsonDecoder.decodeCString(buf);
            if (names.contains(name)) {
                out.put(name, BsonDecoder.decodeValue(type, buf));
            } else if (!skipValue(type, buf)) {
                return null;
            }
        }
        return out;
    }

    /** Skips one encoded value of the type (BSON 1.1); false for a type it does not know. */
    static boolean skipValue(byte type, ByteBuf buf) {
        switch (type) {
            case 6, 10, -1, 127 -> { } // undefined, null, min key, max key
            case 8 -> buf.skipBytes(1); // boolean
            case 16 -> buf.skipBytes(4); // int32
            case 1, 9, 17, 18 -> buf.skipBytes(8); // double, date, timestamp, int64
            case 7 -> buf.skipBytes(12); // ObjectId
            case 19 -> buf.skipBytes(16); // decimal128
            case 2, 13, 14 -> buf.skipBytes(buf.readIntLE()); // string, code, symbol: length with the final 0
            case 3, 4, 15 -> buf.skipBytes(buf.readIntLE() - 4); // document, array, code with scope: whole length
            case 5 -> buf.skipBytes(buf.readIntLE() + 1); // binary: length, subtype, bytes
            case 11 -> { // regular expression: pattern and options
                BsonDecoder.decodeCString(buf);
                BsonDecoder.decodeCString(buf);
            }
            case 12 -> buf.skipBytes(buf.readIntLE() + 12); // DBPointer: string, ObjectId
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getMemory(byte[] bson) {
        return 24 + bson.length;
    }

    @Override
    public void write(WriteBuffer buff, byte[] bson) {
        buff.put(BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public byte[] read(ByteBuffer buff) {
        byte tag = buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        if (tag == BSON) {
            return bytes;
        }
        if (tag == SerializedKeyType.SERIALIZED_OBJECT) {
            return encode((Document) ObjectDataType.deserialize(bytes));
        }
        throw new IllegalStateException("Unexpected document type " + tag + " in the H2 store");
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
