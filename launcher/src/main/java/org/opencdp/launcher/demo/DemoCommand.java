package org.opencdp.launcher.demo;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencdp.launcher.Args;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.DataDir;
import org.opencdp.launcher.PlatformException;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.RuntimeInfo;
import org.opencdp.launcher.Service;
import org.opencdp.launcher.ServiceProcess;

/**
 * {@code ./cdp demo}: loads the UCI Online Retail sample into the default workspace of the running platform (started in
 * the background first when it is not up) as identify and Order Completed events through the tracking API.
 */
public final class DemoCommand {
    private static final Set<String> OPTIONS = Set.of("data-dir", "file", "limit");
    private static final Set<String> SWITCHES = Set.of("help", "h");

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public DemoCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static String usage() {
        return """
                Usage: ./cdp demo [--file CSV] [--limit N] [--data-dir DIR]
                  Loads a sample of the UCI Online Retail orders (demo/online-retail/) into the default workspace:
                  per customer an identify (userId = CustomerID, traits.country) and one "Order Completed" per invoice,
                  through POST /v1/batch with the write key of credentials.json. Starts the platform in the background
                  (./cdp up -d) when it is not running. Loading it again within 7 days changes nothing: the messageIds
                  come from the data and the tracking API drops repeated ones (its de-duplication window).
                  --file CSV     another file with the same columns (default demo/online-retail/online-retail-sample.csv)
                  --limit N      only the first N customers
                  --data-dir DIR the platform's data folder (CDP_DATA_DIR, default .cdp)
                """;
    }

    public int run(List<String> rawArgs) throws Exception {
        Args args = Args.parse(rawArgs, OPTIONS, SWITCHES);
        if (args.flag("help") || args.flag("h")) {
            out.print(usage());
            return 0;
        }
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("./cdp demo takes no arguments, only options: " + args.positionals());
        }
        PlatformOptions local = PlatformOptions.local(env);
        Path csv = args.option("file").map(Path::of).orElse(local.repoDir().resolve(DemoLoader.SAMPLE));
        if (!Files.isRegularFile(csv)) {
            throw new PlatformException("no such file: " + csv);
        }
        int limit = args.option("limit").map(DemoCommand::limit).orElse(0);
        DataDir data = new DataDir(args.option("data-dir").map(Path::of).orElse(local.dataDir()));
        List<DemoEvents.Customer> customers = DemoLoader.customers(csv, limit);

        int gatewayPort = gatewayPort(data).orElse(-1);
        if (gatewayPort < 0) {
            out.println("OpenCDP is not running; starting it in the background (./cdp up -d)...");
            int code = startDetached(local, data);
            if (code != 0) {
                return code;
            }
            gatewayPort = gatewayPort(data).orElseThrow(() ->
                    new PlatformException("the platform started but does not answer; see ./cdp status"));
        }
        Credentials credentials = Credentials.read(data.credentialsFile()).orElseThrow(() ->
                new PlatformException("no usable " + data.credentialsFile() + ": ./cdp up writes it"));
        String gateway = "http://localhost:" + gatewayPort;
        out.println("Loading " + customers.size() + " customers from " + csv + " into workspace "
                + credentials.workspaceId() + " through " + gateway + "/v1/batch ...");
        DemoLoader.Report report = DemoLoader.load("http://127.0.0.1:" + gatewayPort, credentials.writeKey(),
                customers);
        Optional<Map<String, Object>> profile = DemoLoader.lookup("http://127.0.0.1:" + gatewayPort,
                credentials.secretKey(), report.showcase().customerId());
        DemoSummary.print(out, report, gateway, credentials, profile);
        return 0;
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Args.UsageException("--limit must be a positive number of customers, not '" + value + "'");
    }

    /** The gateway port of the platform of this data folder when it and profile-service answer. */
    private Optional<Integer> gatewayPort(DataDir data) {
        Optional<RuntimeInfo> info = RuntimeInfo.read(data.runtimeFile()).filter(RuntimeInfo::launcherAlive);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Integer gateway = info.get().ports().get(Service.GATEWAY);
        Integer profile = info.get().ports().get(Service.PROFILE);
        if (gateway == null || !ServiceProcess.isReady(http, gateway)) {
            return Optional.empty();
        }
        if (profile == null || !ServiceProcess.isReady(http, profile)) {
            throw new PlatformException("the platform runs but profile-service is not ready; see ./cdp status");
        }
        return Optional.of(gateway);
    }

    /** Runs {@code ./cdp up -d} (the launcher in a child JVM) and waits until it reports the platform ready. */
    private int startDetached(PlatformOptions local, DataDir data) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcdp.repo=" + local.repoDir(), "-cp", System.getProperty("java.class.path"),
                "org.opencdp.launcher.Cdp", "up", "-d", "--data-dir", data.root().toString());
        Process up = new ProcessBuilder(command).inheritIO().start();
        int code = up.waitFor();
        if (code != 0) {
            err.println("cdp: ./cdp up -d failed (exit code " + code + "); nothing was loaded.");
        }
        return code;
    }
}
