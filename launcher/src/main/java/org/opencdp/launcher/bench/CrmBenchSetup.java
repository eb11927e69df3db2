package org.opencdp.launcher.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.opencdp.launcher.Credentials;
import org.opencdp.launcher.DataDir;
import org.opencdp.launcher.GatewayAdmin;
import org.opencdp.launcher.Platform;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.RuntimeInfo;
import org.opencdp.launcher.Service;

/**
 * Where the CRM bench runs: a temporary platform (gateway + crm-service) started for it, or the one of
 * {@code ./cdp up}, where a new workspace is created so that the 100,000 bench contacts stay out of the default one.
 * The bench also needs the crm database's JDBC URL, because it loads its data directly.
 */
record CrmBenchSetup(String gatewayUrl, Credentials credentials, String jdbcUrl, String description,
                     AutoCloseable closer) implements AutoCloseable {

    static CrmBenchSetup acquire(BenchContext context) throws Exception {
        if (!context.args().flag("ephemeral")) {
            Optional<CrmBenchSetup> running = running(context);
            if (running.isPresent()) {
                return running.get();
            }
        }
        context.out().println("Starting a temporary platform (gateway, crm-service) for the bench...");
        Platform platform = Platform.start(PlatformOptions.ephemeral()
                .services(EnumSet.of(Service.GATEWAY, Service.CRM))
                .gatewayRateLimit(PlatformOptions.LOCAL_RATE_LIMIT)
                .progress(line -> context.out().println("  " + line)));
        return new CrmBenchSetup(platform.gatewayUrl(), platform.credentials(), platform.jdbcUrl("cdp_crm"),
                "a temporary platform started for this bench (data in " + platform.dataDir() + ")", platform);
    }

    private static Optional<CrmBenchSetup> running(BenchContext context) throws Exception {
        PlatformOptions local = PlatformOptions.local(context.env());
        Path dir = context.args().option("data-dir").map(Path::of).orElse(local.dataDir());
        DataDir data = new DataDir(dir);
        RuntimeInfo info = RuntimeInfo.read(data.runtimeFile()).filter(RuntimeInfo::launcherAlive).orElse(null);
        if (info == null || info.port(Service.GATEWAY).isEmpty() || info.port(Service.CRM).isEmpty()) {
            return Optional.empty();
        }
        String token = Optional.ofNullable(local.adminToken()).orElseGet(() -> read(data.adminTokenFile()));
        if (token == null) {
            context.out().println("The platform in " + dir + " runs but its admin token is unknown (set"
                    + " CDP_ADMIN_TOKEN); using a temporary platform instead.");
            return Optional.empty();
        }
        String gateway = "http://127.0.0.1:" + info.port(Service.GATEWAY).get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Credentials credentials = new GatewayAdmin(http, gateway, token)
                .createWorkspaceWithKeys("crm-bench-" + Instant.now().getEpochSecond());
        return Optional.of(new CrmBenchSetup(gateway, credentials,
                "jdbc:postgresql://localhost:" + info.postgresPort() + "/cdp_crm",
                "the running platform (data in " + dir + "), in a new workspace " + credentials.workspaceId(),
                () -> { }));
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
