package org.opencdp.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.opencdp.launcher.bench.Bench;
import org.opencdp.launcher.bench.BenchContext;
import org.opencdp.launcher.bench.Benches;

/** {@code ./cdp}: run the platform locally ({@code up}, {@code down}, {@code status}) and benchmark it. */
public final class Cdp {
    static final String DETACHED_PROPERTY = "cdp.detached";
    private static final Set<String> UP_OPTIONS;
    private static final Set<String> UP_SWITCHES = Set.of("detach", "d", "help", "h");
    private static final Set<String> DATA_OPTIONS = Set.of("data-dir");

    static {
        Set<String> options = new HashSet<>(Set.of("data-dir", "postgres-port", "mongo-port", "timeout"));
        for (Service s : Service.values()) {
            options.add(s.portFlag());
        }
        UP_OPTIONS = Set.copyOf(options);
    }

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Cdp(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /**
     * Netty checks on every read of a buffer that it has not been released; in the Mongo wire server, which decodes
     * each message field by field from sliced buffers, that check took 6% of the store's time under the ingest bench.
     * A use after release is a bug of Netty's users, found by their tests, which keep the check.
     */
    static final String NETTY_CHECK_ACCESSIBLE = "io.netty.buffer.checkAccessible";

    public static void main(String[] args) {
        if (System.getProperty(NETTY_CHECK_ACCESSIBLE) == null) {
            System.setProperty(NETTY_CHECK_ACCESSIBLE, "false"); // before any Netty buffer class loads
        }
        Cdp cdp = new Cdp(System.getenv(), System.out, System.err);
        int code = cdp.run(List.of(args));
        System.exit(code);
    }

    /** Runs a command; returns the exit code ({@code up} in the foreground returns only when interrupted). */
    int run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return switch (command) {
                case "up" -> up(rest);
                case "down" -> down(rest);
                case "status" -> status(rest);
                case "bench" -> bench(rest);
                case "demo" -> new org.opencdp.launcher.demo.DemoCommand(env, out, err).run(rest);
                case "help", "--help", "-h" -> {
                    out.print(usage());
                    yield 0;
                }
                default -> {
                    err.println("cdp: unknown command '" + command + "'.");
                    err.print(usage());
                    yield 1;
                }
            };
        } catch (PortInUseException e) {
            e.getMessage().lines().forEach(line -> err.println("cdp: " + line));
            return 1;
        } catch (PlatformException e) {
            err.println("cdp: " + e.getMessage());
            debug(e);
            return 1;
        } catch (Exception e) {
            err.println("cdp: " + Platform.rootMessage(e) + " (set CDP_DEBUG=1 for the stack trace)");
            debug(e);
            return 1;
        }
    }

    private void debug(Exception e) {
        if (env.get("CDP_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ./cdp <command> [options]\n\n");
        sb.append("Commands:\n");
        sb.append("  up        start the platform (PostgreSQL, Mongo, the five services); Ctrl-C stops it\n");
        sb.append("            -d, --detach           run in the background (stop with ./cdp down)\n");
        sb.append("            --data-dir DIR         data folder (CDP_DATA_DIR, default .cdp in the repository)\n");
        for (Service s : Service.values()) {
            sb.append(String.format("            --%-20s %s (%s, default %d)%n", s.portFlag() + " N",
                    s.module() + " port", s.portEnv(), s.defaultPort()));
        }
        sb.append(String.format("            --%-20s PostgreSQL port (%s, default %d)%n", "postgres-port N",
                PlatformOptions.POSTGRES_PORT_ENV, PlatformOptions.DEFAULT_POSTGRES_PORT));
        sb.append(String.format("            --%-20s Mongo wire server port (%s, default %d)%n", "mongo-port N",
                PlatformOptions.MONGO_PORT_ENV, PlatformOptions.DEFAULT_MONGO_PORT));
        sb.append(String.format("            --%-20s seconds each service gets to become ready (%s, default 120)%n",
                "timeout S", PlatformOptions.READY_TIMEOUT_ENV));
        sb.append("            env CDP_ADMIN_TOKEN (else generated once and kept in the data folder),\n");
        sb.append("            CDP_SERVICE_JAVA_OPTS (JVM options of every service; default a heap, then \"")
                .append(String.join(" ", PlatformOptions.DEFAULT_JAVA_OPTIONS)).append("\";\n")
                .append("            heap \"").append(String.join(" ", PlatformOptions.heapOptions(Service.GATEWAY)))
                .append("\", for profile and dmp \"")
                .append(String.join(" ", PlatformOptions.heapOptions(Service.PROFILE))).append("\"),\n");
        sb.append("            CDP_HTTP_HOST (default 127.0.0.1),\n");
        sb.append("            CDP_GATEWAY_RATE_LIMIT_CAPACITY and _REFILL_PER_SECOND (per API key; a local run\n");
        sb.append("            raises the gateway's default of 1000/s to ").append(PlatformOptions.LOCAL_RATE_LIMIT)
                .append(" unless they are set)\n");
        sb.append("            Any other env var (e.g. QUARKUS_LOG_LEVEL) reaches every service.\n");
        sb.append("  down      stop a platform started with ./cdp up (in the background or another terminal)\n");
        sb.append("  status    show whether the platform runs, its URLs and the readiness of each service\n");
        sb.append("  bench     run a benchmark: ./cdp bench <name> [options]; ./cdp bench lists them\n");
        for (Bench b : Benches.all()) {
            sb.append(String.format("            %-9s %s%n", b.name(), b.description()));
        }
        sb.append("  demo      load sample customers and orders (UCI Online Retail); ./cdp demo --help\n");
        return sb.toString();
    }

    // ---------------------------------------------------------------- up

    private PlatformOptions upOptions(Args args) {
        PlatformOptions options = PlatformOptions.local(env);
        args.option("data-dir").ifPresent(d -> options.dataDir(Path.of(d)));
        for (Service s : Service.values()) {
            args.option(s.portFlag()).ifPresent(p -> options.port(s, PlatformOptions.parsePort("--" + s.portFlag(), p)));
        }
        args.option("postgres-port").ifPresent(p -> options.postgresPort(PlatformOptions.parsePort("--postgres-port", p)));
        args.option("mongo-port").ifPresent(p -> options.mongoPort(PlatformOptions.parsePort("--mongo-port", p)));
        args.option("timeout").ifPresent(t ->
                options.readyTimeout(Duration.ofSeconds(PlatformOptions.positiveInt("--timeout", t))));
        return options;
    }

    static Args parseUp(List<String> args) {
        Args parsed = Args.parse(args, UP_OPTIONS, UP_SWITCHES);
        if (!parsed.positionals().isEmpty()) {
            throw new Args.UsageException("./cdp up takes no arguments, only options: " + parsed.positionals());
        }
        return parsed;
    }

    private int up(List<String> rawArgs) throws IOException {
        Args args = parseUp(rawArgs);
        if (args.flag("help") || args.flag("h")) {
            out.print(usage());
            return 0;
        }
        PlatformOptions options = upOptions(args);
        DataDir data = new DataDir(options.dataDir()).create();
        long running = runningLauncher(data);
        if (running > 0) {
            err.println("cdp: the platform is already running from " + display(data.root()) + " (pid " + running
                    + "): ./cdp status shows it, ./cdp down stops it.");
            return 1;
        }
        if (!leftovers(data).isEmpty()) {
            out.println("Stopping processes left over by a previous run that did not stop cleanly...");
            stopOrphans(data);
            Files.deleteIfExists(data.runtimeFile());
        }
        if (args.flag("detach") || args.flag("d")) {
            return upDetached(rawArgs, options, data);
        }
        Files.writeString(data.pidFile(), ProcessHandle.current().pid() + "\n");
        List<String> stale = Staleness.staleModules(options.repoDir(), options.services());
        if (!stale.isEmpty()) {
            out.println("Note: older than their sources (or missing): " + String.join(", ", stale)
                    + ". ./cdp up rebuilds them; or ./mvnw -B package -DskipTests.");
        }
        out.println("Starting OpenCDP (data in " + display(data.root()) + ")...");
        Platform platform;
        try {
            platform = Platform.start(options);
        } catch (PlatformException e) {
            if (Platform.readPid(data.pidFile()) == ProcessHandle.current().pid()) {
                Files.deleteIfExists(data.pidFile());
            }
            throw e;
        }
        printSummary(platform, Boolean.getBoolean(DETACHED_PROPERTY));
        watch(platform);
        return 0;
    }

    /** Reports services that stop on their own while the platform runs; returns when the platform is closed. */
    private void watch(Platform platform) {
        Set<Service> reported = EnumSet.noneOf(Service.class);
        while (!platform.isClosed()) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            for (Service s : platform.services()) {
                if (!platform.isClosed() && !platform.isRunning(s) && reported.add(s)) {
                    err.println("cdp: " + s.module() + " stopped unexpectedly; see " + display(platform.logFile(s))
                            + ". The others keep running (Ctrl-C or ./cdp down stops everything).");
                }
            }
        }
    }

    private void printSummary(Platform p, boolean detached) {
        Credentials c = p.credentials();
        String gw = p.gatewayUrl();
        out.println();
        out.println("OpenCDP is running.");
        out.println("  Gateway       " + gw);
        out.println("  Swagger UI    " + p.swaggerUiUrl());
        StringBuilder services = new StringBuilder();
        for (Service s : p.services()) {
            if (s != Service.GATEWAY) {
                services.append(s.shortName()).append(" :").append(p.port(s)).append("  ");
            }
        }
        out.println("  Services      " + services.toString().trim() + "  (call them through the gateway)");
        out.println("  Workspace     " + c.workspaceId() + (p.credentialsCreated() ? " (new)" : ""));
        out.println("  Write key     " + c.writeKey() + "   (tracking: HTTP Basic user)");
        out.println("  Secret key    " + c.secretKey() + "   (/api/*: Authorization: Bearer)");
        switch (p.adminTokenSource()) {
            case GENERATED -> out.println("  Admin token   " + p.adminToken() + "   (generated; kept in "
                    + display(p.layout().adminTokenFile()) + ")");
            case STORED -> out.println("  Admin token   " + (p.credentialsCreated() ? p.adminToken() + "   (kept in "
                    + display(p.layout().adminTokenFile()) + ")" : "in " + display(p.layout().adminTokenFile())));
            case GIVEN -> out.println("  Admin token   from CDP_ADMIN_TOKEN");
        }
        out.println("  Credentials   " + display(p.layout().credentialsFile()));
        out.println("  Logs          " + display(p.layout().logs()) + "/");
        out.println("  Data          " + display(p.dataDir()) + "/ (PostgreSQL :" + p.postgresPort() + ", Mongo :"
                + p.mongoPort() + ")");
        out.println();
        out.println("Try it:");
        // the tracking API (/v1/*, write key) comes with the profile-service issue; these calls answer today
        out.println("  curl -H 'Authorization: Bearer " + c.secretKey() + "' " + gw + "/api/workspaces/"
                + c.workspaceId());
        out.println("  curl -H 'Authorization: Bearer " + c.secretKey() + "' '" + gw
                + "/api/crm/deal-reasons?outcome=lost'");
        out.println("  curl -H 'Authorization: Bearer " + c.secretKey() + "' " + gw + "/api/dmp/settings");
        out.println();
        out.println(detached ? "Stop it with ./cdp down." : "Press Ctrl-C to stop (or ./cdp down from another terminal).");
        out.flush();
    }

    private int upDetached(List<String> rawArgs, PlatformOptions options, DataDir data) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: Ctrl-C or a closed terminal does not reach it
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM options of this launcher (heap size from CDP_LAUNCHER_JAVA_OPTS) apply to the background one too
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).forEach(command::add);
        command.add("-D" + Repo.PROPERTY + "=" + options.repoDir());
        command.add("-D" + DETACHED_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Cdp.class.getName());
        command.add("up");
        for (String arg : rawArgs) {
            if (!arg.equals("-d") && !arg.equals("--detach") && !arg.startsWith("--detach=")) {
                command.add(arg);
            }
        }
        command.add("--data-dir");
        command.add(data.root().toString());
        Path log = data.logs().resolve("launcher.log");
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        out.println("Starting OpenCDP in the background (pid " + child.pid() + ", output in " + display(log) + ")...");
        long deadline = System.nanoTime() + options.readyTimeout().plusSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RuntimeInfo> info = RuntimeInfo.read(data.runtimeFile());
            if (info.isPresent() && info.get().pid() == child.pid() && Files.isRegularFile(log)
                    && Files.readString(log).contains("OpenCDP is running.")) {
                String text = Files.readString(log);
                out.print(text.substring(text.indexOf("OpenCDP is running.")));
                return 0;
            }
            if (!child.isAlive()) {
                err.println("cdp: the platform did not start (exit code " + child.exitValue() + "). Last lines of "
                        + display(log) + ":");
                err.println(ServiceProcess.tail(log, 40));
                return 1;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        err.println("cdp: the platform did not report ready in time; see " + display(log)
                + " (it may still be starting; ./cdp down stops it).");
        return 1;
    }

    // ---------------------------------------------------------------- down / status

    private DataDir dataDir(List<String> rawArgs, String command) {
        Args args = Args.parse(rawArgs, DATA_OPTIONS, Set.of());
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("./cdp " + command + " takes no arguments, only --data-dir DIR.");
        }
        PlatformOptions options = PlatformOptions.local(env);
        return new DataDir(args.option("data-dir").map(Path::of).orElse(options.dataDir()));
    }

    /** The pid of a live launcher using this data folder, or -1. */
    static long runningLauncher(DataDir data) {
        long pid = RuntimeInfo.read(data.runtimeFile()).map(RuntimeInfo::pid).orElse(-1L);
        if (pid <= 0) {
            pid = Platform.readPid(data.pidFile());
        }
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return -1;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive() && isLauncher(handle.get()) ? pid : -1;
    }

    /** Guards against a pid reused by an unrelated process. Unknown command lines count as the launcher. */
    private static boolean isLauncher(ProcessHandle handle) {
        Optional<String> line = handle.info().commandLine();
        return line.isEmpty() || line.get().contains("cdp-launcher") || line.get().contains(Cdp.class.getName());
    }

    private int down(List<String> rawArgs) throws IOException {
        DataDir data = dataDir(rawArgs, "down");
        long pid = runningLauncher(data);
        if (pid <= 0) {
            int orphans = stopOrphans(data);
            Files.deleteIfExists(data.runtimeFile());
            Files.deleteIfExists(data.pidFile());
            out.println(orphans > 0 ? "The launcher was gone; stopped " + orphans + " leftover service process(es)."
                    : "OpenCDP is not running (data in " + display(data.root()) + ").");
            return 0;
        }
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        out.println("Stopping OpenCDP (pid " + pid + ")...");
        handle.destroy();
        try {
            handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
            out.println("Stopped.");
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            stopOrphans(data);
            err.println("cdp: the launcher did not stop within 90 s and was killed; PostgreSQL may need a recovery"
                    + " at the next start.");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            return 0;
        }
    }

    /**
     * Processes a killed launcher left behind: its services (java running a quarkus-run.jar, by the pids it recorded)
     * and the PostgreSQL server of its data folder (by postmaster.pid). Only meaningful when no launcher runs.
     */
    static List<ProcessHandle> leftovers(DataDir data) {
        List<ProcessHandle> found = new ArrayList<>();
        for (long pid : RuntimeInfo.read(data.runtimeFile()).map(i -> i.servicePids().values()).orElse(List.of())) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(l -> l.contains("quarkus-run.jar")).orElse(false))
                    .ifPresent(found::add);
        }
        long postmaster = Platform.readFirstLinePid(data.postgres().resolve("postmaster.pid"));
        if (postmaster > 0) {
            ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine()
                            .map(l -> l.contains("postgres") && l.contains(data.postgres().toString())).orElse(false))
                    .ifPresent(found::add);
        }
        return found;
    }

    /** SIGTERM, up to 15 s, then kill. Returns how many were stopped. */
    private static int stopOrphans(DataDir data) {
        List<ProcessHandle> found = leftovers(data);
        found.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (ProcessHandle h : found) {
            long remaining = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(remaining, 1), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        return found.size();
    }

    private int status(List<String> rawArgs) {
        DataDir data = dataDir(rawArgs, "status");
        long pid = runningLauncher(data);
        Optional<RuntimeInfo> info = RuntimeInfo.read(data.runtimeFile()).filter(i -> i.pid() == pid);
        if (pid <= 0) {
            int left = leftovers(data).size();
            out.println("OpenCDP is not running (data in " + display(data.root()) + "). Start it with ./cdp up."
                    + (left == 0 ? "" : " " + left + " process(es) of a run that was killed are still there:"
                    + " ./cdp down (or the next ./cdp up) stops them."));
            return 1;
        }
        if (info.isEmpty()) {
            out.println("OpenCDP is starting (pid " + pid + "); see " + display(data.logs()) + "/.");
            return 0;
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1)).build();
        out.println("OpenCDP is running (pid " + pid + ", since " + info.get().startedAt() + ", data in "
                + display(data.root()) + ").");
        boolean allReady = true;
        for (Service s : Service.values()) {
            Integer port = info.get().ports().get(s);
            if (port == null) {
                continue;
            }
            boolean ready = ServiceProcess.isReady(http, port);
            allReady &= ready;
            out.printf("  %-16s http://localhost:%-6d %s%n", s.module(), port, ready ? "ready" : "NOT READY");
        }
        out.println("  PostgreSQL :" + info.get().postgresPort() + ", Mongo :" + info.get().mongoPort());
        Credentials.read(data.credentialsFile()).ifPresent(c ->
                out.println("  Workspace " + c.workspaceId() + " (keys in " + display(data.credentialsFile()) + ")"));
        return allReady ? 0 : 2;
    }

    // ---------------------------------------------------------------- bench

    private int bench(List<String> rawArgs) throws Exception {
        if (rawArgs.isEmpty() || rawArgs.get(0).startsWith("-")) {
            out.println("Usage: ./cdp bench <name> [options]   (./cdp bench <name> --help for its options)");
            out.println("Benches:");
            for (Bench b : Benches.all()) {
                out.printf("  %-9s %s%n", b.name(), b.description());
            }
            return rawArgs.isEmpty() ? 1 : 0;
        }
        String name = rawArgs.get(0);
        Optional<Bench> bench = Benches.byName(name);
        if (bench.isEmpty()) {
            err.println("cdp: unknown bench '" + name + "'. Available: " + String.join(", ", Benches.names()) + ".");
            return 1;
        }
        Bench b = bench.get();
        Set<String> options = new HashSet<>(b.options());
        options.addAll(BenchContext.COMMON_OPTIONS);
        Set<String> switches = new HashSet<>(b.switches());
        switches.addAll(BenchContext.COMMON_SWITCHES);
        Args args = Args.parse(rawArgs.subList(1, rawArgs.size()), options, switches);
        if (args.flag("help")) {
            out.println("./cdp bench " + b.name() + ": " + b.description());
            out.println(b.usage());
            return 0;
        }
        return b.run(new BenchContext(args, env, out));
    }

    /** A path relative to the current directory when it is inside it. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
