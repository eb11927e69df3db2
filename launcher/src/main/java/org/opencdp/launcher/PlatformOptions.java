package org.opencdp.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to start the platform. Two starting points:
 * <ul>
 *   <li>{@link #local(Map)}: the {@code ./cdp up} run, data kept in {@code CDP_DATA_DIR} (default {@code .cdp/} in the
 *       repository), fixed ports (8080-8084, PostgreSQL 5433, Mongo 27018) that env vars or flags can move;</li>
 *   <li>{@link #ephemeral()}: for tests and benchmarks, a temporary data folder removed on close, free ports picked at
 *       random, in-memory Mongo, a generated admin token.</li>
 * </ul>
 * Then adjust with the fluent setters.
 */
public final class PlatformOptions {
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    public static final int DEFAULT_MONGO_PORT = 27018;
    public static final String DATA_DIR_ENV = "CDP_DATA_DIR";
    public static final String POSTGRES_PORT_ENV = "CDP_POSTGRES_PORT";
    public static final String MONGO_PORT_ENV = "CDP_MONGO_PORT";
    public static final String ADMIN_TOKEN_ENV = "CDP_ADMIN_TOKEN";
    public static final String JAVA_OPTS_ENV = "CDP_SERVICE_JAVA_OPTS";
    public static final String READY_TIMEOUT_ENV = "CDP_READY_TIMEOUT";
    public static final String HTTP_HOST_ENV = "CDP_HTTP_HOST";
    /** The gateway's own settings of its per-key token bucket (cdp.gateway.rate-limit.*). */
    public static final String RATE_LIMIT_CAPACITY_ENV = "CDP_GATEWAY_RATE_LIMIT_CAPACITY";
    public static final String RATE_LIMIT_REFILL_ENV = "CDP_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND";
    /**
     * The per-key rate limit of a local run: high, so that benchmarks and load tests measure the gateway rather than
     * the limiter (the gateway's production default is 1000 requests/s per key). Set the two env vars above to test
     * limiting locally.
     */
    public static final long LOCAL_RATE_LIMIT = 1_000_000;
    /** JVM options of every service, after its heap ({@link #heapOptions}), unless CDP_SERVICE_JAVA_OPTS is set. */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private Path repoDir;
    private Path dataDir;
    private boolean ephemeral;
    private final EnumMap<Service, Integer> ports = new EnumMap<>(Service.class);
    private int postgresPort;
    private int mongoPort;
    private String adminToken;
    private EnumSet<Service> services = EnumSet.allOf(Service.class);
    private Duration readyTimeout = Duration.ofSeconds(120);
    private Duration stopGrace = Duration.ofSeconds(10);
    /** Null: {@link #heapOptions} and {@link #DEFAULT_JAVA_OPTIONS}. */
    private List<String> javaOptions;
    private String httpHost = "127.0.0.1";
    private Long gatewayRateLimit;
    private final Map<String, String> serviceEnv = new LinkedHashMap<>();
    private final EnumMap<Service, Map<String, String>> perServiceEnv = new EnumMap<>(Service.class);
    private boolean createWorkspace = true;
    private boolean shutdownHook = true;
    private boolean keepData;
    private boolean mongoOnDisk;
    private Consumer<String> progress = System.out::println;

    private PlatformOptions() {}

    /** Temporary data, random free ports, in-memory Mongo, generated admin token: for tests. */
    public static PlatformOptions ephemeral() {
        PlatformOptions options = new PlatformOptions();
        options.repoDir = Repo.locate();
        options.ephemeral = true;
        for (Service s : Service.values()) {
            options.ports.put(s, 0);
        }
        options.postgresPort = 0;
        options.mongoPort = 0;
        return options;
    }

    /** The {@code ./cdp up} defaults, read from the process environment. */
    public static PlatformOptions local() {
        return local(System.getenv());
    }

    /** The {@code ./cdp up} defaults, read from the given environment (CDP_DATA_DIR, CDP_*_PORT, ...). */
    public static PlatformOptions local(Map<String, String> env) {
        PlatformOptions options = new PlatformOptions();
        options.repoDir = Repo.locate();
        String dir = blankToNull(env.get(DATA_DIR_ENV));
        options.dataDir = dir == null ? options.repoDir.resolve(".cdp") : Path.of(dir).toAbsolutePath().normalize();
        for (Service s : Service.values()) {
            options.ports.put(s, port(env, s.portEnv(), s.defaultPort()));
        }
        options.postgresPort = port(env, POSTGRES_PORT_ENV, DEFAULT_POSTGRES_PORT);
        options.mongoPort = port(env, MONGO_PORT_ENV, DEFAULT_MONGO_PORT);
        options.adminToken = blankToNull(env.get(ADMIN_TOKEN_ENV));
        String javaOpts = blankToNull(env.get(JAVA_OPTS_ENV));
        if (javaOpts != null) {
            options.javaOptions = List.of(javaOpts.trim().split("\\s+"));
        }
        String timeout = blankToNull(env.get(READY_TIMEOUT_ENV));
        if (timeout != null) {
            options.readyTimeout = Duration.ofSeconds(positiveInt(READY_TIMEOUT_ENV, timeout));
        }
        String host = blankToNull(env.get(HTTP_HOST_ENV));
        if (host != null) {
            options.httpHost = host;
        }
        options.gatewayRateLimit = LOCAL_RATE_LIMIT;
        return options;
    }

    static int port(Map<String, String> env, String name, int defaultPort) {
        String value = blankToNull(env.get(name));
        return value == null ? defaultPort : parsePort(name, value);
    }

    /** A port number 1-65535 (0 = pick a free one), or a {@link PlatformException} naming the setting. */
    public static int parsePort(String setting, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PlatformException(setting + "=" + value + " is not a port number (1-65535, or 0 for any free port)");
    }

    static int positiveInt(String setting, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PlatformException(setting + "=" + value + " is not a positive whole number");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- fluent setters

    /** The repository root holding {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public PlatformOptions repoDir(Path repoDir) {
        this.repoDir = repoDir.toAbsolutePath().normalize();
        return this;
    }

    /** Keep the data here (turns an ephemeral run into a persistent one). */
    public PlatformOptions dataDir(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ephemeral = false;
        return this;
    }

    /** The port of a service; 0 picks a free one. */
    public PlatformOptions port(Service service, int port) {
        ports.put(service, port);
        return this;
    }

    public PlatformOptions postgresPort(int port) {
        this.postgresPort = port;
        return this;
    }

    public PlatformOptions mongoPort(int port) {
        this.mongoPort = port;
        return this;
    }

    /** The admin token; without one a token is generated (and kept in the data folder). */
    public PlatformOptions adminToken(String adminToken) {
        this.adminToken = adminToken;
        return this;
    }

    /** Start only these services (the gateway is always started; the others' URLs still point at their ports). */
    public PlatformOptions services(Service... services) {
        return services(Arrays.asList(services));
    }

    public PlatformOptions services(Collection<Service> services) {
        EnumSet<Service> set = EnumSet.of(Service.GATEWAY);
        set.addAll(services);
        this.services = set;
        return this;
    }

    public PlatformOptions readyTimeout(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        return this;
    }

    /** How long a service gets after SIGTERM before it is killed. */
    public PlatformOptions stopGrace(Duration stopGrace) {
        this.stopGrace = stopGrace;
        return this;
    }

    /** JVM options of every service, instead of the defaults ({@link #javaOptions(Service)}). */
    public PlatformOptions javaOptions(List<String> javaOptions) {
        this.javaOptions = List.copyOf(javaOptions);
        return this;
    }

    /** The address the services listen on (default 127.0.0.1; 0.0.0.0 to reach them from other machines). */
    public PlatformOptions httpHost(String httpHost) {
        this.httpHost = httpHost;
        return this;
    }

    /**
     * Requests per second (and burst) each API key gets at the gateway; {@code null} keeps the gateway's default.
     * Ignored when CDP_GATEWAY_RATE_LIMIT_CAPACITY or _REFILL_PER_SECOND is set in the environment.
     */
    public PlatformOptions gatewayRateLimit(Long perSecond) {
        this.gatewayRateLimit = perSecond;
        return this;
    }

    /** An extra environment variable for every service (e.g. a Quarkus property as QUARKUS_...). */
    public PlatformOptions serviceEnv(String name, String value) {
        serviceEnv.put(name, value);
        return this;
    }

    /** An extra environment variable for one service. */
    public PlatformOptions serviceEnv(Service service, String name, String value) {
        perServiceEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Create (or, in a kept data folder, reuse) the default workspace with a write and a secret key (default on). */
    public PlatformOptions createWorkspace(boolean createWorkspace) {
        this.createWorkspace = createWorkspace;
        return this;
    }

    /** Stop everything when the JVM exits (default on). */
    public PlatformOptions shutdownHook(boolean shutdownHook) {
        this.shutdownHook = shutdownHook;
        return this;
    }

    /** Keep an ephemeral run's temporary folder (logs) after close. */
    public PlatformOptions keepData(boolean keepData) {
        this.keepData = keepData;
        return this;
    }

    /** Where progress lines go (default System.out). */
    public PlatformOptions progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    // ---- getters

    public Path repoDir() {
        return repoDir;
    }

    /** The data folder; {@code null} for an ephemeral run until it starts. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    /**
     * A temporary platform whose Mongo wire server keeps its data in an H2 file of the temporary folder, as
     * {@code ./cdp up} does, instead of in memory: for benchmarks, so that they measure the store users run.
     */
    public PlatformOptions mongoOnDisk() {
        this.mongoOnDisk = true;
        return this;
    }

    public boolean isMongoOnDisk() {
        return mongoOnDisk || !ephemeral;
    }

    public int port(Service service) {
        return ports.getOrDefault(service, 0);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int mongoPort() {
        return mongoPort;
    }

    public String adminToken() {
        return adminToken;
    }

    public Set<Service> services() {
        return EnumSet.copyOf(services);
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public Duration stopGrace() {
        return stopGrace;
    }

    /** The JVM options of {@code service}: those set for every service, else its heap and the defaults. */
    public List<String> javaOptions(Service service) {
        if (javaOptions != null) {
            return new ArrayList<>(javaOptions);
        }
        List<String> options = new ArrayList<>(heapOptions(service));
        options.addAll(DEFAULT_JAVA_OPTIONS);
        return options;
    }

    /**
     * A small heap, but with a young generation of 200 MB for the two services that ingest events (profile, dmp).
     * Under the ingest bench, profile-service spent a third of its CPU collecting garbage with the 20 MB young
     * generation of a 64 MB heap, and 2% with this one.
     */
    public static List<String> heapOptions(Service service) {
        return service == Service.PROFILE || service == Service.DMP
                ? List.of("-Xms320m", "-Xmx512m", "-Xmn200m") : List.of("-Xms64m", "-Xmx256m");
    }

    public String httpHost() {
        return httpHost;
    }

    public Long gatewayRateLimit() {
        return gatewayRateLimit;
    }

    public Map<String, String> serviceEnv(Service service) {
        Map<String, String> env = new LinkedHashMap<>(serviceEnv);
        env.putAll(perServiceEnv.getOrDefault(service, Map.of()));
        return env;
    }

    public boolean createWorkspace() {
        return createWorkspace;
    }

    public boolean shutdownHook() {
        return shutdownHook;
    }

    public boolean keepData() {
        return keepData;
    }

    public Consumer<String> progress() {
        return progress;
    }
}
