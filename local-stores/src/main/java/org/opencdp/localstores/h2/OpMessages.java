package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes OP_MSG messages (every command of a current driver) as mongo-java-server's {@link MongoWireProtocolHandler}
 * does, into the same command document with the same checks, but with {@link BsonArrayDecoder} from one copy of the
 * message. Other messages, and a message not yet wholly received, are left to mongo-java-server.
 */
final class OpMessages {
    static final int OP_MSG = 2013;
    private static final int CHECKSUM_PRESENT = 1;
    private static final int KNOWN_FLAGS = CHECKSUM_PRESENT | 1 << 1 | 1 << 16; // and moreToCome, exhaustAllowed
    /** Header (16 bytes), flags (4) and at least one section kind byte. */
    private static final int SHORTEST = 21;

    private OpMessages() {}

    /** True when the buffer starts with a whole OP_MSG message this class decodes. */
    static boolean startsWithWholeMessage(ByteBuf buffer) {
        int readable = buffer.readableBytes();
        if (readable < SHORTEST) {
            return false;
        }
        int start = buffer.readerIndex();
        int total = buffer.getIntLE(start);
        return buffer.getIntLE(start + 12) == OP_MSG && total >= SHORTEST
                && total <= MongoWireProtocolHandler.MAX_MESSAGE_SIZE_BYTES && readable >= total;
    }

    /** Reads the message at the start of the buffer (see {@link #startsWithWholeMessage}) off it. */
    static MongoMessage decode(Channel channel, ByteBuf buffer) throws IOException {
        int start = buffer.readerIndex();
        int total = buffer.getIntLE(start);
        BsonArrayDecoder in = BsonArrayDecoder.forThisThread();
        int end = in.reset(buffer, start, total) + total;
        buffer.skipBytes(total);
        in.skip(4); // the length, read above
        MessageHeader header = new MessageHeader(total, in.readInt(), in.readInt());
        in.skip(4); // the op code
        int flags = in.readInt();
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new UnsupportedOperationException("flags=" + (flags & ~KNOWN_FLAGS) + " not yet supported");
        }
        boolean checksum = (flags & CHECKSUM_PRESENT) != 0;
        int sectionsEnd = checksum ? end - 4 : end;
        Document body = null;
        Document sequences = new Document();
        while (in.position() < sectionsEnd) {
            byte kind = in.readByte();
            if (kind == 0) {
                if (body != null) {
                    throw new IllegalArgumentException(notNull(body));
                }
                body = in.document();
            } else if (kind == 1) {
                sequence(in, sequences);
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        if (checksum) {
            in.readInt(); // not checked, as mongo-java-server does not
        }
        if (body == null) {
            throw new IllegalArgumentException("Given value must not be null");
        }
        for (var entry : sequences.entrySet()) {
            Object previous = body.put(entry.getKey(), entry.getValue());
            if (previous != null) {
                throw new IllegalArgumentException(notNull(previous));
            }
        }
        if (in.position() != end) {
            throw new IOException();
        }
        return new MongoMessage(channel, header, body);
    }

    private static void sequence(BsonArrayDecoder in, Document sequences) {
        int start = in.position();
        int size = in.readInt();
        String identifier = in.cString(false);
        List<Object> documents = new ArrayList<>();
        do {
            documents.add(in.document());
        } while (in.position() - start < size);
        Object previous = sequences.put(identifier, documents);
        if (previous != null) {
            throw new IllegalArgumentException(notNull(previous));
        }
    }

    /** mongo-java-server's message when a value it expected to be absent is there. */
    private static String notNull(Object value) {
        return "Given value '" + value + "' must not be null";
    }
}
