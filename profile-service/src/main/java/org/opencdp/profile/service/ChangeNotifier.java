package org.opencdp.profile.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.auth.ServiceTokens;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;

/**
 * Delivers pending profile changes ({@link ChangeOutbox}) to segment-service:
 * {@code POST {segment}/api/segments/profile-changes} with the profile's current state and its version as the
 * sequence, {@code Idempotency-Key: <ws>|<profileId>|<version>}. At least once: an entry is removed only after a 2xx
 * for the version it announced (a change made meanwhile is sent next round); failures (any non-2xx, timeouts,
 * connection errors; segment-service may not have the endpoint yet) are retried with exponential backoff up to
 * {@code cdp.profile.notify.max-backoff}. In order per profile: one entry per profile, always its latest version.
 * Entries are leased before sending, so several replicas can run this.
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

    /** One round: leases due entries and sends each; returns how many were delivered. */
    int deliver(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return 0;
        }
        List<Document> due = new ArrayList<>();
        store.changes().find(Filters.lte("dueAt", Date.from(now))).limit(BATCH).into(due);
        int delivered = 0;
        for (Document entry : due) {
            Date dueAt = entry.getDate("dueAt");
            // lease by _id only (a filter with a second field scans on the embedded store); checked in memory: two
            // replicas that race here may both send, which at-least-once delivery with an Idempotency-Key allows
            Document leased = store.changes().findOneAndUpdate(Filters.eq("_id", entry.getString("_id")),
                    Updates.set("dueAt", Date.from(now.plus(LEASE))));
            if (leased == null || !dueAt.equals(leased.getDate("dueAt"))) {
                continue;
            }
            Boolean sent = send(leased, now);
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
    private Boolean send(Document entry, Instant now) {
        String ws = entry.getString("ws");
        String profileId = entry.getString("profileId");
        Document profile = store.profiles().find(Filters.eq("_id", profileId)).first();
        if (profile == null || profile.getString("mergedInto") != null || !ws.equals(profile.getString("ws"))) {
            // merged away (the survivor's change lists it in mergedProfileIds) or gone: nothing to announce
            store.changes().deleteOne(new Document("_id", entry.getString("_id")).append("seq", entry.get("seq")));
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
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body(profile, entry))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                delivered(entry, now);
                return true;
            }
            failure = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int attempts = entry.getInteger("attempts", 0) + 1;
        long backoff = Math.min(config.notifications().maxBackoff().toMillis(), 500L << Math.min(attempts, 20));
        store.changes().updateOne(Filters.eq("_id", entry.getString("_id")), Updates.combine(
                Updates.set("dueAt", Date.from(now.plusMillis(backoff))), Updates.set("attempts", attempts),
                Updates.set("lastError", failure)));
        Log.debugf("Profile change %s not delivered (%s); retry in %d ms", profileId, failure, backoff);
        return null;
    }

    private void delivered(Document entry, Instant now) {
        boolean removed = store.changes().deleteOne(new Document("_id", entry.getString("_id"))
                .append("seq", entry.get("seq"))).getDeletedCount() == 1;
        if (!removed) {
            // changed while in flight: announce the newer version now
            store.changes().updateOne(Filters.eq("_id", entry.getString("_id")), Updates.combine(
                    Updates.set("dueAt", Date.from(now)), Updates.set("attempts", 0)));
        }
    }

    static Map<String, Object> body(Document profile, Document entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profileId", profile.getString("_id"));
        body.put("sequence", ((Number) profile.get("version")).longValue());
        body.put("changedAt", BsonValues.plain(entry.get("changedAt")));
        body.put("reason", entry.getString("reason"));
        body.put("traits", BsonValues.plainMap(profile.get("traits")));
        body.put("computed", BsonValues.plainMap(profile.get("computed")));
        body.put("identities", profile.getList("identities", Document.class, List.of()).stream()
                .map(i -> Map.of("type", i.getString("type"), "value", i.getString("value"))).toList());
        body.put("mergedProfileIds", profile.getList("mergedProfiles", Document.class, List.of()).stream()
                .map(m -> m.getString("profileId")).toList());
        return body;
    }
}
