package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a tiny local Vert.x server with known behaviour. */
class LoadGeneratorTest {
    static final long DELAY_MS = 20;
    static Vertx vertx;
    static HttpServer server;
    static LoadGenerator load;
    static final AtomicInteger inFlight = new AtomicInteger();
    static final AtomicInteger maxInFlight = new AtomicInteger();
    static final AtomicInteger flakyCalls = new AtomicInteger();
    static final Set<String> connections = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            connections.add(request.connection().remoteAddress().toString());
            switch (request.path()) {
                case "/ok" -> {
                    if (!"Bearer t".equals(request.getHeader("Authorization"))) {
                        request.response().setStatusCode(401).end();
                    } else {
                        request.response().putHeader("content-type", "application/json").end("{\"ok\":true}");
                    }
                }
                case "/slow" -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    vertx.setTimer(DELAY_MS, id -> {
                        inFlight.decrementAndGet();
                        request.response().end("slow");
                    });
                }
                case "/flaky" -> {
                    int n = flakyCalls.incrementAndGet();
                    request.response().setStatusCode(n % 2 == 0 ? 503 : 200).end();
                }
                default -> request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        load = new LoadGenerator();
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Target target(String path) {
        return Target.get(path.substring(1), "http://127.0.0.1:" + server.actualPort() + path)
                .withHeader("Authorization", "Bearer t");
    }

    @Test
    void closedLoopCountsEverySuccessAndKeepsConnectionsAlive() {
        connections.clear();
        LoadResult r = load.closedLoop(target("/ok"), 4, Duration.ofMillis(400));
        assertEquals(0, r.failures(), r.failureSummary());
        assertTrue(r.ok() > 50, "ok=" + r.ok());
        assertEquals(r.ok(), r.sortedLatenciesNanos().length);
        assertTrue(r.throughput() > 0);
        assertTrue(r.percentileMillis(50) <= r.percentileMillis(99));
        assertTrue(connections.size() <= 4, "keep-alive: at most one connection per slot, saw " + connections.size());
    }

    @Test
    void sequentialStopsAfterTheRequestedNumber() {
        LoadResult r = load.sequential(target("/ok"), 25, Duration.ofSeconds(10));
        assertEquals(25, r.ok());
        assertEquals(0, r.failures());
        assertEquals(1, r.connections());
    }

    @Test
    void latencyPercentilesReflectTheServerDelayAndInFlightIsBounded() {
        inFlight.set(0);
        maxInFlight.set(0);
        LoadResult r = load.closedLoop(target("/slow"), 3, Duration.ofMillis(300));
        assertEquals(0, r.failures());
        assertTrue(r.percentileMillis(50) >= DELAY_MS, "p50=" + r.percentileMillis(50));
        assertTrue(r.percentileMillis(99) >= r.percentileMillis(50));
        assertTrue(maxInFlight.get() <= 3, "one request in flight per connection, saw " + maxInFlight.get());
        // 3 connections, each at most one request per 20 ms: about 150 req/s at most
        assertTrue(r.throughput() <= 3 * 1000.0 / DELAY_MS * 1.05, "throughput=" + r.throughput());
        LoadResult seq = load.sequential(target("/slow"), 5, Duration.ofSeconds(5));
        assertEquals(5, seq.ok());
        assertTrue(Math.abs(seq.percentileMillis(50) - DELAY_MS) < DELAY_MS * 5, "p50=" + seq.percentileMillis(50));
    }

    @Test
    void non2xxAndErrorsAreCountedNotHidden() {
        flakyCalls.set(0);
        LoadResult flaky = load.sequential(target("/flaky"), 10, Duration.ofSeconds(5));
        assertEquals(5, flaky.ok());
        assertEquals(Map.of(503, 5L), flaky.otherStatuses());
        assertEquals(5, flaky.failures());
        assertEquals(5, flaky.sortedLatenciesNanos().length, "only successes count for latency");

        LoadResult unauthorized = load.sequential(Target.get("noauth",
                "http://127.0.0.1:" + server.actualPort() + "/ok"), 3, Duration.ofSeconds(5));
        assertEquals(Map.of(401, 3L), unauthorized.otherStatuses());

        int closedPort = org.opencdp.launcher.PortCheck.freePort();
        LoadResult refused = load.sequential(Target.get("down", "http://127.0.0.1:" + closedPort + "/"), 3,
                Duration.ofSeconds(5));
        assertEquals(0, refused.ok());
        assertEquals(3, refused.errors());
        assertTrue(refused.failureSummary().contains("errors"), refused.failureSummary());
    }
}
