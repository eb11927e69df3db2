package org.opencdp.profile.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.auth.ServiceTokens;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;

/**
 * Delivers pending profile changes ({@link ChangeOutbox}) to segment-service:
 * {@code POST {segment}/api/segments/profile-changes} with the profile's current state and its version as the
 * sequence, {@code Idempotency-Key: <ws>|<profileId>|<version>}. At least once: a pending change is removed only after
 * a 2xx, and only if no change was recorded meanwhile (its {@code seq} is unchanged; else it is sent again at once);
 * failures (any non-2xx, timeouts, connection errors; segment-service may not have the endpoint yet) are retried with
 * exponential backoff up to {@code cdp.profile.notify.max-backoff}. In order per profile: one pending change per
 * profile, always sent with its latest state. Pending changes are leased before sending, so several replicas can run
 * this. The lease, the backoff and the removal leave the profile's version alone: a profile write racing with them
 * may bring back an earlier due time (the change is sent again sooner, which at-least-once allows) but never drops
 * a change, since every change is written with the profile it changes.
 */
@ApplicationScoped
public class ChangeNotifier {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 100;
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

    /** One round: leases due changes and sends each; returns how many were delivered. */
    int deliver(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return 0;
        }
        List<Document> due = new ArrayList<>();
        store.profiles().find(Filters.lte(ChangeOutbox.DUE_AT, Date.from(now)))
                .projection(Projections.include(ChangeOutbox.FIELD)).limit(BATCH).into(due);
        int delivered = 0;
        for (Document entry : due) {
            Date dueAt = entry.get(ChangeOutbox.FIELD, Document.class).getDate("dueAt");
            // the lease returns the profile as it was just before: the state to announce
            Document profile = store.profiles().findOneAndUpdate(Filters.eq("_id", entry.getString("_id")),
                    Updates.set(ChangeOutbox.DUE_AT, Date.from(now.plus(LEASE))));
            Document pending = profile == null ? null : profile.get(ChangeOutbox.FIELD, Document.class);
            if (pending == null || !dueAt.equals(pending.getDate("dueAt"))) {
                continue;
            }
            Boolean sent = send(profile, pending, now);
            if (sent == null) {
                // segment-service failed: leave the rest and pause this instance's rounds (a cheap circuit breaker)
                failures = Math.min(failures + 1, 10);
                pausedUntil = now.plusMillis(Math.min(config.notifications().maxBackoff().toMillis(),
                        1000L << failures));
                break;
            }
            failures = 0;
            if (sent) {
                delivered++;
            }
        }
        return delivered;
    }

    /** True delivered, false nothing to deliver, null failed (rescheduled with backoff). */
    private Boolean send(Document profile, Document pending, Instant now) {
        String ws = profile.getString("ws");
        String profileId = profile.getString("_id");
        if (profile.getString("mergedInto") != null) {
            // merged away: the survivor's change lists it in mergedProfileIds
            clear(profileId, pending, now);
            return false;
        }
        long version = ((Number) profile.get("version")).longValue();
        String failure;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(segmentUrl + "/api/segments/profile-changes"))
                    .timeout(config.notifications().timeout())
                    .header("Authorization", tokens.bearer("profile-service", ws))
                    .header("Idempotency-Key", ws + '|' + profileId + '|' + version)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body(profile, pending))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                clear(profileId, pending, now);
                return true;
            }
            failure = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int attempts = pending.getInteger("attempts", 0) + 1;
        long backoff = Math.min(config.notifications().maxBackoff().toMillis(), 500L << Math.min(attempts, 20));
        updatePending(profileId, Updates.combine(
                Updates.set(ChangeOutbox.DUE_AT, Date.from(now.plusMillis(backoff))),
                Updates.set(ChangeOutbox.FIELD + ".attempts", attempts),
                Updates.set(ChangeOutbox.FIELD + ".lastError", failure)));
        Log.debugf("Profile change %s not delivered (%s); retry in %d ms", profileId, failure, backoff);
        return null;
    }

    /** Removes the pending change just announced, unless the profile changed meanwhile: then it is due at once. */
    private void clear(String profileId, Document pending, Instant now) {
        boolean removed = store.profiles().updateOne(Filters.and(Filters.eq("_id", profileId),
                Filters.eq(ChangeOutbox.SEQ, pending.get("seq"))), Updates.unset(ChangeOutbox.FIELD))
                .getModifiedCount() == 1;
        if (!removed) {
            updatePending(profileId, Updates.combine(Updates.set(ChangeOutbox.DUE_AT, Date.from(now)),
                    Updates.set(ChangeOutbox.FIELD + ".attempts", 0)));
        }
    }

    /** Updates the profile's pending change, if it still has one. */
    private void updatePending(String profileId, Bson update) {
        store.profiles().updateOne(Filters.and(Filters.eq("_id", profileId), Filters.exists(ChangeOutbox.FIELD)),
                update);
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
