package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code find} command the services send most: documents named by string {@code _id}s ({@code {_id: "a"}} or
 * {@code {_id: {$in: [...]}}}), whole, unsorted, in one batch. It is answered with the documents' stored BSON bytes
 * ({@link StoredDocuments}, written by {@link StoredBytesEncoder}); stock mongo-java-server decodes each document
 * into maps and encodes it again for the reply, a sixth of the store's time under ingestion. Any other find (a
 * projection, a sort, a skip, more documents than the batch size, sessions with transactions, OP_QUERY) takes the
 * stock path.
 */
final class ByIdFind {
    /** Options of a find command that do not change the answer of a by-id find in one batch. */
    private static final Set<String> ACCEPTED = Set.of("find", "filter", "projection", "sort", "skip", "limit",
            "batchSize", "singleBatch", "$db", "lsid", "$clusterTime", "$readPreference", "maxTimeMS", "comment",
            "readConcern");
    private static final String ID = "_id";
    private static final LongAdder ANSWERED = new LongAdder();

    private ByIdFind() {}

    /**
     * The answer to a command of which {@link #ids} found the ids, or null when it is not answered this way after all.
     * {@code $db} marks a command sent as OP_MSG, whose reply the connection's {@link StoredBytesEncoder} writes (a
     * connection of {@link WireServer}; any other takes the stock path).
     */
    static Document answer(Channel channel, Document command, Collection<String> ids, ReplacingH2Collection collection,
            String namespace) {
        if (!command.containsKey("$db") || channel == null
                || channel.pipeline().get(StoredBytesEncoder.class) == null) {
            return null;
        }
        int limit = Math.abs(number(command, "limit"));
        List<byte[]> documents = collection.storedDocuments(ids, limit);
        int batchSize = number(command, "batchSize");
        boolean oneBatch = Boolean.TRUE.equals(command.get("singleBatch")) || number(command, "limit") < 0;
        if (batchSize > 0 && documents.size() > batchSize && !oneBatch) {
            return null; // the stock path keeps the rest in a cursor
        }
        ANSWERED.increment();
        Document cursor = new Document("id", 0L).append("ns", namespace)
                .append("firstBatch", new StoredDocuments(documents));
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /** How many finds were answered with stored bytes since the start (for tests and diagnostics). */
    static long answered() {
        return ANSWERED.sum();
    }

    /** The distinct string ids, in the filter's order, of a find this answers; else null. */
    static Collection<String> ids(Document command) {
        for (String key : command.keySet()) {
            if (!ACCEPTED.contains(key)) {
                return null;
            }
        }
        for (String key : List.of("skip", "limit", "batchSize")) {
            if (command.get(key) != null && !(command.get(key) instanceof Number)) {
                return null;
            }
        }
        if (!isEmpty(command.get("projection")) || !isEmpty(command.get("sort"))
                || number(command, "skip") != 0 || !(command.get("filter") instanceof Document filter)) {
            return null;
        }
        return ReplacingH2Collection.stringIdsNamed(filter, ID);
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> map && map.isEmpty();
    }

    /** A numeric option ({@link #ids} checked its type), 0 when absent. */
    private static int number(Document command, String key) {
        return command.get(key) instanceof Number n ? n.intValue() : 0;
    }
}
