package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
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
        return BsonArrayDecoder.forThisThread().reset(bson, 0, bson.length).document();
    }

    /**
     * The named top-level fields of a stored document (those it has), decoded; every other field is skipped by its
     * encoded length without being decoded. Null when the bytes hold a type this cannot skip (decode them whole).
     */
    static Document decodeFields(byte[] bson, Set<String> names) {
        BsonArrayDecoder in = BsonArrayDecoder.forThisThread().reset(bson, 4, bson.length);
        Document out = new Document();
        while (in.position() < bson.length) {
            byte type = in.readByte();
            if (type == 0) {
                return out;
            }
            String name = in.cString(true);
            if (names.contains(name)) {
                out.put(name, in.value(type));
            } else if (!in.skipValue(type)) {
                return null;
            }
        }
        return out;
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
