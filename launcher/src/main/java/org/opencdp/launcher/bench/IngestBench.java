package org.opencdp.launcher.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opencdp.launcher.Args;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.Repo;
import org.opencdp.launcher.Service;

/**
 * Ingestion end to end: realistic tracking batches ({@link IngestWorkload}) through the gateway's {@code /v1/batch}
 * with the write key, against the minimal direct bulk writes of the same events on the same store (profile-service's
 * {@code DirectIngestWrites}, a separate JVM), then profile lookup by e-mail with every seeded profile stored, once the
 * platform has finished the background work the writes left (see {@link #waitUntilQuiet}). Runs
 * against the platform of {@code ./cdp up} when it answers, in a new workspace created with its admin token (so the
 * hundred thousand bench profiles stay out of the default one; the direct writes go to its Mongo wire server, database
 * {@code bench_direct}), else (or with {@code --ephemeral}) on a temporary platform started for the bench.
 */
public final class IngestBench implements Bench {
    static final double TARGET_EVENTS = 5_000;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_LOOKUP_P99_MS = 10;
    /**
     * Mixed batches per slice of the warm-up's second part, which lasts until profile-service's cost settles
     * ({@link WarmUp}), so that the measured phase does not pay for its compilation.
     */
    static final int SETTLE_SLICE = 50;
    /** Platform CPU use (cores, services and store together) under which it counts as quiet. */
    static final double QUIET_CORES = 0.25;
    static final int QUIET_SECONDS = 3;
    static final int QUIET_MAX_SECONDS = 180;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "tracking batches through the gateway vs direct bulk writes on the same store; lookup by e-mail p99";
    }

    @Override
    public Set<String> options() {
        return Set.of("people", "batches", "warmup", "senders", "lookups");
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "  --people N     people in the pool, each identified once first (default 100000)",
                "  --batches N    mixed batches of 100 events (identify/track/page/alias) (default 2000)",
                "  --warmup N     mixed batches sent before the measured ones, so that the services are compiled"
                        + " (default 100)",
                "  --senders N    concurrent senders, and threads of the direct writes (default 4)",
                "  --lookups N    measured lookups by e-mail, one connection (default 3000)",
                "  --ephemeral    always start a temporary platform, even when ./cdp up runs (otherwise the data"
                        + " goes into a new workspace of the running platform)",
                "  --data-dir DIR data folder of the running platform (CDP_DATA_DIR, default .cdp)",
                "  --strict       exit 3 when a target is missed");
    }

    @Override
    public int run(BenchContext context) throws Exception {
        PrintStream out = context.out();
        Args args = context.args();
        Map<String, String> env = context.env();
        int people = args.positiveInt("people", env, "CDP_BENCH_PEOPLE", 100_000);
        int batches = args.positiveInt("batches", env, "CDP_BENCH_BATCHES", 2000);
        int warmup = args.positiveInt("warmup", env, "CDP_BENCH_WARMUP", 100);
        int senders = args.positiveInt("senders", env, "CDP_BENCH_SENDERS", 4);
        int lookups = args.positiveInt("lookups", env, "CDP_BENCH_LOOKUPS", 3000);
        out.println(GatewayBench.machine());
        IngestWorkload workload = new IngestWorkload(people, 42);
        List<String> seed = workload.seedBatches();
        List<String> warm = workload.mixedBatches(warmup);
        List<String> mixed = workload.mixedBatches(batches);
        EnumSet<Service> needed = EnumSet.of(Service.GATEWAY, Service.PROFILE);
        BenchPlatform acquired = BenchPlatform.acquireWithAdmin(context, needed, options -> { });
        try (BenchPlatform platform = acquired) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(senders)).build();
            String gatewayUrl = platform.url(Service.GATEWAY);
            Credentials credentials = platform.benchWorkspace(http, "ingest-bench", out);
            String auth = "Basic " + Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                    .getBytes(StandardCharsets.UTF_8));
            URI batchUri = URI.create(gatewayUrl + "/v1/batch");

            out.printf(Locale.ROOT, "Seed: %,d identify events (%,d people) through the gateway, %d senders...%n",
                    seed.size() * (long) IngestWorkload.BATCH, people, senders);
            Rate seedRate = sendOrReport(out, http, batchUri, auth, seed, senders);
            if (seedRate == null) {
                return 2;
            }
            out.printf(Locale.ROOT, "  %,.0f events/s%n", seedRate.perSecond());
            out.printf(Locale.ROOT, "Warm-up: %,d mixed events through the gateway (not measured)...%n",
                    warm.size() * (long) IngestWorkload.BATCH);
            if (sendOrReport(out, http, batchUri, auth, warm, senders) == null
                    || !WarmUp.untilSettled(out, platform, Service.PROFILE, () -> {
                        Rate rate = sendOrReport(out, http, batchUri, auth, workload.mixedBatches(SETTLE_SLICE),
                                senders);
                        return Optional.ofNullable(rate).map(r -> new WarmUp.Sent(r.events(), r.seconds()));
                    })) {
                return 2;
            }
            out.printf(Locale.ROOT, "Mixed: %,d events (identify/track/page/alias) through the gateway...%n",
                    mixed.size() * (long) IngestWorkload.BATCH);
            BenchPlatform.CpuReading beforeMixed = platform.cpuReading();
            Rate gateway = sendOrReport(out, http, batchUri, auth, mixed, senders);
            if (gateway == null) {
                return 2;
            }
            out.printf(Locale.ROOT, "  %,.0f events/s%n", gateway.perSecond());
            beforeMixed.compilerShareUntil(platform.cpuReading()).ifPresent(c -> out.printf(Locale.ROOT,
                    "  (JIT compilers: %.0f%% of the platform's CPU)%n", c * 100));

            out.println("Direct: the minimal bulk writes of the same events on the same store (database bench_direct)...");
            Map<String, Rate> direct = direct(platform.mongoConnectionString().orElseThrow(),
                    credentials.workspaceId(), seed, mixed, senders, out);
            if (direct == null) {
                return 2;
            }
            Rate directSeed = direct.get("seed.jsonl");
            Rate directMixed = direct.get("mixed.jsonl");

            waitUntilQuiet(out, platform);
            out.printf(Locale.ROOT, "Lookup by e-mail with %,d profiles stored: %d sequential lookups per path after as"
                    + " many unmeasured ones, the paths taking turns...%n", people, lookups);
            String jwt = platform.serviceToken(credentials.workspaceId(), Duration.ofMinutes(30));
            double[][] latencies = lookups(http, List.of(gatewayUrl, platform.url(Service.PROFILE)),
                    List.of("Bearer " + credentials.secretKey(), "Bearer " + jwt), people, lookups);
            double[] viaGateway = latencies == null ? null : latencies[0];
            double[] viaService = latencies == null ? null : latencies[1];
            if (viaGateway == null || viaService == null) {
                out.println("FAIL: a lookup by e-mail did not answer 200");
                return 2;
            }
            return report(out, people, seedRate, gateway, directSeed, directMixed, viaGateway, viaService)
                    || !args.flag("strict") ? 0 : 3;
        }
    }

    record Rate(long events, double seconds, String failure) {
        double perSecond() {
            return seconds <= 0 ? 0 : events / seconds;
        }
    }

    /** {@link #send}, printing the failure and answering null when a batch was not accepted. */
    private static Rate sendOrReport(PrintStream out, HttpClient http, URI uri, String auth, List<String> bodies,
            int senders) throws Exception {
        Rate rate = send(http, uri, auth, bodies, senders);
        if (rate.failure != null) {
            out.println("FAIL: " + rate.failure);
            return null;
        }
        return rate;
    }

    static Rate send(HttpClient http, URI uri, String auth, List<String> bodies, int senders) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size() && failure.get() == null;
                         i = next.getAndIncrement()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || r.body().contains("\"rejected\"")) {
                            failure.compareAndSet(null, "POST /v1/batch answered " + r.statusCode() + ": "
                                    + r.body().substring(0, Math.min(300, r.body().length())));
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
        return new Rate(bodies.size() * (long) IngestWorkload.BATCH, (System.nanoTime() - start) / 1e9,
                failure.get());
    }

    private static Map<String, Rate> direct(String mongo, String workspaceId, List<String> seed, List<String> mixed,
            int threads, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("cdp-bench-ingest");
        try {
            Files.write(dir.resolve("seed.jsonl"), seed);
            Files.write(dir.resolve("mixed.jsonl"), mixed);
            Path app = Repo.locate().resolve("profile-service/target/quarkus-app");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                    app.resolve("lib/main") + "/*" + File.pathSeparator + app.resolve("app") + "/*",
                    "org.opencdp.profile.bench.DirectIngestWrites", mongo, "bench_direct",
                    workspaceId, Integer.toString(threads),
                    dir.resolve("seed.jsonl").toString(), dir.resolve("mixed.jsonl").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, Rate> rates = new HashMap<>();
            StringBuilder log = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("file=")) {
                        Map<String, String> kv = new HashMap<>();
                        for (String part : line.split(" ")) {
                            String[] p = part.split("=", 2);
                            kv.put(p[0], p[1]);
                        }
                        Rate r = new Rate(Long.parseLong(kv.get("events")), Double.parseDouble(kv.get("seconds")), null);
                        rates.put(kv.get("file"), r);
                        out.printf(Locale.ROOT, "  %s: %,.0f events/s%n", kv.get("file"), r.perSecond());
                    } else if (log.length() < 4000) {
                        log.append(line).append(System.lineSeparator());
                    }
                }
            }
            if (process.waitFor() != 0 || rates.size() != 2) {
                out.println("FAIL: the direct writes did not complete (is profile-service built? ./mvnw install -pl"
                        + " profile-service -am -DskipTests):");
                out.println(log);
                return null;
            }
            return rates;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Waits until the platform's processes together have used less than {@value #QUIET_CORES} cores for
     * {@value #QUIET_SECONDS} seconds in a row, at most {@value #QUIET_MAX_SECONDS} seconds, and says how long it took.
     * After the direct writes the embedded store saves their several hundred thousand new documents in the background
     * (and may compact its file; profile-service goes on announcing the bench's profile changes): lookups measured
     * meanwhile would measure that work, not a lookup among 100,000 profiles.
     */
    private static void waitUntilQuiet(PrintStream out, BenchPlatform platform) throws InterruptedException {
        Optional<Duration> last = platform.platformCpuTime();
        if (last.isEmpty()) {
            out.println("Waiting for the platform to go quiet: its CPU use is unknown here; measuring at once.");
            return;
        }
        List<Double> cores = new ArrayList<>();
        long lastAt = System.nanoTime();
        while (!quiet(cores) && cores.size() < QUIET_MAX_SECONDS) {
            Thread.sleep(1000);
            Optional<Duration> now = platform.platformCpuTime();
            long nowAt = System.nanoTime();
            if (now.isEmpty()) {
                break;
            }
            cores.add((double) now.get().minus(last.get()).toNanos() / (nowAt - lastAt));
            last = now;
            lastAt = nowAt;
        }
        out.printf(Locale.ROOT, "Waited %d s for the platform's background work to end (cores used per second: %s)%s%n",
                cores.size(), shown(cores), quiet(cores) ? "" : "; still busy, measuring anyway");
    }

    /** True when the last {@value #QUIET_SECONDS} readings are all under {@value #QUIET_CORES} cores. */
    static boolean quiet(List<Double> cores) {
        int n = cores.size();
        return n >= QUIET_SECONDS && cores.subList(n - QUIET_SECONDS, n).stream().allMatch(c -> c < QUIET_CORES);
    }

    private static String shown(List<Double> cores) {
        List<String> all = cores.stream().map(c -> String.format(Locale.ROOT, "%.2f", c)).toList();
        if (all.size() <= 12) {
            return String.join(" ", all);
        }
        return String.join(" ", all.subList(0, 6)) + " ... " + String.join(" ", all.subList(all.size() - 6,
                all.size()));
    }

    /**
     * Latencies (ms, sorted) of sequential lookups by random seeded e-mails, one array per base URL, after as many
     * unmeasured ones (profile-service's lookup code and the bench's HTTP client are still being compiled a few thousand
     * lookups in: after 500, the p99 was half as high again as minutes later); null on a non-200. The paths take turns
     * request by request, each with its own e-mails, so that both meet the same state of the machine and of the store's
     * caches (measured one after the other, the first path also paid for the background work left by the writes and
     * warmed the pages the second then found).
     */
    static double[][] lookups(HttpClient http, List<String> bases, List<String> auths, int people, int count)
            throws Exception {
        Random[] randoms = new Random[bases.size()];
        double[][] millis = new double[bases.size()][count];
        for (int p = 0; p < randoms.length; p++) {
            randoms[p] = new Random(7 + p);
        }
        for (int i = -count; i < count; i++) {
            for (int p = 0; p < bases.size(); p++) {
                String email = IngestWorkload.email(randoms[p].nextInt(people));
                HttpRequest request = HttpRequest.newBuilder(URI.create(bases.get(p)
                        + "/api/profiles/lookup?type=email&value=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                        .header("Authorization", auths.get(p)).timeout(Duration.ofSeconds(10)).GET().build();
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - start;
                if (r.statusCode() != 200) {
                    return null;
                }
                if (i >= 0) {
                    millis[p][i] = elapsed / 1e6;
                }
            }
        }
        for (double[] m : millis) {
            Arrays.sort(m);
        }
        return millis;
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static boolean report(PrintStream out, int people, Rate seed, Rate gateway, Rate directSeed, Rate directMixed,
            double[] viaGateway, double[] viaService) {
        double ratio = gateway.perSecond() / directMixed.perSecond();
        double p99 = percentile(viaGateway, 99);
        boolean rateOk = gateway.perSecond() >= TARGET_EVENTS;
        boolean ratioOk = ratio >= TARGET_RATIO;
        boolean lookupOk = p99 < TARGET_LOOKUP_P99_MS;
        out.println();
        String row = "  %-44s %14s %14s %10s   %-12s %s%n";
        out.printf(Locale.ROOT, row, "", "gateway", "direct", "ratio", "target", "");
        out.printf(Locale.ROOT, row, "seed: identify, new profiles (events/s)", fmt(seed.perSecond()),
                fmt(directSeed.perSecond()), String.format(Locale.ROOT, "%.2f", seed.perSecond()
                        / directSeed.perSecond()), "", "");
        out.printf(Locale.ROOT, row, "mixed identify/track/page/alias (events/s)", fmt(gateway.perSecond()),
                fmt(directMixed.perSecond()), String.format(Locale.ROOT, "%.2f", ratio),
                ">= 5,000; >= 0.5x", rateOk && ratioOk ? "met" : "MISSED");
        out.printf(Locale.ROOT, row, "lookup by e-mail p50 / p99 (ms)",
                String.format(Locale.ROOT, "%.2f / %.2f", percentile(viaGateway, 50), p99),
                String.format(Locale.ROOT, "%.2f / %.2f", percentile(viaService, 50), percentile(viaService, 99)),
                "", "p99 < 10 ms", lookupOk ? "met" : "MISSED");
        out.println("  (lookup: 'gateway' through the gateway with the secret key, 'direct' on profile-service with a"
                + " token; " + String.format(Locale.ROOT, "%,d", people) + " profiles stored)");
        out.println();
        out.printf(Locale.ROOT, "bench=ingest key=seed_events_per_s gateway=%.1f direct=%.1f events=%d%n",
                seed.perSecond(), directSeed.perSecond(), seed.events());
        out.printf(Locale.ROOT, "bench=ingest key=events_per_s gateway=%.1f target=%.0f pass=%s events=%d seconds=%.3f%n",
                gateway.perSecond(), TARGET_EVENTS, rateOk, gateway.events(), gateway.seconds());
        out.printf(Locale.ROOT, "bench=ingest key=ratio_vs_direct gateway=%.1f direct=%.1f ratio=%.3f target=%.2f"
                + " pass=%s%n", gateway.perSecond(), directMixed.perSecond(), ratio, TARGET_RATIO, ratioOk);
        out.printf(Locale.ROOT, "bench=ingest key=lookup_email_ms profiles=%d gateway_p50=%.3f gateway_p99=%.3f"
                + " service_p50=%.3f service_p99=%.3f target_p99=%.0f pass=%s%n", people, percentile(viaGateway, 50),
                p99, percentile(viaService, 50), percentile(viaService, 99), TARGET_LOOKUP_P99_MS, lookupOk);
        return rateOk && ratioOk && lookupOk;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
