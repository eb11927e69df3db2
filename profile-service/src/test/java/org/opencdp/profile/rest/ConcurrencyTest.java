package org.opencdp.profile.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencdp.profile.rest.Tracking.get;
import static org.opencdp.profile.rest.Tracking.profileIdOf;
import static org.opencdp.profile.rest.Tracking.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

/** Many parallel senders about the same person: one profile in the end, no event lost. */
@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ConcurrencyTest {
    private static final int SENDERS = 50;

    @Test
    void parallelMessagesAboutOnePersonEndInOneProfileWithEveryEvent() throws Exception {
        String ws = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < SENDERS; i++) {
                String anonymousId = "anon-" + i;
                boolean trackFirst = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    Map<String, Object> track = Map.of("anonymousId", anonymousId, "event", "Clicked");
                    Map<String, Object> identify = Map.of("anonymousId", anonymousId,
                            "traits", Map.of("email", "same@example.com", "lastSender", anonymousId));
                    List<Integer> statuses = new ArrayList<>();
                    statuses.add(send(ws, trackFirst ? "track" : "identify", trackFirst ? track : identify)
                            .statusCode());
                    statuses.add(send(ws, trackFirst ? "identify" : "track", trackFirst ? identify : track)
                            .statusCode());
                    return statuses;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> f : results) {
                assertEquals(List.of(200, 200), f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        String id = profileIdOf(ws, "email", "same@example.com");
        for (int i = 0; i < SENDERS; i++) {
            assertEquals(id, profileIdOf(ws, "anonymousId", "anon-" + i), "anon-" + i);
        }
        get(ws, "/api/profiles?limit=200").statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
        get(ws, "/api/profiles/" + id).body("computed.eventCounts.Clicked", equalTo(SENDERS))
                .body("identities", hasSize(SENDERS + 1));
        get(ws, "/api/profiles/" + id + "/events?limit=200").body("items", hasSize(2 * SENDERS));
    }
}
