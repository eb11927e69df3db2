package org.opencdp.profile.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opencdp.common.auth.TokenKeys;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;
import org.opencdp.profile.Observation;
import org.opencdp.profile.SegmentStub;
import org.opencdp.profile.repository.ProfileStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(SegmentStub.class)
class ChangeNotifierTest {
    @Inject
    ProfileIngestion ingestion;
    @Inject
    ObjectMapper mapper;
    @Inject
    ProfileStore store;
    @Inject
    ChangeNotifier notifier;
    @ConfigProperty(name = "cdp.token.public-key")
    String publicKey;

    @Test
    void changesReachSegmentServiceInOrderDespiteFailures() throws Exception {
        String ws = UUID.randomUUID().toString();
        SegmentStub.FAIL_NEXT.set(2);
        String id = ingestion.ingest(ws, List.of(identify("n-1", Map.of("plan", "free")))).outcomes().get(0)
                .profileId();
        ingestion.ingest(ws, List.of(identify("n-2", Map.of("plan", "pro"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(id).stream()
                .anyMatch(b -> "pro".equals(b.path("traits").path("plan").asText())));
        List<JsonNode> bodies = received(id);
        long previous = 0;
        for (JsonNode b : bodies) {
            assertTrue(b.path("sequence").asLong() >= previous, "in order: " + bodies);
            previous = b.path("sequence").asLong();
        }
        JsonNode last = bodies.get(bodies.size() - 1);
        assertEquals("identify", last.path("reason").asText());
        assertEquals("ann.n@example.com", last.path("identities").get(0).path("value").asText());
        SegmentStub.Received request = SegmentStub.RECEIVED.stream().filter(r -> r.body().contains(id)).findFirst()
                .orElseThrow();
        WorkspaceToken token = WorkspaceTokens.verifier(TokenKeys.publicKey(publicKey))
                .verify(request.authorization().substring("Bearer ".length()));
        assertEquals(ws, token.workspaceId());
        assertEquals("service:profile-service", token.keyId());
        assertTrue(request.idempotencyKey().startsWith(ws + "|"), request.idempotencyKey());
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(id) == null);
    }

    @Test
    void aChangeMadeWhileItsProfileIsBeingDeliveredIsSentAgainAtOnce() throws Exception {
        String ws = UUID.randomUUID().toString();
        String email = "flight@example.com";
        AtomicBoolean changed = new AtomicBoolean();
        SegmentStub.ON_RECEIVE.set(body -> {
            if (body.contains(email) && changed.compareAndSet(false, true)) {
                ingestion.ingest(ws, List.of(identify("f-2", email, Map.of("plan", "pro"))));
            }
        });
        try {
            String id = ingestion.ingest(ws, List.of(identify("f-1", email, Map.of("plan", "free")))).outcomes()
                    .get(0).profileId();
            // well within the 30 s lease: the delivery that met the new change made it due again
            await().atMost(Duration.ofSeconds(10)).until(() -> received(id).stream()
                    .anyMatch(b -> "pro".equals(b.path("traits").path("plan").asText())));
            assertTrue(changed.get());
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(id) == null);
        } finally {
            SegmentStub.ON_RECEIVE.set(body -> { });
        }
    }

    @Test
    void manyChangesOfAWorkspaceGoInBatchesOfAHundred() throws Exception {
        String ws = UUID.randomUUID().toString();
        List<Observation> people = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            people.add(identify("b-" + i, "person" + i + "@example.com", Map.of("n", i)));
        }
        List<String> ids = ingestion.ingest(ws, people).outcomes().stream().map(o -> o.profileId()).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> pending(id) == null));

        List<JsonNode> batches = new ArrayList<>();
        for (SegmentStub.Received r : SegmentStub.RECEIVED) {
            JsonNode body = mapper.readTree(r.body());
            if (ids.contains(body.path("changes").path(0).path("profileId").asText())) {
                batches.add(body.path("changes"));
            }
        }
        Set<String> announced = new HashSet<>();
        for (JsonNode changes : batches) {
            assertTrue(changes.size() <= ChangeNotifier.BATCH, "at most 100 changes per call: " + changes.size());
            changes.forEach(c -> announced.add(c.path("profileId").asText()));
        }
        assertEquals(Set.copyOf(ids), announced, "every change announced");
        // 3 calls, or a few more when a round met the profiles half-written or other tests' changes were due too
        assertTrue(batches.size() <= 6, "250 changes in a few calls, not one each: " + batches.size());
    }

    @Test
    void pendingChangesOfEarlierReleasesAreTakenOverAndDelivered() throws Exception {
        String ws = UUID.randomUUID().toString();
        String id = ingestion.ingest(ws, List.of(identify("l-1", Map.of("plan", "free")))).outcomes().get(0)
                .profileId();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(id) == null);
        long version = profile(id).getLong("version");
        store.legacyChanges().insertOne(new Document("_id", ws + "|" + id).append("ws", ws).append("profileId", id)
                .append("dueAt", new Date()).append("attempts", 2).append("reason", "import")
                .append("changedAt", new Date()).append("seq", 4L));

        notifier.adoptLegacyChanges(null);

        assertEquals(0, store.legacyChanges().countDocuments());
        await().atMost(Duration.ofSeconds(30)).until(() -> received(id).stream()
                .anyMatch(b -> "import".equals(b.path("reason").asText())
                        && b.path("sequence").asLong() == version + 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(id) == null);
    }

    private Document profile(String id) {
        return store.profiles().find(Filters.eq("_id", id)).first();
    }

    private Document pending(String id) {
        return profile(id).get(ChangeOutbox.FIELD, Document.class);
    }

    /** The changes announced for the profile, in the order received. */
    private List<JsonNode> received(String profileId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (SegmentStub.Received r : SegmentStub.RECEIVED) {
            for (JsonNode change : mapper.readTree(r.body()).path("changes")) {
                if (profileId.equals(change.path("profileId").asText())) {
                    out.add(change);
                }
            }
        }
        return out;
    }

    private static Observation identify(String messageId, Map<String, Object> traits) {
        return identify(messageId, "ann.n@example.com", traits);
    }

    private static Observation identify(String messageId, String email, Map<String, Object> traits) {
        Instant now = Instant.now();
        return Observation.message("tracking", messageId, List.of(new Observation.Identifier("email", email)),
                traits, Map.of(), new Observation.Event("identify", null, Map.of(), Map.of(), now, Map.of()), now);
    }
}
