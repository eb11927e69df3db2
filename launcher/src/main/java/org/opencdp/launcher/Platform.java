package org.opencdp.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.opencdp.common.auth.TokenKeys;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.localstores.EmbeddedPostgresStore;
import org.opencdp.localstores.MongoWireStore;

/**
 * The whole platform on one machine: PostgreSQL (embedded), the Mongo wire server (in this JVM) and the five services
 * as child processes, plus the default workspace and its keys.
 *
 * <pre>{@code
 * try (Platform platform = Platform.start(PlatformOptions.ephemeral())) {
 *     String gateway = platform.gatewayUrl();
 *     Credentials keys = platform.credentials();
 *     ...
 * }
 * }</pre>
 *
 * {@link #close()} stops the services (SIGTERM, then kill after a grace period), then Mongo and PostgreSQL. It is
 * idempotent and also runs from a shutdown hook.
 */
public final class Platform implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final PlatformOptions options;
    private final boolean ephemeral;
    private final DataDir dataDir;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final EnumMap<Service, Integer> ports = new EnumMap<>(Service.class);
    private final EnumMap<Service, Map<String, String>> serviceEnvs = new EnumMap<>(Service.class);
    private final EnumSet<Service> services;
    private final Instant startedAt = Instant.now();

    // guarded by this
    private final EnumMap<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private EmbeddedPostgresStore postgres;
    private MongoWireStore mongo;
    private boolean closed;
    private Thread hook;
    private volatile boolean keepDataOnClose;

    private KeyPair tokenKeys;
    private DataDir.AdminToken adminToken;
    private Credentials credentials;
    private boolean credentialsCreated;

    private Platform(PlatformOptions options) {
        this.options = options;
        this.ephemeral = options.isEphemeral();
        this.progress = options.progress();
        this.services = EnumSet.copyOf(options.services());
        Path dir = options.dataDir();
        if (ephemeral) {
            try {
                dir = Files.createTempDirectory("cdp-");
            } catch (IOException e) {
                throw new PlatformException("Cannot create a temporary data folder: " + e.getMessage(), e);
            }
        }
        this.dataDir = new DataDir(dir);
    }

    /**
     * Starts everything and returns when every service answers ready and the default workspace exists.
     *
     * @throws PortInUseException when a configured port is taken (nothing was started)
     * @throws PlatformException when something does not start; what was started is stopped again
     */
    public static Platform start(PlatformOptions options) {
        Platform platform = new Platform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.keepDataOnClose = platform.ephemeral && platform.anythingStarted(); // keep the logs to read
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        long t0 = System.nanoTime();
        checkJars();
        dataDir.create();
        if (!ephemeral) {
            refuseSecondInstance();
        }
        assignPorts();
        tokenKeys = dataDir.loadOrCreateTokenKeys();
        adminToken = dataDir.adminToken(options.adminToken());
        if (options.shutdownHook()) {
            installShutdownHook();
        }
        startStores();
        for (Service service : services) {
            startService(service);
        }
        awaitReady(services, options.readyTimeout());
        if (options.createWorkspace()) {
            ensureCredentials();
        }
        if (!ephemeral) {
            writeRuntimeInfo();
        }
        progress.accept(String.format(Locale.ROOT, "Platform ready in %.1f s.", (System.nanoTime() - t0) / 1e9));
    }

    private void checkJars() {
        List<String> missing = new ArrayList<>();
        for (Service s : services) {
            if (!Files.isRegularFile(s.jar(options.repoDir()))) {
                missing.add(options.repoDir().relativize(s.jar(options.repoDir())).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new PlatformException("Not built yet: " + String.join(", ", missing)
                    + ". Build with ./mvnw -B package -DskipTests (./cdp up builds when needed) in "
                    + options.repoDir() + ".");
        }
    }

    private void refuseSecondInstance() {
        RuntimeInfo.read(dataDir.runtimeFile()).ifPresent(info -> {
            if (info.pid() != ProcessHandle.current().pid() && info.launcherAlive()) {
                throw new PlatformException("The platform is already running from " + dataDir.root() + " (pid "
                        + info.pid() + "): ./cdp status shows it, ./cdp down stops it.");
            }
        });
    }

    private void assignPorts() {
        List<PortCheck.Need> needs = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        java.util.Set<Integer> picked = new java.util.HashSet<>();
        for (Service s : Service.values()) {
            int configured = options.port(s);
            int port = configured;
            while (port == 0 || (configured == 0 && !picked.add(port))) {
                port = PortCheck.freePort(); // the OS may hand out a just-closed port twice
            }
            ports.put(s, port);
            if (configured != 0 && services.contains(s)) {
                needs.add(new PortCheck.Need(port, s.module(), s.portEnv(), s.portFlag()));
            }
        }
        if (options.postgresPort() != 0) {
            needs.add(new PortCheck.Need(options.postgresPort(), "PostgreSQL", PlatformOptions.POSTGRES_PORT_ENV,
                    "postgres-port"));
        }
        if (options.mongoPort() != 0 && !ephemeral) {
            needs.add(new PortCheck.Need(options.mongoPort(), "MongoDB wire server", PlatformOptions.MONGO_PORT_ENV,
                    "mongo-port"));
        }
        for (PortCheck.Need need : needs) {
            String previous = seen.putIfAbsent(need.port(), need.owner());
            if (previous != null) {
                throw new PlatformException("Port " + need.port() + " is configured for both " + previous + " and "
                        + need.owner() + ": change " + need.envVar() + ".");
            }
        }
        List<PortCheck.Need> taken = PortCheck.inUse(needs);
        if (!taken.isEmpty()) {
            throw new PortInUseException(taken);
        }
    }

    private void installShutdownHook() {
        Thread thread = new Thread(this::close, "cdp-shutdown");
        synchronized (this) {
            hook = thread;
        }
        Runtime.getRuntime().addShutdownHook(thread);
    }

    private void startStores() {
        boolean needsPostgres = services.stream().anyMatch(s -> s.postgresDatabase().isPresent());
        boolean needsMongo = services.stream().anyMatch(Service::usesMongo);
        if (needsPostgres) {
            progress.accept(ephemeral ? "Starting PostgreSQL (temporary)..."
                    : "Starting PostgreSQL on port " + options.postgresPort() + " (data in " + dataDir.postgres() + ")...");
            EmbeddedPostgresStore pg;
            try {
                pg = EmbeddedPostgresStore.start(ephemeral ? null : dataDir.postgres(), options.postgresPort());
            } catch (RuntimeException e) {
                throw new PlatformException("PostgreSQL did not start: " + rootMessage(e), e);
            }
            synchronized (this) {
                if (closed) {
                    pg.close();
                    throw new PlatformException("Stopped while starting");
                }
                postgres = pg;
            }
            for (Service s : Service.values()) {
                s.postgresDatabase().ifPresent(pg::ensureDatabase);
            }
        }
        if (needsMongo) {
            MongoWireStore store;
            try {
                store = options.isMongoOnDisk() ? MongoWireStore.persistent(dataDir.mongoFile(), options.mongoPort())
                        : MongoWireStore.inMemory();
            } catch (RuntimeException e) {
                throw new PlatformException("The Mongo wire server did not start"
                        + (ephemeral ? "" : " on port " + options.mongoPort() + " with " + dataDir.mongoFile()) + ": "
                        + rootMessage(e), e);
            }
            synchronized (this) {
                if (closed) {
                    store.close();
                    throw new PlatformException("Stopped while starting");
                }
                mongo = store;
            }
            progress.accept("Mongo wire server on port " + store.port()
                    + (options.isMongoOnDisk() ? " (data in " + dataDir.mongoFile() + ")." : " (in memory)."));
        }
    }

    private Map<String, String> environmentOf(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        if (System.getenv("QUARKUS_HTTP_HOST") == null) {
            env.put("QUARKUS_HTTP_HOST", options.httpHost());
        }
        if (System.getenv("QUARKUS_LOG_CONSOLE_JSON_ENABLED") == null) {
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // readable logs in $CDP_DATA_DIR/logs
        }
        env.put("CDP_TOKEN_PUBLIC_KEY", TokenKeys.toPem(tokenKeys.getPublic()));
        // services call each other directly (outbox deliveries, profile changes) with tokens they sign themselves
        env.put("CDP_TOKEN_PRIVATE_KEY", TokenKeys.toPem(tokenKeys.getPrivate()));
        for (Service target : Service.values()) {
            if (target != Service.GATEWAY) {
                env.put("CDP_SERVICES_" + target.name(), url(target));
            }
        }
        service.postgresDatabase().ifPresent(db -> {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresStore.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        });
        if (service.usesMongo()) {
            if (mongo == null) {
                throw new PlatformException(service.module() + " needs Mongo, which this platform did not start"
                        + " (add the service to PlatformOptions.services)");
            }
            env.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString());
        }
        if (service == Service.GATEWAY) {
            env.put("CDP_ADMIN_TOKEN", adminToken.value());
            Long rateLimit = options.gatewayRateLimit();
            if (rateLimit != null && System.getenv(PlatformOptions.RATE_LIMIT_CAPACITY_ENV) == null
                    && System.getenv(PlatformOptions.RATE_LIMIT_REFILL_ENV) == null) {
                env.put(PlatformOptions.RATE_LIMIT_CAPACITY_ENV, rateLimit.toString());
                env.put(PlatformOptions.RATE_LIMIT_REFILL_ENV, rateLimit.toString());
            }
            for (Service target : Service.values()) {
                if (target != Service.GATEWAY) {
                    env.put("CDP_GATEWAY_SERVICES_" + target.name(), url(target));
                }
            }
        }
        env.putAll(options.serviceEnv(service));
        return env;
    }

    private void startService(Service service) {
        Map<String, String> env = serviceEnvs.computeIfAbsent(service, this::environmentOf);
        progress.accept("Starting " + service.module() + " on port " + ports.get(service) + "...");
        ServiceProcess process = ServiceProcess.start(service, service.jar(options.repoDir()), ports.get(service),
                options.javaOptions(service), env, dataDir.log(service), dataDir.root());
        synchronized (this) {
            if (closed) {
                process.requestStop();
                process.awaitStop(System.nanoTime() + options.stopGrace().toNanos());
                throw new PlatformException("Stopped while starting");
            }
            processes.put(service, process);
        }
    }

    private void awaitReady(Set<Service> which, Duration timeout) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        EnumSet<Service> pending = EnumSet.copyOf(which);
        while (!pending.isEmpty()) {
            for (Service s : EnumSet.copyOf(pending)) {
                ServiceProcess process;
                synchronized (this) {
                    if (closed) {
                        throw new PlatformException("Stopped while starting");
                    }
                    process = processes.get(s);
                }
                if (!process.isAlive()) {
                    throw new PlatformException(s.module() + " exited with code " + process.exitValue()
                            + " while starting." + System.lineSeparator() + process.failureReport());
                }
                if (process.isReady(http)) {
                    pending.remove(s);
                    progress.accept(String.format(Locale.ROOT, "  %s ready on %s (%.1f s)", s.module(), url(s),
                            (System.nanoTime() - t0) / 1e9));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Service first = pending.iterator().next();
                ServiceProcess process;
                synchronized (this) {
                    process = processes.get(first);
                }
                throw new PlatformException(first.module() + " did not become ready (GET " + url(first)
                        + "/q/health/ready) within " + timeout.toSeconds() + " s." + System.lineSeparator()
                        + process.failureReport());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void ensureCredentials() {
        GatewayAdmin admin = new GatewayAdmin(http, gatewayUrl(), adminToken.value());
        if (!ephemeral) {
            Credentials existing = Credentials.read(dataDir.credentialsFile()).orElse(null);
            if (existing != null) {
                int status = admin.workspaceStatus(existing);
                if (status == 200) {
                    credentials = existing;
                    return;
                }
                progress.accept("The workspace in " + dataDir.credentialsFile() + " answers " + status
                        + "; creating a new default workspace.");
            }
        }
        credentials = admin.createWorkspaceWithKeys("default");
        credentialsCreated = true;
        credentials.write(dataDir.credentialsFile());
    }

    private void writeRuntimeInfo() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        synchronized (this) {
            processes.forEach((s, p) -> pids.put(s, p.pid()));
        }
        Map<Service, Integer> running = new EnumMap<>(Service.class);
        for (Service s : services) {
            running.put(s, ports.get(s));
        }
        new RuntimeInfo(ProcessHandle.current().pid(), startedAt, running, pids, postgresPort(), mongoPort())
                .write(dataDir.runtimeFile());
        try {
            Files.writeString(dataDir.pidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new PlatformException("Cannot write " + dataDir.pidFile() + ": " + e.getMessage(), e);
        }
    }

    private synchronized boolean anythingStarted() {
        return !processes.isEmpty();
    }

    /** True once {@link #close()} has begun. */
    public synchronized boolean isClosed() {
        return closed;
    }

    // ---- control of single services (for resilience tests)

    /** Stops one service (SIGTERM, then kill after the grace period). */
    public void stopService(Service service) {
        ServiceProcess process;
        synchronized (this) {
            process = processes.remove(service);
        }
        if (process != null) {
            process.requestStop();
            process.awaitStop(System.nanoTime() + options.stopGrace().toNanos());
        }
    }

    /** Starts a stopped service again on the same port with the same settings and waits until it is ready. */
    public void startService(Service service, Duration readyTimeout) {
        synchronized (this) {
            if (processes.containsKey(service) && processes.get(service).isAlive()) {
                return;
            }
        }
        services.add(service);
        startService(service);
        awaitReady(EnumSet.of(service), readyTimeout);
    }

    /** The process id of a running service. */
    public synchronized java.util.OptionalLong pid(Service service) {
        ServiceProcess process = processes.get(service);
        return process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    public synchronized boolean isRunning(Service service) {
        ServiceProcess process = processes.get(service);
        return process != null && process.isAlive();
    }

    // ---- what the platform offers

    /** {@code http://localhost:<gateway port>} */
    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    /** {@code http://localhost:<gateway port>/q/swagger-ui} */
    public String swaggerUiUrl() {
        return gatewayUrl() + "/q/swagger-ui";
    }

    /** {@code http://localhost:<port>} of a service (to call it directly with {@link #serviceToken}). */
    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    public int port(Service service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalStateException("No port assigned to " + service);
        }
        return port;
    }

    public Map<Service, Integer> ports() {
        return java.util.Collections.unmodifiableMap(new EnumMap<>(ports));
    }

    /** The services this platform runs. */
    public Set<Service> services() {
        return EnumSet.copyOf(services);
    }

    /** The default workspace and its write and secret keys. */
    public Credentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("No workspace was created (PlatformOptions.createWorkspace(false))");
        }
        return credentials;
    }

    /** True when this start created the workspace (false when it reused the one in credentials.json). */
    public boolean credentialsCreated() {
        return credentialsCreated;
    }

    /** The gateway admin token ({@code Authorization: Bearer <token>} on {@code /api/workspaces}). */
    public String adminToken() {
        return adminToken.value();
    }

    public DataDir.TokenSource adminTokenSource() {
        return adminToken.source();
    }

    /** The key pair the gateway signs workspace tokens with (the services trust its public key). */
    public KeyPair tokenKeys() {
        return tokenKeys;
    }

    /**
     * A workspace token (JWT, without "Bearer ") as the gateway would forward it, to call a service directly.
     */
    public String serviceToken(String workspaceId, Set<String> scopes, Duration ttl) {
        return WorkspaceTokens.sign(tokenKeys.getPrivate(), workspaceId, "launcher", scopes, ttl);
    }

    /** A token with the scopes of a secret key (manage + track), valid for 10 minutes. */
    public String serviceToken(String workspaceId) {
        return serviceToken(workspaceId, Set.of(WorkspaceToken.MANAGE, WorkspaceToken.TRACK), Duration.ofMinutes(10));
    }

    public Path dataDir() {
        return dataDir.root();
    }

    public DataDir layout() {
        return dataDir;
    }

    public Path logFile(Service service) {
        return dataDir.log(service);
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    /** 0 when no service needs PostgreSQL. */
    public synchronized int postgresPort() {
        return postgres == null ? 0 : postgres.port();
    }

    public synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres.jdbcUrl(database);
    }

    /** 0 when no service needs Mongo. */
    public synchronized int mongoPort() {
        return mongo == null ? 0 : mongo.port();
    }

    public synchronized String mongoConnectionString() {
        if (mongo == null) {
            throw new IllegalStateException("The Mongo wire server is not running");
        }
        return mongo.connectionString();
    }

    /** Stops the services, then Mongo and PostgreSQL. Idempotent. */
    @Override
    public void close() {
        List<ServiceProcess> toStop;
        MongoWireStore mongoToStop;
        EmbeddedPostgresStore postgresToStop;
        Thread hookToRemove;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(processes.values());
            processes.clear();
            mongoToStop = mongo;
            postgresToStop = postgres;
            hookToRemove = hook;
        }
        if (hookToRemove != null && Thread.currentThread() != hookToRemove) {
            try {
                Runtime.getRuntime().removeShutdownHook(hookToRemove);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        if (!toStop.isEmpty()) {
            progress.accept("Stopping " + toStop.size() + " service" + (toStop.size() == 1 ? "" : "s") + "...");
        }
        toStop.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + options.stopGrace().toNanos();
        for (ServiceProcess process : toStop) {
            if (!process.awaitStop(deadline)) {
                progress.accept("  " + process.service().module() + " did not stop within "
                        + options.stopGrace().toSeconds() + " s and was killed.");
            }
        }
        if (mongoToStop != null) {
            try {
                mongoToStop.close();
            } catch (RuntimeException e) {
                progress.accept("Mongo wire server did not close cleanly: " + rootMessage(e));
            }
        }
        if (postgresToStop != null) {
            try {
                postgresToStop.close();
            } catch (RuntimeException e) {
                progress.accept("PostgreSQL did not stop cleanly: " + rootMessage(e));
            }
        }
        if (!ephemeral) {
            deleteOwnRuntimeFiles();
        } else if (!options.keepData() && !keepDataOnClose) {
            deleteRecursively(dataDir.root());
        } else {
            progress.accept("Kept " + dataDir.root() + " (logs).");
        }
        if (!toStop.isEmpty() || postgresToStop != null || mongoToStop != null) {
            progress.accept("Stopped.");
        }
    }

    private void deleteOwnRuntimeFiles() {
        long self = ProcessHandle.current().pid();
        try {
            if (RuntimeInfo.read(dataDir.runtimeFile()).map(info -> info.pid() == self).orElse(false)) {
                Files.deleteIfExists(dataDir.runtimeFile());
            }
            if (readPid(dataDir.pidFile()) == self) {
                Files.deleteIfExists(dataDir.pidFile());
            }
        } catch (IOException e) {
            // leave them; the next start sees that the pid is gone
        }
    }

    /** The pid on the first line of a file (PostgreSQL's postmaster.pid), or -1. */
    static long readFirstLinePid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The pid in a pid file, or -1. */
    static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a test for
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + " (" + message + ")";
    }
}
