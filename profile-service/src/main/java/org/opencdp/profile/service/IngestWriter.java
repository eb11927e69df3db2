package org.opencdp.profile.service;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.opencdp.profile.ProfileState;
import org.opencdp.profile.repository.ProfileStore;
import org.opencdp.profile.repository.ProfileWrites;

/**
 * Writes an {@link IngestBatch} without transactions, in an order that keeps the store consistent when several
 * writers touch the same people at once or a writer stops half-way:
 * <ol>
 * <li>new identities, insert-if-absent (an identity may point to a profile not written yet: readers treat it as
 * a new profile with that id);: a duplicate key means another writer claimed it first, and every
 * profile connected to that observation in this batch is left unwritten and retried with fresh reads;</li>
 * <li>merged-away profiles, compare-and-set on their version, marked {@code mergedInto} (frozen: from then on every
 * reader follows them to the survivor, and a survivor that has not taken them in yet does so on its next
 * write);</li>
 * <li>the merge log;</li>
 * <li>every other changed profile, compare-and-set on its version, with its pending change for segment-service
 * ({@link ChangeOutbox});</li>
 * <li>identities of merged-away profiles re-pointed to the survivor (only once the survivor is written);</li>
 * <li>events and source contributions of the observations whose profile was written (insert by
 * {@code ws|messageId}: a retried write is a no-op).</li>
 * </ol>
 * An observation is done once the profile it was applied to is written; the others are planned again.
 */
final class IngestWriter {
    private final ProfileStore store;
    private final IngestBatch batch;
    private final String writeId = Ids.random("w");
    private final Set<String> conflicted = new HashSet<>();
    private final Set<String> written = new HashSet<>();

    IngestWriter(ProfileStore store, IngestBatch batch) {
        this.store = store;
        this.batch = batch;
    }

    /** Writes the batch; returns the indexes of the observations now stored. */
    Set<Integer> write() {
        Instant now = batch.now;
        List<IngestBatch.IdRec> claims = batch.identities.values().stream().filter(r -> r.isNew).toList();
        List<Document> identityDocs = claims.stream().map(r -> new Document("_id", r.key).append("ws", batch.ws)
                .append("type", r.type).append("value", r.value).append("profileId", r.profileId)
                .append("originProfileId", r.origin).append("links", new ArrayList<>(r.links))
                .append("createdAt", Date.from(now))).toList();
        for (int lost : ProfileStore.insertAll(store.identities(), identityDocs)) {
            IngestBatch.IdRec r = claims.get(lost);
            conflicted.add(batch.find(r.profileId));
            for (IngestBatch.Item item : batch.items) {
                if (item.index == r.creator) {
                    conflicted.add(batch.find(item.appliedTo));
                }
            }
        }

        writeProfiles(batch.losers);
        List<Document> entries = new ArrayList<>();
        for (Document e : batch.mergeEntries.values()) {
            if (written.contains(e.getString("loserId")) || !batch.losers.contains(e.getString("loserId"))) {
                entries.add(e);
            }
        }
        ProfileStore.insertAll(store.merges(), entries);
        recordRefusals();
        for (String id : batch.dirty) {
            ChangeOutbox.mark(batch.profiles.get(id), batch.changeReasons.getOrDefault(id, "track"), now);
        }
        writeProfiles(batch.dirty);
        repointIdentities();

        Set<Integer> done = new HashSet<>();
        List<Document> events = new ArrayList<>();
        List<WriteModel<Document>> contributions = new ArrayList<>();
        for (IngestBatch.Item item : batch.items) {
            if (written.contains(item.appliedTo)) {
                done.add(item.index);
                if (item.event != null) {
                    events.add(item.event);
                }
                if (item.contribution != null) {
                    contributions.add(new ReplaceOneModel<>(Filters.eq("_id", item.contribution.getString("_id")),
                            item.contribution, new ReplaceOptions().upsert(true)));
                }
            }
        }
        addLinks();
        ProfileStore.insertAll(store.events(), events);
        if (!contributions.isEmpty()) {
            store.contributions().bulkWrite(contributions, new BulkWriteOptions().ordered(true));
        }
        return done;
    }

    /** Compare-and-set of each profile of a non-conflicted group; failed ones conflict their group. */
    private void writeProfiles(Collection<String> ids) {
        List<ProfileState> toWrite = new ArrayList<>();
        for (String id : ids) {
            if (!conflicted.contains(batch.find(id))) {
                toWrite.add(batch.profiles.get(id));
            }
        }
        if (toWrite.isEmpty()) {
            return;
        }
        Set<String> ok = ProfileWrites.write(store, toWrite, batch.now, writeId);
        for (ProfileState p : toWrite) {
            if (ok.contains(p.id())) {
                written.add(p.id());
            } else {
                conflicted.add(batch.find(p.id()));
            }
        }
    }

    private void repointIdentities() {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (String loserId : batch.survivorOf.keySet()) {
            String survivor = batch.survivorOf.get(loserId);
            while (batch.survivorOf.containsKey(survivor)) {
                survivor = batch.survivorOf.get(survivor);
            }
            if (!written.contains(survivor)) {
                continue;
            }
            for (Document i : batch.profiles.get(loserId).identities()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", Ids.identity(batch.ws, i.getString("type"),
                        i.getString("value"))), Updates.set("profileId", survivor)));
            }
        }
        if (!models.isEmpty()) {
            store.identities().bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
    }

    private void addLinks() {
        List<WriteModel<Document>> models = new ArrayList<>();
        batch.linksToAdd.forEach((key, links) -> models.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.addEachToSet("links", new ArrayList<>(links)))));
        if (!models.isEmpty()) {
            store.identities().bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
    }

    private void recordRefusals() {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (Document r : batch.refusals.values()) {
            Document insert = new Document(r);
            insert.remove("_id");
            insert.remove("at");
            models.add(new UpdateOneModel<>(Filters.eq("_id", r.getString("_id")),
                    Updates.combine(Updates.setOnInsert(insert), Updates.setOnInsert("firstAt", r.getDate("at")),
                            Updates.set("at", r.getDate("at")), Updates.inc("count", 1)),
                    new UpdateOptions().upsert(true)));
        }
        if (!models.isEmpty()) {
            store.merges().bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
    }
}
