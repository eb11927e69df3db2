package org.opencdp.profile.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.ProfileState;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;
import org.opencdp.profile.repository.ProfileWrites;

/**
 * Rebuilds a profile's traits, consents and computed traits from what its origin profiles actually received: the
 * events kept with their {@code originProfileId} and the current source-record contributions. Used after an
 * unmerge and when a source record is retracted or loses traits. Compare-and-set, retried on conflict.
 */
@ApplicationScoped
public class ProfileRederivation {
    private static final int ATTEMPTS = 8;
    private final ProfileStore store;
    private final ProfileConfig config;

    public ProfileRederivation(ProfileStore store, ProfileConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * Removes {@code link} from the identities; those no source links any more are deleted. Returns the profile
     * the identities were on (else {@code fallbackProfileId}).
     */
    public String unlink(String ws, List<String> identityKeys, String link, String fallbackProfileId) {
        String profileId = null;
        for (String key : identityKeys) {
            Document after = store.identities().findOneAndUpdate(Filters.eq("_id", key), Updates.pull("links", link),
                    new com.mongodb.client.model.FindOneAndUpdateOptions()
                            .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
            if (after == null) {
                continue;
            }
            profileId = profileId == null ? after.getString("profileId") : profileId;
            if (after.getList("links", String.class, List.of()).isEmpty()) {
                store.identities().deleteOne(Filters.eq("_id", key));
            }
        }
        return profileId != null ? profileId : fallbackProfileId;
    }

    /** Re-derives the profile (following merges to the surviving one); returns the surviving id, or null. */
    public String rederive(String ws, String profileId, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ProfileState p = root(ws, profileId);
            if (p == null) {
                return null;
            }
            ProfileState rebuilt = rebuild(ws, p, p.originIds(), currentIdentities(ws, p));
            if (write(rebuilt, reason)) {
                return p.id();
            }
        }
        throw new ProblemException(503, "The profile is changing too often to be re-derived; retry");
    }

    ProfileState root(String ws, String profileId) {
        String id = profileId;
        for (int i = 0; i < 100 && id != null; i++) {
            Document d = store.profiles().find(Filters.eq("_id", id)).first();
            if (d == null || !ws.equals(d.getString("ws"))) {
                return null;
            }
            if (d.getString("mergedInto") == null) {
                return new ProfileState(d);
            }
            id = d.getString("mergedInto");
        }
        return null;
    }

    /** The identities of the profile's list that still exist and still point to it. */
    List<Document> currentIdentities(String ws, ProfileState p) {
        Map<String, Document> byKey = new HashMap<>();
        for (Document i : p.identities()) {
            byKey.put(Ids.identity(ws, i.getString("type"), i.getString("value")), i);
        }
        List<Document> out = new ArrayList<>();
        store.identities().find(Filters.in("_id", byKey.keySet())).forEach(d -> {
            if (p.id().equals(d.getString("profileId"))) {
                out.add(new Document("type", d.getString("type")).append("value", d.getString("value"))
                        .append("origin", d.getString("originProfileId")));
            }
        });
        return out;
    }

    /**
     * A copy of {@code base} (id, version, creation, merge history kept) whose data is re-derived from the events
     * and contributions of {@code origins}.
     */
    ProfileState rebuild(String ws, ProfileState base, Collection<String> origins, List<Document> identities) {
        Document d = base.document();
        ProfileState out = new ProfileState(new Document(d).append("originIds", new ArrayList<>(origins))
                .append("identities", new ArrayList<>(identities)).append("traits", new Document())
                .append("traitLineage", new Document()).append("consents", new Document())
                .append("computed", new Document()));
        List<Document> observations = new ArrayList<>();
        store.contributions().find(Filters.and(Filters.eq("ws", ws), Filters.in("originProfileId", origins)))
                .forEach(c -> observations.add(c.append("_at", c.getDate("observedAt"))));
        store.events().find(Filters.and(Filters.eq("ws", ws), Filters.in("originProfileId", origins)))
                .sort(Sorts.ascending("timestamp"))
                .forEach(e -> observations.add(e.append("_at", e.getDate("timestamp"))));
        observations.sort((a, b) -> a.getDate("_at").compareTo(b.getDate("_at")));
        for (Document o : observations) {
            Instant at = o.getDate("_at").toInstant();
            String source = o.getString("source");
            Document traits = o.get("traits", Document.class);
            if (traits != null && !traits.isEmpty()) {
                out.applyTraits(traits, source, o.getString("messageId"), o.getString("recordId"), at,
                        config.priorityOf(source));
            }
            Document consents = o.get("consents", Document.class);
            if (consents != null && !consents.isEmpty()) {
                Map<String, Boolean> c = new HashMap<>();
                consents.forEach((k, v) -> c.put(k, v instanceof Boolean b ? b : null));
                out.applyConsents(c, source, o.getString("messageId"), at);
            }
            if (o.getString("type") != null) {
                Document props = o.get("properties", Document.class);
                out.applyEvent(o.getString("type"), o.getString("name"), props, at);
            }
        }
        return out;
    }

    /** Compare-and-set of a rebuilt profile; records the change for segment-service. */
    boolean write(ProfileState p, String reason) {
        Instant now = Instant.now();
        ChangeOutbox.mark(p, reason, now);
        return !ProfileWrites.write(store, List.of(p), now, Ids.random("w")).isEmpty();
    }

    static Date date(Instant i) {
        return Date.from(i);
    }
}
