package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of collection maps: documents stored as BSON (tag {@value #BSON}, length, bytes) instead of Java
 * serialisation, several times faster to write and read and smaller. Documents written by stock mongo-java-server
 * (H2's serialised-object tag 19) are still read, so existing files keep working and convert as they are rewritten.
 * A file written with this type is no longer readable by the stock H2 backend.
 */
final class DocumentType extends BasicDataType<Document> {
    static final byte BSON = 127;
    private volatile int averageSize = 256;

    @Override
    public int getMemory(Document document) {
        // decoded documents take a few times their BSON size on the heap
        return 64 + 4 * averageSize;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf buf = Unpooled.buffer(Math.max(64, averageSize + averageSize / 2));
        try {
            BsonEncoder.encodeDocument(document, buf);
            int length = buf.readableBytes();
            averageSize = (length + 15 * averageSize) / 16;
            buff.put(BSON).putVarInt(length).put(buf.nioBuffer());
        } finally {
            buf.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        byte tag = buff.get();
        int length = DataUtils.readVarInt(buff);
        if (tag == BSON) {
            ByteBuffer slice = buff.slice();
            slice.limit(length);
            buff.position(buff.position() + length);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        }
        if (tag == SerializedKeyType.SERIALIZED_OBJECT) {
            byte[] bytes = new byte[length];
            buff.get(bytes);
            return (Document) ObjectDataType.deserialize(bytes);
        }
        throw new IllegalStateException("Unexpected document type " + tag + " in the H2 store");
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
