package org.opencdp.profile.service;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.opencdp.profile.repository.ProfileStore;

/**
 * Pending profile changes for segment-service ({@code profile_changes}, one document per profile,
 * {@code _id = ws|profileId}). Changes of one profile coalesce: the deliverer always sends the profile's current
 * state with its version as the sequence, so deliveries are in order per profile and none is lost; {@code seq}
 * counts changes so that a change made while a delivery is in flight is delivered again.
 */
public final class ChangeOutbox {
    private ChangeOutbox() {}

    public static void record(ProfileStore store, String ws, Map<String, String> reasons, Instant now) {
        if (reasons.isEmpty()) {
            return;
        }
        Date at = Date.from(now);
        List<WriteModel<Document>> models = new ArrayList<>(reasons.size());
        reasons.forEach((profileId, reason) -> models.add(new UpdateOneModel<>(
                Filters.eq("_id", ws + '|' + profileId),
                Updates.combine(Updates.setOnInsert("ws", ws), Updates.setOnInsert("profileId", profileId),
                        Updates.setOnInsert("dueAt", at), Updates.setOnInsert("attempts", 0),
                        Updates.set("reason", reason), Updates.set("changedAt", at), Updates.inc("seq", 1L)),
                new UpdateOptions().upsert(true))));
        store.changes().bulkWrite(models, new BulkWriteOptions().ordered(false));
    }
}
