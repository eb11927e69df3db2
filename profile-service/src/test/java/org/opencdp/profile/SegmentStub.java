package org.opencdp.profile;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A stand-in for segment-service's {@code POST /api/segments/profile-changes} (a batch of changes of one workspace):
 * records every request and answers 202, or 503 while {@link #FAIL_NEXT} is above zero. Global to the module's tests
 * (one Quarkus start).
 */
public class SegmentStub implements QuarkusTestResourceLifecycleManager {
    /** One received request. */
    public record Received(String authorization, String idempotencyKey, String body) {}

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    /** Runs with each accepted request's body before the answer (a change made while a delivery is in flight). */
    public static final AtomicReference<Consumer<String>> ON_RECEIVE = new AtomicReference<>(body -> { });
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/segments/profile-changes", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = 202;
                if (FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                } else {
                    RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                    ON_RECEIVE.get().accept(body);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return Map.of("cdp.services.segment", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }
}
