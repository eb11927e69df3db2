package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's encoder of OP_MSG replies, which also writes the documents of a {@link ByIdFind} answer
 * ({@link StoredDocuments}, the value of {@code cursor.firstBatch}) as their stored bytes. Every other reply takes
 * the stock encoder.
 */
final class StoredBytesEncoder extends MongoWireMessageEncoder {
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;

    @Override
    protected void encode(ChannelHandlerContext ctx, MongoMessage message, ByteBuf buf) {
        if (!(message.getDocument().get("cursor") instanceof Map<?, ?> cursor)
                || !(cursor.get("firstBatch") instanceof StoredDocuments)) {
            super.encode(ctx, message, buf);
            return;
        }
        int start = buf.writerIndex();
        buf.writeIntLE(0);
        buf.writeIntLE(message.getHeader().getRequestID());
        buf.writeIntLE(message.getHeader().getResponseTo());
        buf.writeIntLE(OpCode.OP_MSG.getId());
        buf.writeIntLE(message.getFlags());
        buf.writeByte(MongoMessage.SECTION_KIND_BODY);
        writeDocument(message.getDocument(), buf);
        buf.setIntLE(start, buf.writerIndex() - start);
    }

    /** A document whose values are either {@link StoredDocuments}, maps holding them, or what BSON encodes. */
    private static void writeDocument(Map<?, ?> document, ByteBuf buf) {
        int start = buf.writerIndex();
        buf.writeIntLE(0);
        for (Map.Entry<?, ?> e : document.entrySet()) {
            String name = (String) e.getKey();
            Object value = e.getValue();
            if (value instanceof StoredDocuments stored) {
                writeName(ARRAY, name, buf);
                writeArray(stored.bson(), buf);
            } else if (value instanceof Map<?, ?> map) {
                writeName(DOCUMENT, name, buf);
                writeDocument(map, buf);
            } else {
                byte type = BsonEncoder.determineType(value);
                writeName(type, name, buf);
                BsonEncoder.encodeValue(type, value, buf);
            }
        }
        buf.writeByte(0);
        buf.setIntLE(start, buf.writerIndex() - start);
    }

    private static void writeArray(List<byte[]> documents, ByteBuf buf) {
        int start = buf.writerIndex();
        buf.writeIntLE(0);
        for (int i = 0; i < documents.size(); i++) {
            writeName(DOCUMENT, Integer.toString(i), buf);
            buf.writeBytes(documents.get(i));
        }
        buf.writeByte(0);
        buf.setIntLE(start, buf.writerIndex() - start);
    }

    private static void writeName(byte type, String name, ByteBuf buf) {
        buf.writeByte(type);
        buf.writeCharSequence(name, StandardCharsets.UTF_8);
        buf.writeByte(0);
    }
}
