package org.opencdp.profile.repository;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.opencdp.profile.ProfileState;

/**
 * Compare-and-set of profile documents, in bulk. A writer that read version {@code v} first claims
 * {@code profileId|v+1} in {@code profile_versions} by insert-if-absent (the duplicate key of a concurrent writer
 * means it lost: the profile is left alone and re-planned), then replaces the profile by {@code _id}. Claiming by a
 * unique {@code _id} instead of filtering the replace by {@code {_id, version}} keeps every step an {@code _id}
 * operation, which the embedded store serves from its index (a filter with a second field scans the collection).
 * A claim whose writer died before replacing (older than {@link #STALE}) is removed by the next writer that
 * trips on it. Claims expire after {@link #KEEP} (TTL index + purge).
 */
public final class ProfileWrites {
    static final Duration STALE = Duration.ofSeconds(30);
    static final Duration KEEP = Duration.ofMinutes(10);

    private ProfileWrites() {}

    /** Writes the profiles whose version could be claimed; returns their ids. */
    public static Set<String> write(ProfileStore store, List<ProfileState> profiles, Instant now, String writeId) {
        Set<String> written = new HashSet<>();
        if (profiles.isEmpty()) {
            return written;
        }
        Date at = Date.from(now);
        Date expires = Date.from(now.plus(KEEP));
        List<Document> claims = new ArrayList<>(profiles.size());
        for (ProfileState p : profiles) {
            claims.add(new Document("_id", p.id() + '|' + (p.loadedVersion() + 1)).append("at", at)
                    .append("expiresAt", expires).append("writeId", writeId));
        }
        Set<Integer> lost = ProfileStore.insertAll(store.profileVersions(), claims);
        if (!lost.isEmpty()) {
            removeStale(store, lost.stream().map(i -> claims.get(i).getString("_id")).toList(), now);
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            if (!lost.contains(i)) {
                ProfileState p = profiles.get(i);
                models.add(new ReplaceOneModel<>(Filters.eq("_id", p.id()), p.forWrite(now, writeId),
                        new ReplaceOptions().upsert(true)));
                written.add(p.id());
            }
        }
        if (!models.isEmpty()) {
            store.profiles().bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
        return written;
    }

    private static void removeStale(ProfileStore store, List<String> claimIds, Instant now) {
        Date staleBefore = Date.from(now.minus(STALE));
        store.profileVersions().find(Filters.in("_id", claimIds)).forEach(c -> {
            Date at = c.getDate("at");
            if (at != null && at.before(staleBefore)) {
                store.profileVersions().deleteOne(Filters.eq("_id", c.getString("_id")));
            }
        });
    }

    public static long purgeExpired(ProfileStore store, Instant now) {
        return store.profileVersions().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }
}
