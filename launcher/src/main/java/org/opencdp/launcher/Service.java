package org.opencdp.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The five services of the platform, with their module, default port, store and the env var that moves the port. */
public enum Service {
    GATEWAY("gateway", 8080, "cdp_gateway"),
    CRM("crm-service", 8081, "cdp_crm"),
    DMP("dmp-service", 8082, null),
    PROFILE("profile-service", 8083, null),
    SEGMENT("segment-service", 8084, "cdp_segment");

    private final String module;
    private final int defaultPort;
    private final String postgresDatabase;

    Service(String module, int defaultPort, String postgresDatabase) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.postgresDatabase = postgresDatabase;
    }

    /** Maven module directory, e.g. {@code crm-service}. */
    public String module() {
        return module;
    }

    /** Short name used in flags and messages: gateway, crm, dmp, profile, segment. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code CDP_GATEWAY_PORT}, {@code CDP_CRM_PORT}, ... */
    public String portEnv() {
        return "CDP_" + name() + "_PORT";
    }

    /** {@code --gateway-port}, {@code --crm-port}, ... */
    public String portFlag() {
        return shortName() + "-port";
    }

    /** The PostgreSQL database of the service, empty for the Mongo-backed ones. */
    public Optional<String> postgresDatabase() {
        return Optional.ofNullable(postgresDatabase);
    }

    public boolean usesMongo() {
        return postgresDatabase == null;
    }

    /** {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar} */
    public Path jar(Path repo) {
        return repo.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public static Optional<Service> byShortName(String name) {
        for (Service s : values()) {
            if (s.shortName().equalsIgnoreCase(name) || s.module.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
