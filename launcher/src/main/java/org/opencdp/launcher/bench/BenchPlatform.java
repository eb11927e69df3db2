package org.opencdp.launcher.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.DataDir;
import org.opencdp.launcher.GatewayAdmin;
import org.opencdp.launcher.Platform;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.RuntimeInfo;
import org.opencdp.launcher.Service;
import org.opencdp.launcher.ServiceProcess;

/**
 * The platform a bench runs against: the one {@code ./cdp up} runs when it answers (its credentials.json and token
 * keys are read from the data folder), else a temporary one started for the bench and stopped afterwards (its Mongo
 * store on disk in the temporary folder, as ./cdp up keeps it).
 */
public final class BenchPlatform implements AutoCloseable {
    private final Map<Service, Integer> ports;
    private final Map<Service, Long> pids;
    /** The process holding the Mongo store: the launcher's, or this one's for a temporary platform; null if unknown. */
    private final Long storePid;
    private final Credentials credentials;
    private final KeyPair keys;
    private final Platform started;
    private final String description;
    private final String mongoConnectionString;
    private final String adminToken;

    private BenchPlatform(Map<Service, Integer> ports, Map<Service, Long> pids, Long storePid, Credentials credentials,
                          KeyPair keys, Platform started, String description, String mongoConnectionString,
                          String adminToken) {
        this.ports = ports;
        this.pids = pids;
        this.storePid = storePid;
        this.credentials = credentials;
        this.keys = keys;
        this.started = started;
        this.description = description;
        this.mongoConnectionString = mongoConnectionString;
        this.adminToken = adminToken;
    }

    /** Finds the running platform with the needed services, or starts a temporary one with just those services. */
    public static BenchPlatform acquire(BenchContext context, Set<Service> needed) {
        return acquire(context, needed, options -> { });
    }

    /** As {@link #acquire(BenchContext, Set)}; {@code temporaryOptions} adjusts a temporary platform's options. */
    public static BenchPlatform acquire(BenchContext context, Set<Service> needed,
            Consumer<PlatformOptions> temporaryOptions) {
        if (!context.args().flag("ephemeral")) {
            BenchPlatform running = running(context, needed);
            if (running != null) {
                return running;
            }
        }
        return temporary(context, needed, temporaryOptions);
    }

    /**
     * As {@link #acquire(BenchContext, Set, Consumer)}, for a bench that works in a workspace of its own on the running
     * platform (see {@link #benchWorkspace}): falls back to a temporary platform when the running one's admin token is
     * unknown.
     */
    public static BenchPlatform acquireWithAdmin(BenchContext context, Set<Service> needed,
            Consumer<PlatformOptions> temporaryOptions) {
        BenchPlatform acquired = acquire(context, needed, temporaryOptions);
        if (acquired.temporary() || acquired.adminToken().isPresent()) {
            return acquired;
        }
        context.out().println("The running platform's admin token is unknown (set CDP_ADMIN_TOKEN), so no workspace"
                + " can be created for the bench; using a temporary platform instead.");
        return temporary(context, needed, temporaryOptions);
    }

    /**
     * The workspace a bench works in: a temporary platform's default one, or on the running platform a new one
     * ({@code <prefix>-<epoch seconds>}, created with the admin token) so that bench data stays out of the others.
     * Says which on {@code out}.
     */
    public Credentials benchWorkspace(HttpClient http, String prefix, PrintStream out) {
        Credentials workspace = temporary() ? credentials
                : new GatewayAdmin(http, url(Service.GATEWAY), adminToken().orElseThrow())
                        .createWorkspaceWithKeys(prefix + "-" + Instant.now().getEpochSecond());
        out.println("Benchmarking against " + description
                + (temporary() ? "" : ", in a new workspace " + workspace.workspaceId()) + ".");
        return workspace;
    }

    /** Starts a temporary platform with just the needed services, stopped by {@link #close()}. */
    public static BenchPlatform temporary(BenchContext context, Set<Service> needed) {
        return temporary(context, needed, options -> { });
    }

    private static BenchPlatform temporary(BenchContext context, Set<Service> needed,
            Consumer<PlatformOptions> temporaryOptions) {
        context.out().println("Starting a temporary platform (" + needed.size() + " services) for the bench...");
        PlatformOptions options = PlatformOptions.ephemeral()
                .mongoOnDisk()
                .services(needed)
                .gatewayRateLimit(PlatformOptions.LOCAL_RATE_LIMIT)
                .progress(line -> context.out().println("  " + line));
        temporaryOptions.accept(options);
        Platform platform = Platform.start(options);
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service s : platform.services()) {
            platform.pid(s).ifPresent(pid -> pids.put(s, pid));
        }
        return new BenchPlatform(platform.ports(), pids, ProcessHandle.current().pid(), platform.credentials(),
                platform.tokenKeys(), platform,
                "a temporary platform started for this bench (data in " + platform.dataDir() + ")",
                platform.mongoPort() == 0 ? null : platform.mongoConnectionString(), platform.adminToken());
    }

    private static BenchPlatform running(BenchContext context, Set<Service> needed) {
        PlatformOptions local = PlatformOptions.local(context.env());
        Path dir = context.args().option("data-dir").map(Path::of).orElse(local.dataDir());
        DataDir data = new DataDir(dir);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, local.port(s));
        }
        RuntimeInfo info = RuntimeInfo.read(data.runtimeFile()).filter(RuntimeInfo::launcherAlive).orElse(null);
        if (info != null) {
            ports.putAll(info.ports());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        if (!ServiceProcess.isReady(http, ports.get(Service.GATEWAY))) {
            return null;
        }
        for (Service s : needed) {
            if (!ServiceProcess.isReady(http, ports.get(s))) {
                context.out().println("The gateway answers on port " + ports.get(Service.GATEWAY) + " but "
                        + s.module() + " does not on port " + ports.get(s) + "; using a temporary platform instead.");
                return null;
            }
        }
        Credentials credentials = Credentials.read(data.credentialsFile()).orElse(null);
        KeyPair keys = data.readTokenKeys();
        if (credentials == null || keys == null) {
            context.out().println("The gateway answers on port " + ports.get(Service.GATEWAY) + " but "
                    + data.root() + " has no credentials.json or token keys; using a temporary platform instead.");
            return null;
        }
        int mongoPort = info != null && info.mongoPort() > 0 ? info.mongoPort() : local.mongoPort();
        String adminToken = local.adminToken() != null ? local.adminToken() : read(data.adminTokenFile());
        return new BenchPlatform(ports, info == null ? Map.of() : info.servicePids(), info == null ? null : info.pid(),
                credentials, keys, null,
                "the running platform (data in " + data.root()
                + (info == null ? "" : ", launcher pid " + info.pid()) + ")",
                "mongodb://127.0.0.1:" + mongoPort, adminToken);
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.readString(file).strip() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@code http://127.0.0.1:<port>} (loopback by address, so no name resolution in the measurement). */
    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The CPU time a service's process has used so far, when its pid is known and the OS tells. */
    public Optional<Duration> cpuTime(Service service) {
        Long pid = pids.get(service);
        return pid == null ? Optional.empty()
                : ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
    }

    /**
     * The CPU time the platform's processes (its services' and the store's) have used so far, when all of them are
     * known and the OS tells.
     */
    public Optional<Duration> platformCpuTime() {
        Set<Long> processes = platformProcesses();
        if (processes.isEmpty()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        for (long pid : processes) {
            Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
            if (cpu.isEmpty()) {
                return Optional.empty();
            }
            total = total.plus(cpu.get());
        }
        return Optional.of(total);
    }

    /** What the JIT compilers of the platform's processes have used so far ({@link CompilerCpu}), when known. */
    public Optional<Duration> compilerCpuTime() {
        Set<Long> processes = platformProcesses();
        return processes.isEmpty() ? Optional.empty() : CompilerCpu.of(processes);
    }

    /** The platform's CPU time and its compilers' so far, to tell the compilers' share up to a later reading. */
    CpuReading cpuReading() {
        return new CpuReading(compilerCpuTime(), platformCpuTime());
    }

    /** A reading of {@link #cpuReading()}. */
    record CpuReading(Optional<Duration> compilers, Optional<Duration> platform) {
        /** The compilers' part of the platform's CPU time from this reading to the later one, when known. */
        Optional<Double> compilerShareUntil(CpuReading later) {
            return WarmUp.share(compilers, later.compilers, platform, later.platform);
        }
    }

    /** The pids of the services and the store; empty unless all of them are known. */
    private Set<Long> platformProcesses() {
        if (storePid == null || pids.isEmpty()) {
            return Set.of();
        }
        Set<Long> processes = new TreeSet<>(pids.values());
        processes.add(storePid);
        return processes;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** A token as the gateway forwards it for the workspace's secret key (manage + track). */
    public String serviceToken(Duration ttl) {
        return serviceToken(credentials.workspaceId(), ttl);
    }

    /** The same for another workspace of this platform (one a bench created). */
    public String serviceToken(String workspaceId, Duration ttl) {
        return WorkspaceTokens.sign(keys.getPrivate(), workspaceId, "bench",
                Set.of(WorkspaceToken.MANAGE, WorkspaceToken.TRACK), ttl);
    }

    /** True when the bench started this platform (and {@link #close()} stops it). */
    public boolean temporary() {
        return started != null;
    }

    /**
     * {@code mongodb://127.0.0.1:<port>} of the platform's Mongo wire server: the temporary one's, or for the running
     * platform the port in its runtime file (else {@code CDP_MONGO_PORT}, default 27018). Empty when none runs.
     */
    public Optional<String> mongoConnectionString() {
        return Optional.ofNullable(mongoConnectionString);
    }

    /** The platform's admin token ({@code CDP_ADMIN_TOKEN}, else the data folder's admin-token file), when known. */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    public String description() {
        return description;
    }

    /** Stops the platform if the bench started it. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
