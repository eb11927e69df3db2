package org.opencdp.launcher.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.opencdp.launcher.Args;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.Repo;
import org.opencdp.launcher.Service;

/**
 * DMP collection end to end: batches of anonymous page views through the gateway's {@code /dmp/v1/collect} with the
 * write key, against the minimal bulk writes of the same events on the same store (dmp-service's
 * {@code DmpBenchWrites}, a separate JVM: insertMany of the events, bulkWrite of visitor upserts by _id), measured
 * between two measures of collection through the gateway and compared with both together; then collection while a
 * purge of a million expired events runs, against collection just before they were stored and once they are gone.
 * On the platform of {@code ./cdp up} when it answers (in a new workspace), the purge is that platform's own scheduled
 * one, and collection is measured from the moment it starts until no expired event is left; else on a temporary
 * platform with the same on-disk store and dmp-service's scheduled purge off, where the bench runs dmp-service's purge
 * code itself.
 */
public final class DmpBench implements Bench {
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_SLOWDOWN = 0.20;

    @Override
    public String name() {
        return "dmp";
    }

    @Override
    public String description() {
        return "DMP collect batches through the gateway vs direct bulk writes; collection while 1,000,000 expired"
                + " events are purged";
    }

    /** Batches per slice of the warm-up's second part, until dmp-service's cost settles ({@link WarmUp}). */
    static final int SETTLE_SLICE = 100;

    @Override
    public Set<String> options() {
        return Set.of("batches", "warmup", "visitors", "senders", "expired", "baseline", "purge-chunk", "purge-pause");
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "  --batches N      collect batches of 100 events, through the gateway and direct (default 1000)",
                "  --warmup N       batches sent before the measured ones, on both paths, so that the JVMs are"
                        + " compiled (default 300); the gateway path then goes on in slices of 100 until"
                        + " dmp-service's CPU per event stops falling",
                "  --visitors N     anonymous visitors in the pool (default 20000)",
                "  --senders N      concurrent senders, and threads of the direct writes (default 4)",
                "  --expired N      expired events to purge (default 1000000)",
                "  --baseline S     seconds of collection measured before the purge (default 20)",
                "  --purge-chunk N  documents per purge slice on a temporary platform (dmp-service default 5000)",
                "  --purge-pause F  pause after a slice, times its duration, on a temporary platform (default 6.0)",
                "  --ephemeral      always start a temporary platform, even when ./cdp up runs",
                "  --data-dir DIR   data folder of the running platform (CDP_DATA_DIR, default .cdp)",
                "  --strict         exit 3 when a target is missed");
    }

    @Override
    public int run(BenchContext context) throws Exception {
        PrintStream out = context.out();
        Args args = context.args();
        Map<String, String> env = context.env();
        int batches = args.positiveInt("batches", env, "CDP_BENCH_BATCHES", 1000);
        int warmup = args.positiveInt("warmup", env, "CDP_BENCH_WARMUP", 300);
        int visitors = args.positiveInt("visitors", env, "CDP_BENCH_VISITORS", 20_000);
        int senders = args.positiveInt("senders", env, "CDP_BENCH_SENDERS", 4);
        int expired = args.positiveInt("expired", env, "CDP_BENCH_EXPIRED", 1_000_000);
        int baselineSeconds = args.positiveInt("baseline", env, "CDP_BENCH_BASELINE", 20);
        int chunk = args.positiveInt("purge-chunk", env, "CDP_BENCH_PURGE_CHUNK", 5_000);
        String pause = args.option("purge-pause").orElse(env.getOrDefault("CDP_BENCH_PURGE_PAUSE", "6.0"));
        out.println(GatewayBench.machine());
        DmpWorkload workload = new DmpWorkload(visitors, 42);
        List<String> warm = workload.batches(warmup);
        List<String> load = workload.batches(batches);
        EnumSet<Service> needed = EnumSet.of(Service.GATEWAY, Service.DMP);
        // a temporary platform runs no scheduled purge, so that the measured purge is the only one
        BenchPlatform acquired = BenchPlatform.acquireWithAdmin(context, needed,
                options -> options.serviceEnv(Service.DMP, "CDP_DMP_PURGE_ENABLED", "false"));
        try (BenchPlatform platform = acquired) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String gatewayUrl = platform.url(Service.GATEWAY);
            Credentials credentials = platform.benchWorkspace(http, "dmp-bench", out);
            String mongo = platform.mongoConnectionString().orElseThrow();
            String secret = "Bearer " + credentials.secretKey();
            String write = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (credentials.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
            for (String rule : DmpWorkload.rules()) {
                post(http, gatewayUrl + "/api/dmp/rules", secret, rule, 201);
            }
            post(http, gatewayUrl + "/api/dmp/audiences", secret, DmpWorkload.audience(), 201);
            URI collect = URI.create(gatewayUrl + "/dmp/v1/collect");

            out.printf(Locale.ROOT, "Warm-up: %,d events through the gateway...%n", warm.size() * (long) DmpWorkload.BATCH);
            Rate warmRate = send(http, collect, write, warm, senders, null);
            List<String> slice = warm.subList(0, Math.min(SETTLE_SLICE, warm.size()));
            if (failed(out, warmRate) || !WarmUp.untilSettled(out, platform, Service.DMP, () -> {
                Rate rate = send(http, collect, write, slice, senders, null);
                return failed(out, rate) ? Optional.empty()
                        : Optional.of(new WarmUp.Sent(rate.events(), rate.seconds()));
            })) {
                return 2;
            }
            out.printf(Locale.ROOT, "Gateway: %,d events (%d senders, batches of %d)...%n",
                    load.size() * (long) DmpWorkload.BATCH, senders, DmpWorkload.BATCH);
            Rate gateway = send(http, collect, write, load, senders, null);
            if (failed(out, gateway)) {
                return 2;
            }
            out.printf(Locale.ROOT, "  %,.0f events/s%n", gateway.perSecond());

            out.println("Direct: the minimal bulk writes of the same events on the same store (database bench_direct)...");
            // the direct writes run in a fresh JVM: the warm-up batches first, as on the gateway path
            Path warmFile = Files.createTempFile("cdp-bench-dmp-warm", ".jsonl");
            Path file = Files.createTempFile("cdp-bench-dmp", ".jsonl");
            Map<String, String> direct;
            try {
                Files.write(warmFile, warm);
                Files.write(file, load);
                direct = helper(out, mongo, "direct", "bench_direct", credentials.workspaceId(),
                        Integer.toString(senders), warmFile.toString(), file.toString());
            } finally {
                Files.deleteIfExists(warmFile);
                Files.deleteIfExists(file);
            }
            if (direct == null) {
                return 2;
            }
            Rate directRate = new Rate(Long.parseLong(direct.get("events")), Double.parseDouble(direct.get("seconds")), null);
            out.printf(Locale.ROOT, "  %,.0f events/s%n", directRate.perSecond());

            // collection through the gateway again: with the first measure, the reference of the direct writes, and
            // the baseline of the purge; measured before the expired events exist (a running platform's own scheduled
            // purge may start on them as soon as they are stored, and must not run during the baseline)
            Rate baseline = collectFor(out, "Through the gateway again (also the purge's baseline)",
                    baselineSeconds, http, collect, write, load, senders);
            if (baseline == null) {
                return 2;
            }

            out.printf(Locale.ROOT, "Seeding %,d expired events into dmp-service's store...%n", expired);
            Map<String, String> seeded = helper(out, mongo, "seed-expired", "cdp_dmp", credentials.workspaceId(),
                    Integer.toString(expired));
            if (seeded == null) {
                return 2;
            }
            out.printf(Locale.ROOT, "  %,d in %.1f s%n", expired, Double.parseDouble(seeded.get("seconds")));

            Rate during;
            long purgedCount;
            double purgeSeconds;
            if (platform.temporary()) {
                out.printf(Locale.ROOT, "Purge of the expired events by dmp-service's purge code (slices of %,d, pause %s x)"
                        + " while collection goes on...%n", chunk, pause);
                Background purger = Background.start(out, mongo, "purge", "cdp_dmp", Integer.toString(chunk), pause);
                during = send(http, collect, write, load, senders, purger.running::get);
                Map<String, String> purged = purger.result();
                if (failed(out, during) || purged == null) {
                    return 2;
                }
                purgedCount = Long.parseLong(purged.get("purged"));
                purgeSeconds = Double.parseDouble(purged.get("seconds"));
            } else {
                // the running platform purges them itself (on its schedule): collection is measured from the moment
                // the oldest expired event is gone until none is left, with only that purge at work
                out.println("Purge of the expired events by the running dmp-service's scheduled purge, while collection"
                        + " goes on...");
                Background watcher = Background.start(out, mongo, "watch-purge", "cdp_dmp", "3600");
                Queue<Long> completions = new ConcurrentLinkedQueue<>();
                Rate all = send(http, collect, write, load, senders, watcher.running::get, completions);
                Map<String, String> watched = watcher.result();
                if (failed(out, all) || watched == null || !watched.containsKey("started")) {
                    out.println("FAIL: the running platform's purge did not finish within an hour");
                    return 2;
                }
                long started = Long.parseLong(watched.get("started"));
                long ended = Long.parseLong(watched.get("ended"));
                long inWindow = completions.stream().filter(t -> t >= started && t <= ended).count();
                during = new Rate(inWindow * DmpWorkload.BATCH, (ended - started) / 1e3, null);
                purgedCount = expired;
                purgeSeconds = (ended - started) / 1e3;
            }
            Map<String, String> left = helper(out, mongo, "count-expired", "cdp_dmp");
            if (left == null) {
                return 2;
            }
            long remaining = Long.parseLong(left.get("expired"));
            out.printf(Locale.ROOT, "  %,.0f events/s; %,d expired events purged in %.1f s, %,d expired left%n",
                    during.perSecond(), purgedCount, purgeSeconds, remaining);

            // collection measured again once the purge is over: the purge phase collects far more events than the
            // baseline did, and a store grown several times collects more slowly purge or not; the reference is the
            // rate before and after together, so that only what the purge costs counts against it
            Rate after = collectFor(out, "After the purge", baselineSeconds, http, collect, write, load, senders);
            if (after == null) {
                return 2;
            }
            return report(out, new Around(gateway, baseline), directRate, new Around(baseline, after), during,
                    purgedCount, purgeSeconds, expired, remaining) || !args.flag("strict") ? 0 : 3;
        }
    }

    /** Collection at full speed for {@code seconds}, printed under {@code label}; null (reported) when it failed. */
    private static Rate collectFor(PrintStream out, String label, int seconds, HttpClient http, URI collect,
            String write, List<String> load, int senders) throws Exception {
        out.printf(Locale.ROOT, "%s: collection for %d s...%n", label, seconds);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        Rate rate = send(http, collect, write, load, senders, () -> System.nanoTime() < until);
        if (failed(out, rate)) {
            return null;
        }
        out.printf(Locale.ROOT, "  %,.0f events/s%n", rate.perSecond());
        return rate;
    }

    /** A mode of dmp-service's bench helper running in a thread while collection goes on. */
    private record Background(Thread thread, AtomicBoolean running, AtomicReference<Map<String, String>> output) {
        static Background start(PrintStream out, String mongo, String mode, String... args) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicReference<Map<String, String>> output = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    output.set(helper(out, mongo, mode, args));
                } catch (Exception e) {
                    out.println("FAIL: " + mode + ": " + e);
                } finally {
                    running.set(false);
                }
            }, "dmp-bench-" + mode);
            thread.start();
            return new Background(thread, running, output);
        }

        /** Waits for the helper; its result line, null when it failed. */
        Map<String, String> result() throws InterruptedException {
            thread.join();
            return output.get();
        }
    }

    record Rate(long events, double seconds, String failure) {
        double perSecond() {
            return seconds <= 0 ? 0 : events / seconds;
        }
    }

    /**
     * Collection measured on both sides of another phase: against their sum, that phase is judged on the same
     * moment of the run, drift that happens meanwhile (a store growing, a service still being compiled) cancelling out.
     */
    record Around(Rate before, Rate after) {
        double perSecond() {
            return new Rate(before.events() + after.events(), before.seconds() + after.seconds(), null).perSecond();
        }
    }

    /** Sends the batches (cycling through them while {@code more} says so; once when it is null). */
    static Rate send(HttpClient http, URI uri, String auth, List<String> bodies, int senders, BooleanSupplier more)
            throws Exception {
        return send(http, uri, auth, bodies, senders, more, null);
    }

    /** As above, adding the time (epoch ms) each batch was answered to {@code completions} when it is not null. */
    static Rate send(HttpClient http, URI uri, String auth, List<String> bodies, int senders, BooleanSupplier more,
            Queue<Long> completions) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                futures.add(pool.submit(() -> {
                    while (failure.get() == null) {
                        long i = next.getAndIncrement();
                        if (more == null ? i >= bodies.size() : !more.getAsBoolean()) {
                            return null;
                        }
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size()))))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains("\"stored\":" + DmpWorkload.BATCH)) {
                            failure.compareAndSet(null, "POST /dmp/v1/collect answered " + r.statusCode() + ": "
                                    + r.body().substring(0, Math.min(300, r.body().length())));
                        }
                        sent.addAndGet(DmpWorkload.BATCH);
                        if (completions != null) {
                            completions.add(System.currentTimeMillis());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Rate(sent.get(), (System.nanoTime() - start) / 1e9, failure.get());
    }

    private static void post(HttpClient http, String url, String auth, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Runs dmp-service's DmpBenchWrites in its own JVM; the key=value pairs of its result line, null on failure. */
    private static Map<String, String> helper(PrintStream out, String mongo, String mode, String... args)
            throws Exception {
        Path app = Repo.locate().resolve("dmp-service/target/quarkus-app");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                app.resolve("lib/main") + "/*" + File.pathSeparator + app.resolve("app") + "/*",
                "org.opencdp.dmp.bench.DmpBenchWrites", mode, mongo));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.matches("^(direct|seeded|purged|expired|watched)[= ].*seconds=.*")) {
                    result = new HashMap<>();
                    for (String part : line.split(" ")) {
                        String[] p = part.split("=", 2);
                        if (p.length == 2) {
                            result.put(p[0], p[1]);
                        }
                    }
                } else if (log.length() < 4000) {
                    log.append(line).append(System.lineSeparator());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            out.println("FAIL: dmp-service's bench writes (" + mode + ") did not complete (is dmp-service built?"
                    + " ./mvnw install -pl dmp-service -am -DskipTests):");
            out.println(log);
            return null;
        }
        return result;
    }

    private static boolean failed(PrintStream out, Rate rate) {
        if (rate.failure() == null && rate.events() > 0) {
            return false;
        }
        out.println("FAIL: " + (rate.failure() == null ? "no event sent" : rate.failure()));
        out.println("bench=dmp key=failures detail=" + (rate.failure() == null ? "none-sent" : "non-2xx"));
        return true;
    }

    static boolean report(PrintStream out, Around gateway, Rate direct, Around baseline, Rate during, long purged,
            double purgeSeconds, int expired, long remaining) {
        double ratio = gateway.perSecond() / direct.perSecond();
        double slowdown = 1 - during.perSecond() / baseline.perSecond();
        boolean ratioOk = ratio >= TARGET_RATIO;
        boolean slowdownOk = slowdown <= TARGET_SLOWDOWN && remaining == 0;
        out.println();
        String row = "  %-46s %14s %14s %12s   %-10s %s%n";
        out.printf(Locale.ROOT, row, "", "gateway", "reference", "ratio", "target", "");
        out.printf(Locale.ROOT, row, "collect vs direct bulk writes (events/s)", fmt(gateway.perSecond()),
                fmt(direct.perSecond()), String.format(Locale.ROOT, "%.2f", ratio), ">= 0.5x", ratioOk ? "met" : "MISSED");
        out.printf(Locale.ROOT, row, "collect during purge vs without (events/s)", fmt(during.perSecond()),
                fmt(baseline.perSecond()), String.format(Locale.ROOT, "%+.1f%%", -slowdown * 100), "<= -20%",
                slowdownOk ? "met" : "MISSED");
        out.printf(Locale.ROOT, "  through the gateway: %s events/s before the direct writes, %s after them (%.2fx and"
                + " %.2fx)%n", fmt(gateway.before().perSecond()), fmt(gateway.after().perSecond()),
                gateway.before().perSecond() / direct.perSecond(), gateway.after().perSecond() / direct.perSecond());
        out.printf(Locale.ROOT, "  without a purge: %s events/s before it, %s after it%n",
                fmt(baseline.before().perSecond()), fmt(baseline.after().perSecond()));
        out.printf(Locale.ROOT, "  purge: %,d expired events in %.1f s (%,.0f/s)%n", purged, purgeSeconds,
                purged / Math.max(0.001, purgeSeconds));
        out.println();
        out.printf(Locale.ROOT, "bench=dmp key=collect_vs_direct gateway=%.1f direct=%.1f ratio=%.3f target=%.2f"
                + " pass=%s before=%.1f after=%.1f events=%d gateway_seconds=%.3f direct_seconds=%.3f%n",
                gateway.perSecond(), direct.perSecond(), ratio, TARGET_RATIO, ratioOk, gateway.before().perSecond(),
                gateway.after().perSecond(), gateway.before().events(), gateway.before().seconds(), direct.seconds());
        out.printf(Locale.ROOT, "bench=dmp key=collect_during_purge without=%.1f during=%.1f slowdown=%.3f target=%.2f"
                + " pass=%s before=%.1f after=%.1f during_events=%d during_seconds=%.3f%n", baseline.perSecond(),
                during.perSecond(), slowdown, TARGET_SLOWDOWN, slowdownOk, baseline.before().perSecond(),
                baseline.after().perSecond(), during.events(), during.seconds());
        out.printf(Locale.ROOT, "bench=dmp key=purge expired=%d purged=%d remaining=%d seconds=%.3f per_s=%.1f%n",
                expired, purged, remaining, purgeSeconds, purged / Math.max(0.001, purgeSeconds));
        return ratioOk && slowdownOk;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
