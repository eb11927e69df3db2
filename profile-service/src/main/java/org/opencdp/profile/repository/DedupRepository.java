package org.opencdp.profile.repository;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * De-duplication keys {@code _id = ws|messageId} with {@code expiresAt}: claimed by insert-if-absent before a
 * message is applied (so two parallel copies of one message cannot both be applied), released if applying fails.
 * Expired keys count as absent even before the purge removes them.
 */
@ApplicationScoped
public class DedupRepository {
    private final ProfileStore store;

    public DedupRepository(ProfileStore store) {
        this.store = store;
    }

    /** Claims each key; returns the keys that were already held (duplicates). */
    public Set<String> claim(List<String> keys, Instant now, Duration window) {
        Date expires = Date.from(now.plus(window));
        List<Document> docs = new ArrayList<>(keys.size());
        for (String k : keys) {
            docs.add(new Document("_id", k).append("expiresAt", expires));
        }
        Set<String> held = new HashSet<>();
        Set<Integer> duplicates = ProfileStore.insertAll(store.dedup(), docs);
        if (duplicates.isEmpty()) {
            return held;
        }
        List<String> taken = duplicates.stream().map(keys::get).toList();
        Map<String, Date> existing = new HashMap<>();
        store.dedup().find(Filters.in("_id", taken)).forEach(d -> existing.put(d.getString("_id"),
                d.getDate("expiresAt")));
        Date nowDate = Date.from(now);
        for (String k : taken) {
            Date at = existing.get(k);
            boolean expired = at != null && at.before(nowDate);
            if (expired && store.dedup().updateOne(new Document("_id", k).append("expiresAt", new Document("$lt", nowDate)),
                    new Document("$set", new Document("expiresAt", expires))).getModifiedCount() == 1) {
                continue;
            }
            if (at != null || store.dedup().find(Filters.eq("_id", k)).first() != null) {
                held.add(k);
            }
        }
        return held;
    }

    public void release(List<String> keys) {
        if (!keys.isEmpty()) {
            store.dedup().deleteMany(Filters.in("_id", keys));
        }
    }

    public long purgeExpired(Instant now) {
        return store.dedup().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }
}
