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

/**
 * A stand-in for segment-service's {@code POST /api/segments/profile-changes}: records every request and answers
 * 202, or 503 while {@link #failNext} is above zero. Global to the module's tests (one Quarkus start).
 */
public class SegmentStub implements QuarkusTestResourceLifecycleManager {
    /** One received request. */
    public record Received(String authorization, String idempotencyKey, String body) {}

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();
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
