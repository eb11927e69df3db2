package org.opencdp.profile.service;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.IngestResult;
import org.opencdp.profile.Observation;
import org.opencdp.profile.ProfileState;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.DedupRepository;
import org.opencdp.profile.repository.ProfileStore;

/**
 * The one entry point through which everything learnt about people reaches profiles: the tracking API, CRM source
 * records and imports.
 *
 * <p>{@link #ingest(String, List)} takes {@link Observation}s of one workspace (a tracking batch, one source record,
 * a chunk of an import; up to a few hundred at a time for speed) and, for each one in order:
 * <ol>
 * <li>normalises its identifiers (e-mail, phone E.164), drops blocked values and types the workspace's identity
 * rules do not declare ({@code previousId} is the alias call's previous id: the userId it names if that exists,
 * else an anonymousId); none left: {@link IngestResult.Status#NO_IDENTIFIER};</li>
 * <li>tracking messages ({@code recordId == null}) are de-duplicated by messageId per workspace for
 * {@code cdp.profile.dedup-window} (7 days): {@link IngestResult.Status#DUPLICATE};</li>
 * <li>resolves the profile: the one its known identifiers belong to, a new one (id derived from its
 * highest-priority identifier), or several, which merge into the one holding the highest-priority identifier when
 * the per-type limits allow (recorded in the merge log), else the merge is refused and recorded with the reason
 * and the message's new identifiers are not linked;</li>
 * <li>applies traits (with lineage: source, messageId, recordId, time; precedence by source priority, then
 * recency), consents (most recent wins), computed traits and the event (kept with the profile id it was first
 * attributed to, so that an unmerge can give it back).</li>
 * </ol>
 * Safe to call concurrently and to retry: identities are claimed with insert-if-absent, profiles written with
 * compare-and-set, events and de-dup keys keyed by messageId; conflicting observations are re-planned with fresh
 * reads (up to 30 times with a jittered pause, then a 503 ProblemException). A failure releases the de-dup keys of
 * what was not stored, so the sender's retry is applied.
 *
 * <p>{@link #retractSource(String, String, String)} removes a source record's contribution.
 */
@ApplicationScoped
public class ProfileIngestion {
    private static final int ATTEMPTS = 30;
    private final ProfileStore store;
    private final DedupRepository dedup;
    private final IdentityRulesService rules;
    private final ProfileConfig config;
    private final IdentifierNormalizer normalizer;
    private final ProfileRederivation rederivation;

    public ProfileIngestion(ProfileStore store, DedupRepository dedup, IdentityRulesService rules,
            ProfileConfig config, ProfileRederivation rederivation) {
        this.store = store;
        this.dedup = dedup;
        this.rules = rules;
        this.config = config;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
        this.rederivation = rederivation;
    }

    /** Applies the observations of one workspace; the result lists one outcome per observation, in order. */
    public IngestResult ingest(String workspaceId, List<Observation> observations) {
        Instant now = Instant.now();
        IdentityRules workspaceRules = rules.cached(workspaceId);
        IngestResult.Outcome[] outcomes = new IngestResult.Outcome[observations.size()];
        List<IngestBatch.Item> items = new ArrayList<>();
        List<String> dedupKeys = new ArrayList<>();
        Map<String, IngestBatch.Item> byKey = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = sanitised(observations.get(i));
            List<IngestBatch.Ident> idents = identifiers(o, workspaceRules);
            if (idents.isEmpty()) {
                outcomes[i] = new IngestResult.Outcome(i, IngestResult.Status.NO_IDENTIFIER, null,
                        List.of("no usable identifier (missing, blocked or of an undeclared type)"));
                continue;
            }
            IngestBatch.Item item = new IngestBatch.Item(i, o, idents);
            if (!o.isRecord()) {
                String key = Ids.message(workspaceId, o.messageId());
                if (byKey.containsKey(key)) {
                    outcomes[i] = duplicate(i);
                    continue;
                }
                byKey.put(key, item);
                dedupKeys.add(key);
            }
            items.add(item);
        }
        Set<String> held = dedupKeys.isEmpty() ? Set.of() : dedup.claim(dedupKeys, now, config.dedupWindow());
        List<IngestBatch.Item> pending = new ArrayList<>();
        for (IngestBatch.Item item : items) {
            if (!item.obs.isRecord() && held.contains(Ids.message(workspaceId, item.obs.messageId()))) {
                outcomes[item.index] = duplicate(item.index);
            } else {
                pending.add(item);
            }
        }
        try {
            for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
                IngestBatch batch = load(workspaceId, now, workspaceRules, fresh(pending));
                batch.plan();
                Set<Integer> done = new IngestWriter(store, batch).write();
                List<IngestBatch.Item> next = new ArrayList<>();
                for (IngestBatch.Item item : batch.items) {
                    if (done.contains(item.index)) {
                        outcomes[item.index] = new IngestResult.Outcome(item.index, IngestResult.Status.STORED,
                                finalId(batch, item.appliedTo), List.copyOf(item.notes));
                        afterRecord(workspaceId, item);
                    } else {
                        next.add(item);
                    }
                }
                pending = next;
                if (!pending.isEmpty()) {
                    backoff(attempt);
                }
            }
            if (!pending.isEmpty()) {
                throw new ProblemException(503, "Too many concurrent changes to the same profiles; retry");
            }
        } catch (RuntimeException e) {
            dedup.release(pending.stream().filter(item -> !item.obs.isRecord())
                    .map(item -> Ids.message(workspaceId, item.obs.messageId())).toList());
            throw e;
        }
        return new IngestResult(List.of(outcomes));
    }

    /**
     * Removes what source record ({@code source}, {@code recordId}) contributed: its link on its identifiers
     * (an identifier no other source saw leaves the profile) and its traits and consents (the profile is re-derived
     * from what remains). Returns the profile it was on, empty when the record is unknown. Idempotent.
     */
    public Optional<String> retractSource(String workspaceId, String source, String recordId) {
        String key = Ids.contribution(workspaceId, source, recordId);
        Document c = store.contributions().find(Filters.eq("_id", key)).first();
        if (c == null) {
            return Optional.empty();
        }
        List<String> keys = c.getList("identityKeys", String.class);
        String profileId = rederivation.unlink(workspaceId, keys, source + ':' + recordId,
                c.getString("originProfileId"));
        store.contributions().deleteOne(Filters.eq("_id", key));
        String root = rederivation.rederive(workspaceId, profileId, "source");
        return Optional.ofNullable(root);
    }

    /** Jittered pause before planning conflicted observations again, so that parallel writers spread out. */
    private static void backoff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted");
        }
    }

    private void afterRecord(String ws, IngestBatch.Item item) {
        Document previous = item.previousContribution;
        if (previous == null || item.contribution == null) {
            return;
        }
        Set<String> removedKeys = new LinkedHashSet<>(previous.getList("identityKeys", String.class));
        removedKeys.removeAll(item.contribution.getList("identityKeys", String.class));
        Set<String> removedTraits = new HashSet<>(previous.get("traits", Document.class).keySet());
        removedTraits.removeAll(item.contribution.get("traits", Document.class).keySet());
        if (removedKeys.isEmpty() && removedTraits.isEmpty()) {
            return;
        }
        String pid = rederivation.unlink(ws, List.copyOf(removedKeys), item.link(), item.origin);
        rederivation.rederive(ws, pid, "source");
    }

    private static String finalId(IngestBatch batch, String id) {
        String current = id;
        for (int i = 0; i < 100 && batch.survivorOf.containsKey(current); i++) {
            current = batch.survivorOf.get(current);
        }
        return current;
    }

    private static IngestResult.Outcome duplicate(int i) {
        return new IngestResult.Outcome(i, IngestResult.Status.DUPLICATE, null,
                List.of("messageId already received"));
    }

    private static List<IngestBatch.Item> fresh(List<IngestBatch.Item> items) {
        List<IngestBatch.Item> out = new ArrayList<>(items.size());
        for (IngestBatch.Item i : items) {
            out.add(new IngestBatch.Item(i.index, i.obs, i.idents));
        }
        return out;
    }

    private static Observation sanitised(Observation o) {
        if (o.messageId() == null || o.messageId().isBlank() || o.messageId().length() > 200) {
            throw new IllegalArgumentException("messageId is required (at most 200 characters)");
        }
        if (o.source() == null || o.source().isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        return new Observation(o.source(), o.messageId(), o.recordId(), o.identifiers(),
                BsonValues.document(o.traits()), o.consents(), o.event(), o.observedAt(), o.receivedAt());
    }

    private List<IngestBatch.Ident> identifiers(Observation o, IdentityRules r) {
        Map<String, Integer> priority = new HashMap<>();
        for (int i = 0; i < r.types().size(); i++) {
            priority.put(r.types().get(i).type(), i);
        }
        Set<String> blocked = new HashSet<>(r.blockedValues());
        List<IngestBatch.Ident> out = new ArrayList<>();
        for (Observation.Identifier id : o.identifiers()) {
            if (id == null || id.type() == null) {
                continue;
            }
            boolean alias = "previousId".equals(id.type());
            Integer p = alias ? Integer.valueOf(priority.getOrDefault("anonymousId", 99)) : priority.get(id.type());
            if (p == null || id.value() == null || blocked.contains(id.value().strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<String> value = normalizer.normalise(id.type(), id.value());
            if (value.isEmpty() || blocked.contains(value.get().toLowerCase(Locale.ROOT))) {
                continue;
            }
            IngestBatch.Ident ident = new IngestBatch.Ident(id.type(), value.get(), p);
            if (!out.contains(ident)) {
                out.add(ident);
            }
        }
        out.sort(Comparator.comparingInt(IngestBatch.Ident::priority));
        return out;
    }

    /** Reads everything the batch's resolution needs, with one {@code $in} query per collection. */
    private IngestBatch load(String ws, Instant now, IdentityRules r, List<IngestBatch.Item> items) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> contributionKeys = new LinkedHashSet<>();
        for (IngestBatch.Item item : items) {
            for (IngestBatch.Ident i : item.idents) {
                if ("previousId".equals(i.type())) {
                    keys.add(Ids.identity(ws, "userId", i.value()));
                    keys.add(Ids.identity(ws, "anonymousId", i.value()));
                } else {
                    keys.add(Ids.identity(ws, i.type(), i.value()));
                }
            }
            if (item.obs.isRecord()) {
                contributionKeys.add(Ids.contribution(ws, item.obs.source(), item.obs.recordId()));
            }
        }
        Map<String, IngestBatch.IdRec> identities = new HashMap<>();
        ProfileStore.findEach(store.identities(), Filters.in("_id", keys), d -> identities.put(d.getString("_id"),
                new IngestBatch.IdRec(d.getString("_id"), d.getString("type"), d.getString("value"),
                        d.getString("profileId"), d.getString("originProfileId"),
                        new LinkedHashSet<>(d.getList("links", String.class, List.of())), false)));
        Set<String> pids = new LinkedHashSet<>();
        identities.values().forEach(i -> pids.add(i.profileId));
        for (IngestBatch.Item item : items) {
            IngestBatch.Ident first = item.idents.get(0);
            if (!"previousId".equals(first.type())) {
                pids.add(Ids.profileFor(ws, first.type(), first.value()));
            } else {
                pids.add(Ids.profileFor(ws, "userId", first.value()));
                pids.add(Ids.profileFor(ws, "anonymousId", first.value()));
            }
        }
        Map<String, ProfileState> profiles = new HashMap<>();
        Set<String> toRead = pids;
        for (int round = 0; round < 10 && !toRead.isEmpty(); round++) {
            Set<String> next = new LinkedHashSet<>();
            ProfileStore.findEach(store.profiles(), Filters.in("_id", toRead), d -> {
                if (!ws.equals(d.getString("ws"))) {
                    return;
                }
                ProfileState p = new ProfileState(d);
                profiles.put(p.id(), p);
                if (p.mergedInto() != null) {
                    next.add(p.mergedInto());
                }
            });
            next.removeAll(profiles.keySet());
            toRead = next;
        }
        Map<String, Document> contributions = new HashMap<>();
        if (!contributionKeys.isEmpty()) {
            ProfileStore.findEach(store.contributions(), Filters.in("_id", contributionKeys),
                    d -> contributions.put(d.getString("_id"), d));
        }
        return new IngestBatch(ws, now, r, config::priorityOf, items, identities, profiles, contributions);
    }
}
