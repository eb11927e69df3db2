package org.opencdp.launcher.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop HTTP load generator on the Vert.x HTTP client: a fixed number of keep-alive connections, each with
 * exactly one request in flight (the next one leaves when the previous answer is read), for a fixed time or number of
 * requests. Latency is measured from sending the request to having read the whole body.
 *
 * <p>One event loop by default: on a small machine the generator should take as little CPU from the servers as
 * possible, and one loop drives tens of thousands of requests per second.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long REQUEST_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public LoadGenerator() {
        this(1);
    }

    public LoadGenerator(int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    }

    /** {@code connections} connections, one request in flight each, for {@code duration}. */
    public LoadResult closedLoop(Target target, int connections, Duration duration) {
        return run(target, connections, duration, Long.MAX_VALUE);
    }

    /**
     * One connection, one request after the other: per-request latency without queueing. Stops after
     * {@code requests} requests or {@code maxDuration}, whichever comes first.
     */
    public LoadResult sequential(Target target, int requests, Duration maxDuration) {
        return run(target, 1, maxDuration, requests);
    }

    private HttpClient client(Target target, int connections) {
        String key = target.host() + ":" + target.port() + "/" + connections;
        return clients.computeIfAbsent(key, k -> vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)));
    }

    private LoadResult run(Target target, int connections, Duration duration, long requestsPerWorker) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        HttpClient client = client(target, connections);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.pathAndQuery())
                .setTimeout(REQUEST_TIMEOUT_MS);
        target.headers().forEach(request::putHeader);

        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        Context context = vertx.getOrCreateContext();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(client, request, context, deadline, requestsPerWorker, done);
            workers.add(worker);
            context.runOnContext(v -> worker.next());
        }
        try {
            long waitMs = duration.toMillis() + REQUEST_TIMEOUT_MS + 5_000;
            if (!done.await(waitMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Load on " + target.url() + " did not finish within " + waitMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        // the latch orders every worker's writes before these reads
        long end = start;
        long ok = 0;
        long errors = 0;
        String firstError = null;
        Map<Integer, Long> statuses = new HashMap<>();
        List<LongSamples> samples = new ArrayList<>();
        for (Worker w : workers) {
            end = Math.max(end, w.lastCompletion);
            ok += w.ok;
            errors += w.errors;
            if (firstError == null) {
                firstError = w.firstError;
            }
            w.otherStatuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            samples.add(w.latencies);
        }
        return new LoadResult(target.name(), connections, ok, statuses, errors, firstError, end - start,
                LongSamples.mergeSorted(samples));
    }

    /** One connection's request loop; confined to one event-loop context. */
    private static final class Worker {
        private final HttpClient client;
        private final RequestOptions request;
        private final Context context;
        private final long deadline;
        private final long maxRequests;
        private final CountDownLatch done;
        final LongSamples latencies = new LongSamples();
        final Map<Integer, Long> otherStatuses = new HashMap<>();
        long ok;
        long errors;
        long sent;
        long lastCompletion;
        String firstError;

        Worker(HttpClient client, RequestOptions request, Context context, long deadline, long maxRequests,
               CountDownLatch done) {
            this.client = client;
            this.request = request;
            this.context = context;
            this.deadline = deadline;
            this.maxRequests = maxRequests;
            this.done = done;
        }

        void next() {
            if (sent >= maxRequests || System.nanoTime() >= deadline) {
                done.countDown();
                return;
            }
            sent++;
            long t0 = System.nanoTime();
            client.request(request)
                    .compose(req -> req.send())
                    .compose(response -> response.body().map(body -> response))
                    .onComplete(ar -> {
                        long now = System.nanoTime();
                        lastCompletion = now;
                        if (ar.succeeded()) {
                            record(ar.result(), now - t0);
                            next();
                        } else {
                            errors++;
                            if (firstError == null) {
                                firstError = String.valueOf(ar.cause());
                            }
                            context.runOnContext(v -> next()); // no recursion on synchronous failures
                        }
                    });
        }

        private void record(HttpClientResponse response, long latency) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                ok++;
                latencies.add(latency);
            } else {
                otherStatuses.merge(status, 1L, Long::sum);
            }
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
