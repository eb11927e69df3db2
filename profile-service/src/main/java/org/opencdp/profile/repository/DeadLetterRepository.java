package org.opencdp.profile.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Rejected tracking messages with the reason ({@code dead_letters}); {@code _id = ws|<time-ordered id>} so that a
 * workspace's newest-first listing walks the {@code _id} index.
 */
@ApplicationScoped
public class DeadLetterRepository {
    private static final int MAX_MESSAGE = 32 * 1024;
    private final ProfileStore store;

    public DeadLetterRepository(ProfileStore store) {
        this.store = store;
    }

    /** One rejected message: where it was sent, its index in a batch (or null), field, reason, the raw message. */
    public record Entry(String endpoint, Integer index, String field, String reason, String message) {}

    public void add(String ws, List<Entry> entries, Instant now, Duration retention, String requestId) {
        if (entries.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String raw = e.message() == null ? null
                    : e.message().length() > MAX_MESSAGE ? e.message().substring(0, MAX_MESSAGE) : e.message();
            docs.add(new Document("_id", ws + '|' + timeOrderedId(now)).append("ws", ws)
                    .append("receivedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(retention)))
                    .append("endpoint", e.endpoint()).append("index", e.index()).append("field", e.field())
                    .append("reason", e.reason()).append("message", raw).append("truncated",
                            e.message() != null && e.message().length() > MAX_MESSAGE)
                    .append("requestId", requestId));
        }
        store.deadLetters().insertMany(docs);
    }

    /** Newest first; {@code before} is the id of the last entry of the previous page. */
    public List<Document> list(String ws, String before, int limit) {
        Bson range = Filters.and(Filters.gt("_id", ws + '|'), Filters.lt("_id", before != null
                ? ws + '|' + before : ws + "|~"), Filters.gt("expiresAt", new Date()));
        List<Document> out = new ArrayList<>();
        store.deadLetters().find(range).sort(Sorts.descending("_id")).limit(limit).into(out);
        return out;
    }

    public long purgeExpired(Instant now) {
        return store.deadLetters().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private static String timeOrderedId(Instant now) {
        return String.format("%013d", now.toEpochMilli()) + Long.toHexString(ThreadLocalRandom.current().nextLong()
                | Long.MIN_VALUE);
    }
}
