package org.opencdp.launcher.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.DataDir;
import org.opencdp.launcher.Platform;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.RuntimeInfo;
import org.opencdp.launcher.Service;
import org.opencdp.launcher.ServiceProcess;

/**
 * The platform a bench runs against: the one {@code ./cdp up} runs when it answers (its credentials.json and token
 * keys are read from the data folder), else a temporary one started for the bench and stopped afterwards.
 */
public final class BenchPlatform implements AutoCloseable {
    private final Map<Service, Integer> ports;
    private final Map<Service, Long> pids;
    private final Credentials credentials;
    private final KeyPair keys;
    private final Platform started;
    private final String description;

    private BenchPlatform(Map<Service, Integer> ports, Map<Service, Long> pids, Credentials credentials, KeyPair keys,
                          Platform started, String description) {
        this.ports = ports;
        this.pids = pids;
        this.credentials = credentials;
        this.keys = keys;
        this.started = started;
        this.description = description;
    }

    /** Finds the running platform with the needed services, or starts a temporary one with just those services. */
    public static BenchPlatform acquire(BenchContext context, Set<Service> needed) {
        if (!context.args().flag("ephemeral")) {
            BenchPlatform running = running(context, needed);
            if (running != null) {
                return running;
            }
        }
        context.out().println("Starting a temporary platform (" + needed.size() + " services) for the bench...");
        Platform platform = Platform.start(PlatformOptions.ephemeral()
                .services(needed)
                .gatewayRateLimit(PlatformOptions.LOCAL_RATE_LIMIT)
                .progress(line -> context.out().println("  " + line)));
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service s : platform.services()) {
            platform.pid(s).ifPresent(pid -> pids.put(s, pid));
        }
        return new BenchPlatform(platform.ports(), pids, platform.credentials(), platform.tokenKeys(), platform,
                "a temporary platform started for this bench (data in " + platform.dataDir() + ")");
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
        return new BenchPlatform(ports, info == null ? Map.of() : info.servicePids(), credentials, keys, null,
                "the running platform (data in " + data.root()
                + (info == null ? "" : ", launcher pid " + info.pid()) + ")");
    }

    /** {@code http://127.0.0.1:<port>} (loopback by address, so no name resolution in the measurement). */
    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The CPU time a service's process has used so far, when its pid is known and the OS tells. */
    public java.util.Optional<Duration> cpuTime(Service service) {
        Long pid = pids.get(service);
        return pid == null ? java.util.Optional.empty()
                : ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
    }

    public Credentials credentials() {
        return credentials;
    }

    /** A token as the gateway forwards it for the workspace's secret key (manage + track). */
    public String serviceToken(Duration ttl) {
        return WorkspaceTokens.sign(keys.getPrivate(), credentials.workspaceId(), "bench",
                Set.of(WorkspaceToken.MANAGE, WorkspaceToken.TRACK), ttl);
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
