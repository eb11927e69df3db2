package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The BSON bytes in which the client sent the documents of the message this thread is handling: the documents of an
 * insert and the replacements of an update, which the store then keeps as sent instead of encoding the decoded
 * documents again ({@link BsonType#encode}; JFR put that encoding at a seventh of the store's time under ingestion).
 * Filled by {@link SentBytesDecoder} for each OP_MSG message it decodes. mongo-java-server handles a message on the
 * thread that decoded it, before that thread decodes the next one, so a document is found here only while its own
 * message is handled.
 *
 * <p>A document is looked up by identity and only while it has the number of fields it was decoded with: the one change
 * mongo-java-server makes to a document on its way to the store is adding a missing {@code _id}, which the sent bytes
 * do not hold, so that document is encoded as before.
 */
final class SentDocuments {
    private static final int OP_MSG = 2013;
    private static final int CHECKSUM_PRESENT = 1;
    private static final ThreadLocal<Map<Document, Sent>> CURRENT = ThreadLocal.withInitial(IdentityHashMap::new);
    private static final LongAdder REUSED = new LongAdder();

    private record Sent(Document document, byte[] bson, int fields) {}

    private SentDocuments() {}

    /** Forgets the previous message's documents (before the next message is decoded). */
    static void forget() {
        Map<Document, Sent> current = CURRENT.get();
        if (!current.isEmpty()) {
            current.clear();
        }
    }

    /** The bytes the client sent for this document of the message being handled, unchanged since; else null. */
    static byte[] bytesOf(Document document) {
        Map<Document, Sent> current = CURRENT.get();
        Sent sent = current.isEmpty() ? null : current.get(document);
        if (sent == null || sent.fields() != document.size()) {
            return null;
        }
        REUSED.increment();
        return sent.bson();
    }

    /** How many documents were stored with the bytes their client sent, since the start (for tests). */
    static long reused() {
        return REUSED.sum();
    }

    /**
     * Keeps the bytes of the documents of an OP_MSG message's {@code documents} and {@code updates} sequences
     * (frame bytes {@code start} to {@code end} of {@code frame}), paired with the documents that mongo-java-server
     * decoded from them into {@code command}. A sequence whose bytes and decoded list do not pair up is skipped.
     */
    static void remember(Document command, ByteBuf frame, int start, int end) {
        if (end - start < 21 || frame.getIntLE(start + 12) != OP_MSG) {
            return;
        }
        int limit = (frame.getIntLE(start + 16) & CHECKSUM_PRESENT) != 0 ? end - 4 : end;
        int at = start + 20;
        while (at < limit) {
            byte kind = frame.getByte(at++);
            if (kind == 0) {
                at += frame.getIntLE(at);
            } else if (kind == 1) {
                int sectionEnd = at + frame.getIntLE(at);
                int nameEnd = frame.indexOf(at + 4, sectionEnd, (byte) 0);
                if (nameEnd < 0) {
                    return;
                }
                String identifier = frame.toString(at + 4, nameEnd - at - 4, StandardCharsets.UTF_8);
                rememberSequence(identifier, command.get(identifier), frame, nameEnd + 1, sectionEnd);
                at = sectionEnd;
            } else {
                return;
            }
        }
    }

    private static void rememberSequence(String identifier, Object decoded, ByteBuf frame, int at, int end) {
        boolean updates = identifier.equals("updates");
        if (!updates && !identifier.equals("documents") || !(decoded instanceof List<?> documents)) {
            return;
        }
        List<Sent> found = new ArrayList<>(documents.size());
        for (Object element : documents) {
            if (at + 5 > end || !(element instanceof Document document)) {
                return;
            }
            int length = frame.getIntLE(at);
            Sent sent = updates ? replacementOf(document, frame, at, length) : sent(document, frame, at, length);
            if (sent != null) {
                found.add(sent);
            }
            at += length;
        }
        if (at == end) {
            Map<Document, Sent> current = CURRENT.get();
            for (Sent sent : found) {
                current.put(sent.document(), sent);
            }
        }
    }

    /** The replacement ({@code u}, a document) of an update statement, with its bytes; null for anything else. */
    private static Sent replacementOf(Document statement, ByteBuf frame, int at, int length) {
        if (!(statement.get("u") instanceof Document replacement) || replacement.isEmpty()
                || replacement.keySet().iterator().next().startsWith("$")) {
            return null; // an update by operators: its document is not stored
        }
        BsonArrayDecoder in = BsonArrayDecoder.forThisThread();
        int base = in.reset(frame, at, length); // the statement's first byte, in the array read
        in.skip(4);
        while (in.position() < base + length) {
            byte type = in.readByte();
            if (type == 0) {
                return null;
            }
            String name = in.cString(true);
            if (name.equals("u")) {
                return type == 3 ? sent(replacement, frame, at + in.position() - base, in.readInt()) : null;
            }
            if (!in.skipValue(type)) {
                return null;
            }
        }
        return null;
    }

    private static Sent sent(Document document, ByteBuf frame, int at, int length) {
        byte[] bson = new byte[length];
        frame.getBytes(at, bson);
        return new Sent(document, bson, document.size());
    }
}
