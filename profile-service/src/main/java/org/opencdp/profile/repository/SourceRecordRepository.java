package org.opencdp.profile.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What profile-service knows about each record of a source (collection {@code source_records}, {@code _id} =
 * {@code ws|source|recordId}): the last applied sequence, the profile, a content hash (imports), whether it was
 * deleted, the last Idempotency-Keys seen, and a short lease that serialises the requests of one record.
 */
@ApplicationScoped
public class SourceRecordRepository {
    private static final int KEPT_KEYS = 20;
    private final MongoCollection<Document> records;

    public SourceRecordRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.records = client.getDatabase(db).getCollection("source_records");
    }

    /** The state of a record. */
    public record State(long sequence, String profileId, String hash, boolean deleted, List<String> keys) {
        static State of(Document d) {
            if (d == null || d.get("sequence") == null) {
                return null;
            }
            return new State(((Number) d.get("sequence")).longValue(), d.getString("profileId"), d.getString("hash"),
                    Boolean.TRUE.equals(d.getBoolean("deleted")), d.getList("keys", String.class, List.of()));
        }
    }

    public static String key(String ws, String source, String recordId) {
        return ws + '|' + source + '|' + recordId;
    }

    /**
     * Takes the record's lease for {@code ttl} (creating the document when needed); false when another request holds
     * an unexpired lease. A lease left by a crashed request expires by itself.
     */
    public boolean lease(String ws, String key, String leaseId, Instant now, Duration ttl) {
        Bson free = Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", Date.from(now)));
        try {
            records.updateOne(Filters.and(Filters.eq("_id", key), free),
                    Updates.combine(Updates.set("ws", ws), Updates.set("leaseId", leaseId),
                            Updates.set("leaseUntil", Date.from(now.plus(ttl)))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease back, if it is still this request's. */
    public void release(String key, String leaseId) {
        records.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("leaseId", leaseId)),
                Updates.combine(Updates.unset("leaseId"), Updates.unset("leaseUntil")));
    }

    public State find(String key) {
        return State.of(records.find(Filters.eq("_id", key)).first());
    }

    /** The states of several records of one workspace, by key (absent keys are missing from the map). */
    public Map<String, State> findAll(Collection<String> keys) {
        Map<String, State> out = new HashMap<>();
        if (!keys.isEmpty()) {
            records.find(Filters.in("_id", keys)).forEach(d -> {
                State s = State.of(d);
                if (s != null) {
                    out.put(d.getString("_id"), s);
                }
            });
        }
        return out;
    }

    /** Records what was applied (and remembers the Idempotency-Key, the last {@value #KEPT_KEYS} per record). */
    public void applied(String ws, String key, long sequence, String profileId, String hash, boolean deleted,
            String idempotencyKey, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("ws", ws), Updates.set("sequence", sequence),
                Updates.set("profileId", profileId), Updates.set("hash", hash), Updates.set("deleted", deleted),
                Updates.set("updatedAt", Date.from(now))));
        if (idempotencyKey != null) {
            updates.add(Updates.pushEach("keys", List.of(idempotencyKey),
                    new com.mongodb.client.model.PushOptions().slice(-KEPT_KEYS)));
        }
        records.updateOne(Filters.eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** What an import applied to one of its records. */
    public record Applied(String key, long sequence, String profileId, String hash) {}

    /** Records what an import applied, in one bulk write. */
    public void appliedAll(String ws, List<Applied> applied, Instant now) {
        if (applied.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> models = new ArrayList<>(applied.size());
        for (Applied a : applied) {
            models.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", a.key()),
                    Updates.combine(Updates.set("ws", ws), Updates.set("sequence", a.sequence()),
                            Updates.set("profileId", a.profileId()), Updates.set("hash", a.hash()),
                            Updates.set("deleted", false), Updates.set("updatedAt", Date.from(now))),
                    new UpdateOptions().upsert(true)));
        }
        records.bulkWrite(models, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /** Remembers an Idempotency-Key of a request that changed nothing. */
    public void rememberKey(String key, String idempotencyKey) {
        if (idempotencyKey != null) {
            records.updateOne(Filters.eq("_id", key), Updates.pushEach("keys", List.of(idempotencyKey),
                    new com.mongodb.client.model.PushOptions().slice(-KEPT_KEYS)));
        }
    }
}
