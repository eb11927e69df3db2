package org.opencdp.profile.service;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.ProfileState;
import org.opencdp.profile.api.MergeView;
import org.opencdp.profile.api.ProfileView;
import org.opencdp.profile.repository.ProfileStore;

/**
 * Undoes a merge: the merged-away side gets back the identities, events and source records that were first
 * attributed to it (or to profiles it had absorbed before), and both sides' traits, consents and computed traits
 * are re-derived from what each actually received. Recorded in the merge log; a merge is undone at most once.
 */
@ApplicationScoped
public class UnmergeService {
    private static final int ATTEMPTS = 8;
    private final ProfileStore store;
    private final ProfileQueryService query;
    private final ProfileRederivation rederivation;

    public UnmergeService(ProfileStore store, ProfileQueryService query, ProfileRederivation rederivation) {
        this.store = store;
        this.query = query;
        this.rederivation = rederivation;
    }

    /** The merge log entries of a profile (and of the profiles merged into it), newest first. */
    public List<MergeView> log(String ws, String profileId) {
        Document root = query.root(ws, profileId).orElseThrow(() -> ProblemException.notFound("Profile"));
        List<String> ids = new ArrayList<>(root.getList("originIds", String.class));
        if (!ids.contains(profileId)) {
            ids.add(profileId);
        }
        List<Document> docs = new ArrayList<>();
        store.merges().find(Filters.and(Filters.eq("ws", ws), Filters.in("profileIds", ids)))
                .sort(Sorts.descending("at")).into(docs);
        Set<String> undone = new HashSet<>();
        docs.stream().filter(d -> "unmerge".equals(d.getString("kind")))
                .forEach(d -> undone.add(d.getString("mergeId")));
        return docs.stream().map(d -> MergeView.of(d, undone.contains(d.getString("_id")))).toList();
    }

    public MergeView.UnmergeResult unmerge(String ws, String profileId, String mergeId) {
        Document merge = store.merges().find(Filters.eq("_id", mergeId)).first();
        if (merge != null && (!ws.equals(merge.getString("ws")) || !"merge".equals(merge.getString("kind")))) {
            merge = null;
        }
        Document root = query.root(ws, profileId).orElseThrow(() -> ProblemException.notFound("Profile"));
        if (merge == null) {
            throw ProblemException.notFound("Merge " + mergeId);
        }
        Document survivorRoot = query.root(ws, merge.getString("survivorId")).orElse(null);
        if (survivorRoot == null || !survivorRoot.getString("_id").equals(root.getString("_id"))) {
            throw new ProblemException(409, "Merge " + mergeId + " is not part of profile " + profileId);
        }
        String claim = "u" + mergeId.substring(1);
        Document entry = new Document("_id", claim).append("ws", ws).append("kind", "unmerge")
                .append("mergeId", mergeId)
                .append("survivorId", merge.getString("survivorId")).append("loserId", merge.getString("loserId"))
                .append("profileIds", List.of(root.getString("_id"), merge.getString("loserId")))
                .append("at", new Date());
        if (!ProfileStore.insertAll(store.merges(), List.of(entry)).isEmpty()) {
            throw new ProblemException(409, "Merge " + mergeId + " was already undone");
        }
        try {
            return split(ws, merge);
        } catch (RuntimeException e) {
            store.merges().deleteOne(Filters.eq("_id", claim));
            throw e;
        }
    }

    private MergeView.UnmergeResult split(String ws, Document merge) {
        String loserId = merge.getString("loserId");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ProfileState root = rederivation.root(ws, merge.getString("survivorId"));
            Document loserDoc = store.profiles().find(Filters.eq("_id", loserId)).first();
            if (root == null || loserDoc == null) {
                throw ProblemException.notFound("Profile");
            }
            Set<String> side = new LinkedHashSet<>(merge.getList("loserOrigins", String.class));
            side.retainAll(root.originIds());
            if (side.isEmpty()) {
                throw new ProblemException(409, "The merged-away profile was already split off");
            }
            List<Document> loserIds = new ArrayList<>();
            List<Document> rootIds = new ArrayList<>();
            for (Document i : rederivation.currentIdentities(ws, root)) {
                (side.contains(i.getString("origin")) ? loserIds : rootIds).add(i);
            }
            ProfileState loser = new ProfileState(loserDoc);
            Document ld = loser.document();
            if (ld.getString("mergedInto") != null) {
                for (String f : List.of("mergedInto", "mergeId", "mergeCause", "mergedAt")) {
                    ld.remove(f);
                }
                ld.put("mergedProfiles", kept(ld, side));
                if (!rederivation.write(rederivation.rebuild(ws, loser, side, loserIds), "unmerge")) {
                    continue;
                }
                repoint(ws, loserIds, loserId);
            }
            List<String> rest = new ArrayList<>(root.originIds());
            rest.removeAll(side);
            Document rd = root.document();
            List<Document> remaining = new ArrayList<>();
            for (Document m : rd.getList("mergedProfiles", Document.class, List.of())) {
                if (!side.contains(m.getString("profileId"))) {
                    remaining.add(m);
                }
            }
            rd.put("mergedProfiles", remaining);
            if (rederivation.write(rederivation.rebuild(ws, root, rest, rootIds), "unmerge")) {
                return new MergeView.UnmergeResult(merge.getString("_id"),
                        ProfileView.of(store.profiles().find(Filters.eq("_id", root.id())).first(), null),
                        ProfileView.of(store.profiles().find(Filters.eq("_id", loserId)).first(), null));
            }
        }
        throw new ProblemException(503, "The profiles are changing too often to be split; retry");
    }

    private static List<Document> kept(Document loser, Set<String> side) {
        List<Document> out = new ArrayList<>();
        for (Document m : loser.getList("mergedProfiles", Document.class, List.of())) {
            if (side.contains(m.getString("profileId"))) {
                out.add(m);
            }
        }
        return out;
    }

    private void repoint(String ws, List<Document> identities, String profileId) {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (Document i : identities) {
            models.add(new UpdateOneModel<>(Filters.eq("_id", Ids.identity(ws, i.getString("type"),
                    i.getString("value"))), Updates.set("profileId", profileId)));
        }
        if (!models.isEmpty()) {
            store.identities().bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
    }
}
