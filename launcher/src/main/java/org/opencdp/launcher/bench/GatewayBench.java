package org.opencdp.launcher.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.opencdp.launcher.Args;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.Service;

/**
 * The cost of the gateway: the same read (an {@link Endpoint}: by default {@code GET /api/dmp/settings}, one Mongo
 * document by _id) (a) directly on its service with a workspace token, (b) through the gateway with the secret key,
 * and, as a yardstick, (c) through a {@link TcpRelay} the bench starts: the cost of a second hop alone, the floor of
 * any proxy on the machine.
 *
 * <p>After a warm-up of all three, each round measures throughput under load ({@code connections} connections, one
 * request in flight each) and then per-request latency on one connection without load (queueing would hide the
 * overhead). The order of the targets reverses every round (direct-relay-gateway, gateway-relay-direct, ...) and the
 * report takes the median over the rounds, which cancels most of the noise and drift of a shared machine.
 */
public final class GatewayBench implements Bench {
    static final double TARGET_RATIO = 0.85;
    static final double TARGET_P50_DELTA_MS = 1.0;
    static final int WARMUP_SLICE_SECONDS = 4;
    static final double WARMUP_STABLE = 0.10;
    static final int WARMUP_MAX_FACTOR = 10;
    /** Event loops of the relay: one per core of the build machine, like the gateway's two per core at most. */
    static final int RELAY_THREADS = 2;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "overhead of the gateway: the same read direct on a service vs through the gateway"
                + ", with a plain TCP relay as the floor of any proxy (--endpoint dmp-settings | crm-deal-reasons"
                + " | crm-contacts)";
    }

    @Override
    public Set<String> options() {
        return Set.of("duration", "warmup", "rounds", "connections", "latency-requests", "endpoint");
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "  --endpoint E           dmp-settings (one Mongo document by _id, the default), crm-deal-reasons"
                        + " (a short PostgreSQL list) or crm-contacts (a filtered, sorted page of 20 contacts)",
                "  --duration S           seconds of load per target and round (CDP_BENCH_DURATION, default 8)",
                "  --warmup S             seconds of warm-up per target (CDP_BENCH_WARMUP, default 12)",
                "  --rounds N             rounds, target order flipped each round (CDP_BENCH_ROUNDS, default 3)",
                "  --connections N        connections under load, one request in flight each"
                        + " (CDP_BENCH_CONNECTIONS, default 32)",
                "  --latency-requests N   sequential requests on one connection per target and round"
                        + " (CDP_BENCH_LATENCY_REQUESTS, default 1000)",
                "  --ephemeral            always start a temporary platform, even when ./cdp up runs",
                "  --data-dir DIR         data folder of the running platform (CDP_DATA_DIR, default .cdp)",
                "  --strict               exit 3 when a target is missed");
    }

    record Settings(int durationSeconds, int warmupSeconds, int rounds, int connections, int latencyRequests,
            Endpoint endpoint) {
        static Settings from(Args args, Map<String, String> env) {
            Settings s = new Settings(
                    args.positiveInt("duration", env, "CDP_BENCH_DURATION", 8),
                    args.positiveInt("warmup", env, "CDP_BENCH_WARMUP", 12),
                    args.positiveInt("rounds", env, "CDP_BENCH_ROUNDS", 3),
                    args.positiveInt("connections", env, "CDP_BENCH_CONNECTIONS", 32),
                    args.positiveInt("latency-requests", env, "CDP_BENCH_LATENCY_REQUESTS", 1000),
                    endpoint(args.option("endpoint").orElse(env.getOrDefault("CDP_BENCH_ENDPOINT", "dmp-settings"))));
            if (s.estimatedSeconds() > 15 * 60) {
                throw new Args.UsageException("These settings would run about " + s.estimatedSeconds() / 60
                        + " minutes; keep the bench under 15 (fewer rounds or a shorter --duration).");
            }
            return s;
        }

        /** Upper bound of the run time, counting the latency phases at their time cap. */
        long estimatedSeconds() {
            return WARMUP_MAX_FACTOR * 3L * warmupSeconds + rounds * 3L * (durationSeconds + latencyCap().toSeconds());
        }

        private static Endpoint endpoint(String name) {
            try {
                return Endpoint.parse(name);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }

        Duration latencyCap() {
            return Duration.ofSeconds(Math.max(5, durationSeconds));
        }
    }

    /** The medians over the rounds of one target. */
    record Summary(double throughput, double p50, double p99, double loadedP50, double loadedP99) {}

    @Override
    public int run(BenchContext context) throws Exception {
        PrintStream out = context.out();
        Settings settings = Settings.from(context.args(), context.env());
        out.println(machine());
        Endpoint endpoint = settings.endpoint();
        try (BenchPlatform platform = BenchPlatform.acquire(context, EnumSet.of(Service.GATEWAY, endpoint.service()));
             LoadGenerator load = new LoadGenerator()) {
            out.println("Benchmarking against " + platform.description() + ".");
            String jwt = platform.serviceToken(Duration.ofHours(2));
            out.println("Endpoint: GET " + endpoint.path() + " (" + endpoint.description() + ").");
            out.println("bench=gateway key=endpoint name=" + endpoint.wireName() + " path=" + endpoint.path());
            String serviceUrl = platform.url(endpoint.service());
            Target direct = Target.get("direct", serviceUrl + endpoint.path())
                    .withHeader("Authorization", "Bearer " + jwt)
                    .withHeader("Accept", "application/json");
            Target gateway = Target.get("gateway", platform.url(Service.GATEWAY) + endpoint.path())
                    .withHeader("Authorization", "Bearer " + platform.credentials().secretKey())
                    .withHeader("Accept", "application/json");
            if (endpoint == Endpoint.CRM_CONTACTS) {
                String problem = ContactsSeed.ensure(serviceUrl, jwt);
                if (problem != null) {
                    out.println("FAIL: " + problem);
                    return 2;
                }
            }
            URI service = URI.create(serviceUrl);
            try (TcpRelay tcpRelay = TcpRelay.start(service.getHost(), service.getPort(), RELAY_THREADS)) {
                Target relay = Target.get("relay", "http://127.0.0.1:" + tcpRelay.port() + endpoint.path())
                        .withHeader("Authorization", "Bearer " + jwt)
                        .withHeader("Accept", "application/json");
                return measure(context, platform, load, settings, List.of(direct, relay, gateway));
            }
        }
    }

    /** Warm-up, rounds and report; {@code targets} are direct, relay and gateway, in this order. */
    private static int measure(BenchContext context, BenchPlatform platform, LoadGenerator load, Settings settings,
            List<Target> targets) {
        PrintStream out = context.out();
        for (Target target : targets) {
            String problem = probe(target);
            if (problem != null) {
                out.println("FAIL: " + problem);
                return 2;
            }
        }
        if (!warmUp(out, platform, load, settings, targets)) {
            return 2;
        }
        Service service = settings.endpoint().service();
        int n = targets.size();
        List<List<LoadResult>> loaded = new ArrayList<>();
        List<List<LoadResult>> sequential = new ArrayList<>();
        List<List<Cpu>> cpu = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loaded.add(new ArrayList<>());
            sequential.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        out.printf(Locale.ROOT, "%d rounds: %d s under load per target, then %d sequential requests on one"
                + " connection per target%n", settings.rounds(), settings.durationSeconds(),
                settings.latencyRequests());
        out.printf(Locale.ROOT, "  %-5s %-8s %12s %10s %10s %12s %12s%n", "round", "target", "req/s",
                "p50 ms", "p99 ms", "1-conn p50", "1-conn p99");
        for (int round = 1; round <= settings.rounds(); round++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (int i : order) {
                Cpu before = Cpu.of(platform, service);
                LoadResult r = load.closedLoop(targets.get(i), settings.connections(),
                        Duration.ofSeconds(settings.durationSeconds()));
                if (failed(out, "round " + round, r)) {
                    return 2;
                }
                loaded.get(i).add(r);
                Cpu.of(platform, service).perRequest(before, r.ok()).ifPresent(cpu.get(i)::add);
            }
            for (int i : order) {
                LoadResult r = load.sequential(targets.get(i), settings.latencyRequests(), settings.latencyCap());
                if (failed(out, "round " + round, r)) {
                    return 2;
                }
                sequential.get(i).add(r);
            }
            for (int i : order) {
                LoadResult l = loaded.get(i).get(round - 1);
                LoadResult s = sequential.get(i).get(round - 1);
                out.printf(Locale.ROOT, "  %-5d %-8s %,12.0f %10.3f %10.3f %12.3f %12.3f%n", round,
                        targets.get(i).name(), l.throughput(), l.percentileMillis(50), l.percentileMillis(99),
                        s.percentileMillis(50), s.percentileMillis(99));
            }
        }

        Summary d = summarize(loaded.get(0), sequential.get(0));
        Summary r = summarize(loaded.get(1), sequential.get(1));
        Summary g = summarize(loaded.get(2), sequential.get(2));
        boolean met = report(out, settings, d, g);
        reportRelay(out, d, r, g);
        reportCpu(out, cpu.get(0), cpu.get(1), cpu.get(2));
        out.printf(Locale.ROOT, "Spread over the rounds (req/s): direct %s, relay %s, gateway %s.%n",
                spread(loaded.get(0)), spread(loaded.get(1)), spread(loaded.get(2)));
        return met || !context.args().flag("strict") ? 0 : 3;
    }

    /**
     * Warms all paths (and the JVMs' JIT) in alternating slices of about {@value #WARMUP_SLICE_SECONDS} s: at least
     * {@code warmup} seconds per target, then on until no target's throughput moved by more than
     * {@value #WARMUP_STABLE} from one slice to the next and the platform's JIT compilers used at most
     * {@value WarmUp#COMPILER_SHARE} of its CPU over the slices (when the OS tells, {@link CompilerCpu}), at most
     * {@value #WARMUP_MAX_FACTOR} times as long. The gateway keeps compiling for minutes of load on two cores, and
     * its compilation counted as its cost per request. False when requests failed.
     */
    private static boolean warmUp(PrintStream out, BenchPlatform platform, LoadGenerator load, Settings settings,
            List<Target> targets) {
        int minSlices = Math.max(2, (settings.warmupSeconds() + WARMUP_SLICE_SECONDS - 1) / WARMUP_SLICE_SECONDS);
        Duration slice = Duration.ofMillis(settings.warmupSeconds() * 1000L / minSlices);
        int maxSlices = WARMUP_MAX_FACTOR * minSlices;
        out.printf(Locale.ROOT, "Warm-up: at least %d s per target in alternating slices of %.1f s, %d connections,"
                + " until the throughput is stable and the JIT compilers are nearly idle...%n",
                settings.warmupSeconds(), slice.toMillis() / 1000.0, settings.connections());
        double[] previous = new double[targets.size()];
        for (int i = 1; i <= maxSlices; i++) {
            StringBuilder line = new StringBuilder();
            boolean stable = true;
            BenchPlatform.CpuReading before = platform.cpuReading();
            for (int t = 0; t < targets.size(); t++) {
                LoadResult warm = load.closedLoop(targets.get(t), settings.connections(), slice);
                if (failed(out, "warm-up", warm)) {
                    return false;
                }
                double rate = warm.throughput();
                stable &= previous[t] > 0 && Math.abs(rate - previous[t]) <= WARMUP_STABLE * previous[t];
                previous[t] = rate;
                line.append(String.format(Locale.ROOT, "  %s %,.0f req/s", targets.get(t).name(), rate));
            }
            Optional<Double> compilers = before.compilerShareUntil(platform.cpuReading());
            compilers.ifPresent(c -> line.append(String.format(Locale.ROOT, "  (JIT %.0f%%)", c * 100)));
            out.println("  slice " + i + ":" + line);
            if (i >= minSlices && stable && compilers.orElse(0.0) <= WarmUp.COMPILER_SHARE) {
                return true;
            }
        }
        out.println("  (throughput still moving after " + maxSlices + " slices; going on: the rounds' medians"
                + " absorb some of it)");
        return true;
    }

    /**
     * CPU time of the gateway and service processes (when their pids are known), and per successful request
     * between two readings.
     */
    record Cpu(double gateway, double service) {
        static Cpu of(BenchPlatform platform, Service service) {
            return new Cpu(platform.cpuTime(Service.GATEWAY).map(d -> (double) d.toNanos()).orElse(Double.NaN),
                    platform.cpuTime(service).map(d -> (double) d.toNanos()).orElse(Double.NaN));
        }

        /** Microseconds of CPU per request of each process since {@code before}. */
        java.util.Optional<Cpu> perRequest(Cpu before, long requests) {
            if (requests <= 0 || Double.isNaN(gateway) || Double.isNaN(service) || Double.isNaN(before.gateway)
                    || Double.isNaN(before.service)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Cpu((gateway - before.gateway) / 1e3 / requests,
                    (service - before.service) / 1e3 / requests));
        }
    }

    /**
     * Where the throughput goes: on a machine where the load, the gateway and the service share the cores, the
     * gateway path costs the CPU of both processes, so the throughput ratio is about service / (service + gateway).
     */
    static void reportCpu(PrintStream out, List<Cpu> direct, List<Cpu> relay, List<Cpu> gateway) {
        if (direct.isEmpty() || relay.isEmpty() || gateway.isEmpty()) {
            return;
        }
        double directDmp = Percentiles.median(direct.stream().mapToDouble(Cpu::service).toArray());
        double relayDmp = Percentiles.median(relay.stream().mapToDouble(Cpu::service).toArray());
        double gatewayGateway = Percentiles.median(gateway.stream().mapToDouble(Cpu::gateway).toArray());
        double gatewayDmp = Percentiles.median(gateway.stream().mapToDouble(Cpu::service).toArray());
        out.printf(Locale.ROOT, "CPU per request under load (us, medians): direct path: service %.0f;"
                + " relay path: service %.0f; gateway path: gateway %.0f + service %.0f (a shared-CPU throughput"
                + " ratio of about %.2f)%n",
                directDmp, relayDmp, gatewayGateway, gatewayDmp, directDmp / (gatewayGateway + gatewayDmp));
        out.printf(Locale.ROOT, "bench=gateway key=cpu_us_per_request direct_service=%.1f relay_service=%.1f"
                + " gateway_gateway=%.1f gateway_service=%.1f%n", directDmp, relayDmp, gatewayGateway, gatewayDmp);
    }

    /**
     * The yardstick: what a second hop alone costs on this machine (the relay against direct calls), and how much of
     * the relay's throughput the gateway keeps with its own work on top (HTTP parsing, authentication, headers,
     * limits).
     */
    static void reportRelay(PrintStream out, Summary d, Summary r, Summary g) {
        double relayRatio = d.throughput() == 0 ? 0 : r.throughput() / d.throughput();
        double gatewayVsRelay = r.throughput() == 0 ? 0 : g.throughput() / r.throughput();
        out.printf(Locale.ROOT, "Floor of any proxy here, a plain TCP relay (bytes copied, no HTTP; run by the bench):"
                + " %,.0f req/s, %.3fx direct, p50 %s (1 conn). The gateway reaches %.3fx the relay's throughput.%n",
                r.throughput(), relayRatio, delta(r.p50() - d.p50()), gatewayVsRelay);
        out.printf(Locale.ROOT, "bench=gateway key=relay_floor direct=%.1f relay=%.1f ratio=%.3f gateway=%.1f"
                + " gateway_vs_relay=%.3f p50_delta_ms=%.3f%n", d.throughput(), r.throughput(), relayRatio,
                g.throughput(), gatewayVsRelay, r.p50() - d.p50());
    }

    private static String spread(List<LoadResult> results) {
        double min = results.stream().mapToDouble(LoadResult::throughput).min().orElse(0);
        double max = results.stream().mapToDouble(LoadResult::throughput).max().orElse(0);
        return String.format(Locale.ROOT, "%,.0f-%,.0f", min, max);
    }

    /** Cores and load average: other work on the machine makes the figures noisy. */
    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String load = "";
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()
                    .split("\\s+");
            double oneMinute = Double.parseDouble(fields[0]);
            load = String.format(Locale.ROOT, ", 1-minute load average %.2f before the bench", oneMinute);
            if (oneMinute > 1.0) {
                load += " (other work is running: expect noisy figures)";
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "Machine: " + cores + " cores" + load + ".";
    }

    /** One request with the JDK client so that a failure shows the status and the body. */
    static String probe(Target target) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(Duration.ofSeconds(10)).GET();
        target.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
                return "GET " + target.url() + " (" + target.name() + ") answered " + response.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            }
            return null;
        } catch (IOException e) {
            return "GET " + target.url() + " (" + target.name() + ") failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean failed(PrintStream out, String phase, LoadResult result) {
        if (result.failures() == 0 && result.ok() > 0) {
            return false;
        }
        out.println("FAIL: " + phase + ", " + result.target() + ": "
                + (result.failures() > 0 ? result.failureSummary() : "no successful request"));
        if (result.otherStatuses().containsKey(429)) {
            out.println("The gateway rate-limited the bench's key. ./cdp up raises the limit unless "
                    + PlatformOptions.RATE_LIMIT_CAPACITY_ENV + " or " + PlatformOptions.RATE_LIMIT_REFILL_ENV
                    + " is set; or run ./cdp bench gateway --ephemeral.");
        }
        out.println("bench=gateway key=failures target=" + result.target() + " non2xx=" + result.non2xx()
                + " errors=" + result.errors());
        return true;
    }

    static Summary summarize(List<LoadResult> loaded, List<LoadResult> sequential) {
        return new Summary(median(loaded, LoadResult::throughput),
                median(sequential, r -> r.percentileMillis(50)),
                median(sequential, r -> r.percentileMillis(99)),
                median(loaded, r -> r.percentileMillis(50)),
                median(loaded, r -> r.percentileMillis(99)));
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> metric) {
        return Percentiles.median(results.stream().mapToDouble(metric).toArray());
    }

    /** Prints the table and the machine-readable lines; true when both targets are met. */
    static boolean report(PrintStream out, Settings settings, Summary d, Summary g) {
        double ratio = d.throughput() == 0 ? 0 : g.throughput() / d.throughput();
        double p50Delta = g.p50() - d.p50();
        boolean ratioOk = ratio >= TARGET_RATIO;
        boolean p50Ok = p50Delta <= TARGET_P50_DELTA_MS;
        out.println();
        out.printf(Locale.ROOT, "Gateway overhead, GET %s: medians of %d rounds (%d connections under load)%n",
                settings.endpoint().path(),
                settings.rounds(), settings.connections());
        String row = "  %-28s %12s %12s %16s   %-10s %s%n";
        out.printf(Locale.ROOT, row, "", "direct", "gateway", "gateway vs direct", "target", "");
        out.printf(Locale.ROOT, row, "throughput (req/s)", fmt0(d.throughput()), fmt0(g.throughput()),
                String.format(Locale.ROOT, "ratio %.3f", ratio), ">= " + TARGET_RATIO, ratioOk ? "met" : "MISSED");
        out.printf(Locale.ROOT, row, "latency p50 (ms, 1 conn)", fmt3(d.p50()), fmt3(g.p50()), delta(p50Delta),
                "<= +" + TARGET_P50_DELTA_MS + " ms", p50Ok ? "met" : "MISSED");
        out.printf(Locale.ROOT, row, "latency p99 (ms, 1 conn)", fmt3(d.p99()), fmt3(g.p99()),
                delta(g.p99() - d.p99()), "", "");
        out.printf(Locale.ROOT, row, "latency p50 (ms, loaded)", fmt3(d.loadedP50()), fmt3(g.loadedP50()),
                delta(g.loadedP50() - d.loadedP50()), "", "");
        out.printf(Locale.ROOT, row, "latency p99 (ms, loaded)", fmt3(d.loadedP99()), fmt3(g.loadedP99()),
                delta(g.loadedP99() - d.loadedP99()), "", "");
        out.println();
        out.printf(Locale.ROOT,
                "bench=gateway key=throughput direct=%.1f gateway=%.1f ratio=%.3f target=%.2f pass=%s%n",
                d.throughput(), g.throughput(), ratio, TARGET_RATIO, ratioOk);
        out.printf(Locale.ROOT, "bench=gateway key=p50_ms direct=%.3f gateway=%.3f delta_ms=%.3f target=%.1f pass=%s%n",
                d.p50(), g.p50(), p50Delta, TARGET_P50_DELTA_MS, p50Ok);
        out.printf(Locale.ROOT, "bench=gateway key=p99_ms direct=%.3f gateway=%.3f delta_ms=%.3f%n",
                d.p99(), g.p99(), g.p99() - d.p99());
        out.printf(Locale.ROOT, "bench=gateway key=loaded_p50_ms direct=%.3f gateway=%.3f delta_ms=%.3f%n",
                d.loadedP50(), g.loadedP50(), g.loadedP50() - d.loadedP50());
        out.printf(Locale.ROOT, "bench=gateway key=loaded_p99_ms direct=%.3f gateway=%.3f delta_ms=%.3f%n",
                d.loadedP99(), g.loadedP99(), g.loadedP99() - d.loadedP99());
        return ratioOk && p50Ok;
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String delta(double v) {
        return String.format(Locale.ROOT, "%+.3f ms", v);
    }
}
