package org.opencdp.profile.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.auth.ServiceTokens;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;

/**
 * Delivers pending profile changes ({@link ChangeOutbox}) to segment-service, up to {@value #BATCH} changes of one
 * workspace per call: {@code POST {segment}/api/segments/profile-changes} with {@code {"changes": [...]}}, each change
 * the profile's current state with its version as the {@code sequence} (the receiver applies a change only if its
 * sequence is above the last it applied for that profile), {@code Idempotency-Key: <ws>|<hash of the batch's profile
 * ids and versions>} (a retried batch has the same key). At least once: a pending change is removed only after a 2xx,
 * and only if no change was recorded meanwhile (its {@code seq} is unchanged; else it is sent again at once);
 * failures (any non-2xx, timeouts, connection errors; segment-service may not have the endpoint yet) are retried with
 * exponential backoff up to {@code cdp.profile.notify.max-backoff}. In order per profile: one pending change per
 * profile, always sent with its latest state. A round goes on while full batches are due (at most
 * {@value #BATCHES_PER_ROUND}), so delivery is bounded by segment-service's speed, not by one call per change; a batch
 * costs the store four commands whatever its size (its due changes found, leased, read and cleared; a fifth when a
 * profile changed during its delivery). Pending changes are leased before sending, with
 * the lease's id in the change, so several replicas can run this. The lease, the backoff and the removal leave the
 * profile's version alone: a profile write racing with them may bring back an earlier due time (the change is sent
 * again sooner, which at-least-once allows) but never drops a change, since every change is written with the profile
 * it changes.
 */
@ApplicationScoped
public class ChangeNotifier {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 100;
    static final int BATCHES_PER_ROUND = 50;
    static final String LEASE_ID = ChangeOutbox.FIELD + ".lease";
    private final ProfileStore store;
    private final ProfileConfig config;
    private final ServiceTokens tokens;
    private final ObjectMapper mapper;
    private final String segmentUrl;
    private final HttpClient http;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile int failures;

    public ChangeNotifier(ProfileStore store, ProfileConfig config, ServiceTokens tokens, ObjectMapper mapper,
            @ConfigProperty(name = "cdp.services.segment", defaultValue = "http://localhost:8084") String segmentUrl) {
        this.store = store;
        this.config = config;
        this.tokens = tokens;
        this.mapper = mapper;
        this.segmentUrl = segmentUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(config.notifications().timeout()).build();
    }

    /**
     * Takes over the pending changes that earlier releases kept in their own collection ({@code profile_changes}),
     * then drops it. The version is raised with each, so a profile write racing with this start is planned again
     * rather than writing over the change.
     */
    void adoptLegacyChanges(@Observes StartupEvent event) {
        MongoCollection<Document> legacy = store.legacyChanges();
        for (Document entry : legacy.find()) {
            Document pending = new Document("seq", entry.get("seq")).append("reason", entry.getString("reason"))
                    .append("changedAt", entry.getDate("changedAt")).append("dueAt", entry.getDate("dueAt"))
                    .append("attempts", 0);
            store.profiles().updateOne(Filters.and(Filters.eq("_id", entry.getString("profileId")),
                    Filters.exists(ChangeOutbox.FIELD, false)),
                    Updates.combine(Updates.set(ChangeOutbox.FIELD, pending), Updates.inc("version", 1L)));
        }
        legacy.drop();
    }

    @Scheduled(every = "${cdp.profile.notify.every:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        if (!config.notifications().enabled() || !tokens.configured()) {
            return;
        }
        try {
            deliver(Instant.now());
        } catch (RuntimeException e) {
            Log.warnf(e, "Profile change delivery round failed; retried next round");
        }
    }

    /** One round: leases due changes a batch at a time and sends them; returns how many were delivered. */
    int deliver(Instant now) {
        int delivered = 0;
        for (int batch = 0; batch < BATCHES_PER_ROUND && !now.isBefore(pausedUntil); batch++) {
            List<Object> ids = new ArrayList<>();
            store.profiles().find(Filters.lte(ChangeOutbox.DUE_AT, Date.from(now)))
                    .projection(Projections.include("_id")).limit(BATCH).forEach(d -> ids.add(d.get("_id")));
            if (ids.isEmpty()) {
                break;
            }
            delivered += deliver(lease(ids, now), now);
            if (ids.size() < BATCH) {
                break;
            }
        }
        return delivered;
    }

    /**
     * Leases the changes of these profiles that are still due, and reads the leased profiles: the states to announce.
     * A profile written between the two keeps the change it read (due, without this lease): it waits for a next batch.
     */
    private List<Document> lease(List<Object> ids, Instant now) {
        String lease = Ids.random("l");
        updateEach(ids, id -> Filters.lte(ChangeOutbox.DUE_AT, Date.from(now)), Updates.combine(
                Updates.set(ChangeOutbox.DUE_AT, Date.from(now.plus(LEASE))), Updates.set(LEASE_ID, lease)));
        List<Document> leased = new ArrayList<>();
        ProfileStore.findEach(store.profiles(), Filters.in("_id", ids), p -> {
            Document pending = p.get(ChangeOutbox.FIELD, Document.class);
            if (pending != null && lease.equals(pending.get("lease"))) {
                leased.add(p);
            }
        });
        return leased;
    }

    /**
     * One update per profile, in one unordered bulk write, each filter pinning its {@code _id} (so that the embedded
     * store too finds each profile by key; it would answer an {@code $in} with further conditions from another index);
     * returns how many were modified.
     */
    private int updateEach(List<Object> ids, Function<Object, Bson> condition, Bson update) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> models = new ArrayList<>(ids.size());
        for (Object id : ids) {
            models.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), condition.apply(id)), update));
        }
        return store.profiles().bulkWrite(models, new BulkWriteOptions().ordered(false)).getModifiedCount();
    }

    private static List<Object> idsOf(List<Document> profiles) {
        return profiles.stream().map(p -> p.get("_id")).toList();
    }

    /** Sends the leased changes, one call per workspace; returns how many were delivered. */
    private int deliver(List<Document> leased, Instant now) {
        Map<String, List<Document>> byWorkspace = new LinkedHashMap<>();
        List<Document> mergedAway = new ArrayList<>();
        for (Document profile : leased) {
            if (profile.getString("mergedInto") != null) {
                mergedAway.add(profile); // the survivor's change lists it in mergedProfileIds
            } else {
                byWorkspace.computeIfAbsent(profile.getString("ws"), ws -> new ArrayList<>()).add(profile);
            }
        }
        clear(mergedAway, now);
        int delivered = 0;
        List<List<Document>> batches = new ArrayList<>(byWorkspace.values());
        for (int i = 0; i < batches.size(); i++) {
            List<Document> batch = batches.get(i);
            String failure = send(batch.get(0).getString("ws"), batch);
            if (failure != null) {
                // segment-service failed: back these off, pause this instance's rounds (a cheap circuit breaker),
                // and give the other workspaces' changes back, due when the pause ends
                backOff(batch, failure, now);
                failures = Math.min(failures + 1, 10);
                pausedUntil = now.plusMillis(Math.min(config.notifications().maxBackoff().toMillis(),
                        1000L << failures));
                release(batches.subList(i + 1, batches.size()).stream().flatMap(List::stream).toList(), now);
                return delivered;
            }
            failures = 0;
            clear(batch, now);
            delivered += batch.size();
        }
        return delivered;
    }

    /** Makes leased changes that were not sent due again at once (they keep this lease's id until leased again). */
    private void release(List<Document> profiles, Instant now) {
        if (!profiles.isEmpty()) {
            Object lease = leaseOf(profiles.get(0));
            updateEach(idsOf(profiles), id -> Filters.eq(LEASE_ID, lease), Updates.set(ChangeOutbox.DUE_AT,
                    Date.from(now)));
        }
    }

    private static Object leaseOf(Document profile) {
        return profile.get(ChangeOutbox.FIELD, Document.class).get("lease");
    }

    /** Posts the workspace's changes; null when segment-service accepted them, else why not. */
    private String send(String ws, List<Document> profiles) {
        List<Map<String, Object>> changes = new ArrayList<>(profiles.size());
        StringBuilder keys = new StringBuilder();
        for (Document profile : profiles) {
            changes.add(body(profile, profile.get(ChangeOutbox.FIELD, Document.class)));
            keys.append(profile.getString("_id")).append(':').append(profile.get("version")).append(',');
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create(segmentUrl + "/api/segments/profile-changes"))
                    .timeout(config.notifications().timeout())
                    .header("Authorization", tokens.bearer("profile-service", ws))
                    .header("Idempotency-Key", ws + '|' + Ids.hash(keys.toString(), 16))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(Map.of("changes", changes))))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Removes the pending changes just announced, unless their profile changed meanwhile (its {@code seq} moved): those
     * keep this lease and are made due at once.
     */
    private void clear(List<Document> profiles, Instant now) {
        if (profiles.isEmpty()) {
            return;
        }
        Map<Object, Object> seqs = new HashMap<>();
        profiles.forEach(p -> seqs.put(p.get("_id"), p.get(ChangeOutbox.FIELD, Document.class).get("seq")));
        List<Object> ids = idsOf(profiles);
        int removed = updateEach(ids, id -> Filters.eq(ChangeOutbox.SEQ, seqs.get(id)),
                Updates.unset(ChangeOutbox.FIELD));
        if (removed < profiles.size()) {
            Object lease = leaseOf(profiles.get(0));
            updateEach(ids, id -> Filters.eq(LEASE_ID, lease), Updates.combine(Updates.set(ChangeOutbox.DUE_AT,
                    Date.from(now)), Updates.set(ChangeOutbox.FIELD + ".attempts", 0)));
        }
    }

    /** Reschedules the changes of a failed call with exponential backoff on their attempts. */
    private void backOff(List<Document> profiles, String failure, Instant now) {
        int attempts = profiles.stream().mapToInt(p -> p.get(ChangeOutbox.FIELD, Document.class)
                .getInteger("attempts", 0)).max().orElse(0) + 1;
        long backoff = Math.min(config.notifications().maxBackoff().toMillis(), 500L << Math.min(attempts, 20));
        updateEach(idsOf(profiles), id -> Filters.exists(ChangeOutbox.FIELD), Updates.combine(
                Updates.set(ChangeOutbox.DUE_AT, Date.from(now.plusMillis(backoff))),
                Updates.set(ChangeOutbox.FIELD + ".attempts", attempts),
                Updates.set(ChangeOutbox.FIELD + ".lastError", failure)));
        Log.debugf("%d profile changes not delivered (%s); retry in %d ms", Integer.valueOf(profiles.size()),
                failure, Long.valueOf(backoff));
    }

    static Map<String, Object> body(Document profile, Document pending) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profileId", profile.getString("_id"));
        body.put("sequence", ((Number) profile.get("version")).longValue());
        body.put("changedAt", BsonValues.plain(pending.get("changedAt")));
        body.put("reason", pending.getString("reason"));
        body.put("traits", BsonValues.plainMap(profile.get("traits")));
        body.put("computed", BsonValues.plainMap(profile.get("computed")));
        body.put("identities", profile.getList("identities", Document.class, List.of()).stream()
                .map(i -> Map.of("type", i.getString("type"), "value", i.getString("value"))).toList());
        body.put("mergedProfileIds", profile.getList("mergedProfiles", Document.class, List.of()).stream()
                .map(m -> m.getString("profileId")).toList());
        return body;
    }
}
