package org.opencdp.launcher.bench;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * {@code ./cdp bench crm}: loads 100,000 contacts and 50,000 deals into a workspace (COPY straight into the crm
 * database), then measures through the gateway the latency of filtered contact list pages (name prefix, e-mail,
 * company, lifecycle stage, tag, updated since, owner + stage, name sort) and of the forecast, one request at a time
 * on one keep-alive connection with varied filter values. Targets: p99 under 50 ms per list page, under 200 ms per
 * forecast.
 */
public final class CrmBench implements Bench {
    static final double LIST_TARGET_MS = 50;
    static final double FORECAST_TARGET_MS = 200;

    @Override
    public String name() {
        return "crm";
    }

    @Override
    public String description() {
        return "CRM at 100,000 contacts: p50/p99 of filtered contact lists and of the forecast, through the gateway";
    }

    @Override
    public Set<String> options() {
        return Set.of("contacts", "deals", "requests");
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "  --contacts N    contacts to load (CDP_BENCH_CONTACTS, default 100000)",
                "  --deals N       deals to load (CDP_BENCH_DEALS, default 50000)",
                "  --requests N    measured requests per filter and per forecast grouping (CDP_BENCH_REQUESTS,"
                        + " default 400)",
                "  --ephemeral     always start a temporary platform, even when ./cdp up runs (otherwise the data"
                        + " goes into a new workspace of the running platform)",
                "  --data-dir DIR  data folder of the running platform (CDP_DATA_DIR, default .cdp)",
                "  --strict        exit 3 when a target is missed");
    }

    @Override
    public int run(BenchContext context) throws Exception {
        PrintStream out = context.out();
        int contacts = context.args().positiveInt("contacts", context.env(), "CDP_BENCH_CONTACTS", 100_000);
        int deals = context.args().positiveInt("deals", context.env(), "CDP_BENCH_DEALS", 50_000);
        int requests = context.args().positiveInt("requests", context.env(), "CDP_BENCH_REQUESTS", 400);
        try (CrmBenchSetup setup = CrmBenchSetup.acquire(context); LoadGenerator load = new LoadGenerator()) {
            out.println("Benchmarking against " + setup.description() + ".");
            CrmBenchData data = new CrmBenchData(setup.credentials().workspaceId());
            long t0 = System.nanoTime();
            long rows = data.load(setup.jdbcUrl(), setup.gatewayUrl(), setup.credentials().secretKey(), contacts, deals);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "Loaded %,d contacts, %,d deals, %d companies with COPY into cdp_crm in %.1f s"
                    + " (%,.0f rows/s).%n", contacts, deals, CrmBenchData.COMPANIES, loadSeconds, rows / loadSeconds);
            out.printf(Locale.ROOT, "bench=crm key=load contacts=%d deals=%d companies=%d seconds=%.2f"
                    + " rows_per_s=%.0f method=copy%n", contacts, deals, CrmBenchData.COMPANIES, loadSeconds,
                    rows / loadSeconds);

            Map<String, IntFunction<String>> lists = listQueries(data);
            Map<String, IntFunction<String>> forecasts = new LinkedHashMap<>();
            LocalDate today = LocalDate.now();
            for (String group : List.of("month", "owner", "stage", "pipeline")) {
                forecasts.put(group, i -> "/api/crm/forecast?groupBy=" + group + "&from=" + today.minusDays(365)
                        + "&to=" + today.plusDays(365));
            }
            String key = setup.credentials().secretKey();
            out.println("Warming up...");
            for (var q : lists.entrySet()) {
                measure(load, setup.gatewayUrl(), key, q.getValue(), 100);
            }
            for (var q : forecasts.entrySet()) {
                measure(load, setup.gatewayUrl(), key, q.getValue(), 20);
            }
            boolean ok = true;
            boolean failed = false;
            out.printf(Locale.ROOT, "%n  %-22s %8s %9s %9s %9s %10s%n", "query", "requests", "p50 ms", "p99 ms",
                    "max ms", "target");
            for (var q : lists.entrySet()) {
                LoadResult r = measure(load, setup.gatewayUrl(), key, q.getValue(), requests);
                failed |= r.failures() > 0;
                ok &= report(out, "list", "filter", q.getKey(), r, LIST_TARGET_MS);
            }
            for (var q : forecasts.entrySet()) {
                LoadResult r = measure(load, setup.gatewayUrl(), key, q.getValue(), Math.max(20, requests / 4));
                failed |= r.failures() > 0;
                ok &= report(out, "forecast", "groupBy", q.getKey(), r, FORECAST_TARGET_MS);
            }
            out.println();
            out.println("bench=crm key=summary targets_met=" + ok + " list_target_p99_ms=" + (int) LIST_TARGET_MS
                    + " forecast_target_p99_ms=" + (int) FORECAST_TARGET_MS);
            if (failed) {
                return 2;
            }
            return !ok && context.args().flag("strict") ? 3 : 0;
        }
    }

    /** The filtered list pages measured; each gets a different filter value per request. */
    private static Map<String, IntFunction<String>> listQueries(CrmBenchData data) {
        Random random = new Random(7);
        String base = "/api/crm/contacts?limit=50";
        Map<String, IntFunction<String>> q = new LinkedHashMap<>();
        q.put("none", i -> base);
        q.put("name-prefix", i -> base + "&name=" + enc(prefix(CrmBenchData.FIRST[i % CrmBenchData.FIRST.length], i)));
        q.put("name-prefix,sort=name", i -> base + "&sort=name&name="
                + enc(prefix(CrmBenchData.LAST[i % CrmBenchData.LAST.length], i)));
        q.put("email", i -> base + "&email=" + enc(data.emails.get(random.nextInt(data.emails.size()))));
        q.put("company", i -> base + "&companyId=" + data.companyIds.get(i % data.companyIds.size()));
        q.put("lifecycle-stage", i -> base + "&lifecycleStage=" + CrmBenchData.STAGES[i % CrmBenchData.STAGES.length]);
        q.put("tag", i -> base + "&tag=" + CrmBenchData.TAGS[i % CrmBenchData.TAGS.length]);
        q.put("updated-since", i -> base + "&updatedSince=" + data.now.minus(Duration.ofDays(1 + i % 60)));
        q.put("owner+stage", i -> base + "&owner=owner" + (i % CrmBenchData.OWNERS) + "&lifecycleStage="
                + CrmBenchData.STAGES[i % CrmBenchData.STAGES.length]);
        return q;
    }

    private static String prefix(String name, int i) {
        return name.substring(0, Math.min(name.length(), 2 + i % 3)).toLowerCase(Locale.ROOT);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code requests} sequential requests on one connection, each with its own URL; latencies merged. */
    private static LoadResult measure(LoadGenerator load, String gateway, String key, IntFunction<String> path,
                                      int requests) {
        List<LoadResult> parts = new ArrayList<>();
        int perTarget = 10;
        for (int i = 0; i < requests; i += perTarget) {
            Target target = Target.get("crm", gateway + path.apply(i / perTarget))
                    .withHeader("Authorization", "Bearer " + key).withHeader("Accept", "application/json");
            parts.add(load.sequential(target, Math.min(perTarget, requests - i), Duration.ofSeconds(60)));
        }
        long ok = 0;
        long errors = 0;
        long elapsed = 0;
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        String firstError = null;
        List<long[]> latencies = new ArrayList<>();
        for (LoadResult r : parts) {
            ok += r.ok();
            errors += r.errors();
            elapsed += r.elapsedNanos();
            r.otherStatuses().forEach((s, n) -> statuses.merge(s, n, Long::sum));
            firstError = firstError == null ? r.firstError() : firstError;
            latencies.add(r.sortedLatenciesNanos());
        }
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new LoadResult("crm", 1, ok, statuses, errors, firstError, elapsed, all);
    }

    private static boolean report(PrintStream out, String key, String dimension, String name, LoadResult r,
                                  double targetMs) {
        double p50 = r.percentileMillis(50);
        double p99 = r.percentileMillis(99);
        double max = r.percentileMillis(100);
        boolean met = p99 < targetMs;
        out.printf(Locale.ROOT, "  %-22s %8d %9.2f %9.2f %9.2f %10s%s%n", key + " " + name, r.ok(), p50, p99, max,
                "<" + (int) targetMs + " " + (met ? "met" : "MISSED"),
                r.failures() > 0 ? "  FAILURES: " + r.failureSummary() : "");
        out.printf(Locale.ROOT, "bench=crm key=%s %s=%s requests=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f"
                + " target_p99_ms=%d met=%s failures=%d%n", key, dimension, name, r.ok(), p50, p99, max,
                (int) targetMs, met, r.failures());
        return met;
    }
}
