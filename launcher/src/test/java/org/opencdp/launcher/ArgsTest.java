package org.opencdp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> VALUED = Set.of("duration", "gateway-port");
    private static final Set<String> SWITCHES = Set.of("detach", "d");

    @Test
    void parsesBothOptionFormsSwitchesAndPositionals() {
        Args args = Args.parse(List.of("gateway", "--duration", "5", "--gateway-port=9090", "-d", "extra"),
                VALUED, SWITCHES);
        assertEquals(List.of("gateway", "extra"), args.positionals());
        assertEquals(Optional.of("5"), args.option("duration"));
        assertEquals(Optional.of("9090"), args.option("gateway-port"));
        assertTrue(args.flag("d"));
        assertFalse(args.flag("detach"));
        assertEquals(5, args.positiveInt("duration", Map.of(), "X", 1));
    }

    @Test
    void optionBeatsEnvBeatsDefault() {
        Args none = Args.parse(List.of(), VALUED, SWITCHES);
        assertEquals(7, none.positiveInt("duration", Map.of(), "CDP_BENCH_DURATION", 7));
        assertEquals(3, none.positiveInt("duration", Map.of("CDP_BENCH_DURATION", "3"), "CDP_BENCH_DURATION", 7));
        Args given = Args.parse(List.of("--duration=2"), VALUED, SWITCHES);
        assertEquals(2, given.positiveInt("duration", Map.of("CDP_BENCH_DURATION", "3"), "CDP_BENCH_DURATION", 7));
    }

    @Test
    void wrongArgumentsSayWhatIsExpected() {
        Args.UsageException unknown = assertThrows(Args.UsageException.class,
                () -> Args.parse(List.of("--durations", "5"), VALUED, SWITCHES));
        assertEquals("Unknown option --durations. Options: --d, --detach, --duration, --gateway-port.",
                unknown.getMessage());
        Args.UsageException missing = assertThrows(Args.UsageException.class,
                () -> Args.parse(List.of("--duration"), VALUED, SWITCHES));
        assertEquals("Option --duration needs a value.", missing.getMessage());
        Args.UsageException notANumber = assertThrows(Args.UsageException.class,
                () -> Args.parse(List.of("--duration", "x"), VALUED, SWITCHES).positiveInt("duration", Map.of(), null, 1));
        assertEquals("--duration=x is not a positive whole number.", notANumber.getMessage());
        assertThrows(Args.UsageException.class, () -> Cdp.parseUp(List.of("now")));
    }

    @Test
    void localOptionsComeFromTheEnvironment() {
        PlatformOptions options = PlatformOptions.local(Map.of("CDP_DATA_DIR", "/tmp/cdp-data", "CDP_GATEWAY_PORT",
                "9080", "CDP_POSTGRES_PORT", "6543", "CDP_ADMIN_TOKEN", "tok", "CDP_SERVICE_JAVA_OPTS", "-Xmx128m -Dx=y",
                "CDP_READY_TIMEOUT", "30"));
        assertEquals(Path.of("/tmp/cdp-data"), options.dataDir());
        assertFalse(options.isEphemeral());
        assertEquals(9080, options.port(Service.GATEWAY));
        assertEquals(8081, options.port(Service.CRM));
        assertEquals(6543, options.postgresPort());
        assertEquals(PlatformOptions.DEFAULT_MONGO_PORT, options.mongoPort());
        assertEquals("tok", options.adminToken());
        assertEquals(List.of("-Xmx128m", "-Dx=y"), options.javaOptions(Service.PROFILE));
        assertEquals(List.of("-Xmx128m", "-Dx=y"), options.javaOptions(Service.GATEWAY));
        assertEquals(Duration.ofSeconds(30), options.readyTimeout());
    }

    @Test
    void theServicesThatIngestEventsGetALargeYoungGeneration() {
        PlatformOptions options = PlatformOptions.local(Map.of());
        for (Service service : List.of(Service.PROFILE, Service.DMP)) {
            assertEquals(List.of("-Xms320m", "-Xmx512m", "-Xmn200m", "-XX:+UseSerialGC",
                    "-XX:+ExitOnOutOfMemoryError"), options.javaOptions(service));
        }
        assertEquals(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                options.javaOptions(Service.GATEWAY));
    }

    @Test
    void theDefaultDataDirIsDotCdpInTheRepository() {
        PlatformOptions options = PlatformOptions.local(Map.of());
        assertEquals(options.repoDir().resolve(".cdp"), options.dataDir());
        assertEquals(Set.of(Service.values()), options.services());
        assertEquals(Set.of(Service.GATEWAY, Service.DMP),
                PlatformOptions.ephemeral().services(Service.DMP).services());
    }

    @Test
    void aBadPortSettingIsNamed() {
        PlatformException e = assertThrows(PlatformException.class,
                () -> PlatformOptions.local(Map.of("CDP_DMP_PORT", "80800")));
        assertEquals("CDP_DMP_PORT=80800 is not a port number (1-65535, or 0 for any free port)", e.getMessage());
    }

    private static String[] run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cdp(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void withoutArgumentsCdpPrintsItsCommands() {
        String[] result = run(List.of(), Map.of());
        assertEquals("0", result[0]);
        for (String command : List.of("up", "down", "status", "bench", "demo", "CDP_GATEWAY_PORT")) {
            assertTrue(result[1].contains(command), command);
        }
    }

    @Test
    void unknownBenchesListTheAvailableOnes() {
        String[] result = run(List.of("bench", "nope"), Map.of());
        assertEquals("1", result[0]);
        assertEquals("cdp: unknown bench 'nope'. Available: gateway, dmp, crm, ingest.", result[2].trim());
        String[] list = run(List.of("bench"), Map.of());
        for (String bench : List.of("gateway", "crm", "ingest", "dmp")) {
            assertTrue(list[1].contains(bench), list[1]);
        }
        String[] help = run(List.of("bench", "gateway", "--help"), Map.of());
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("--connections"), help[1]);
        String[] badOption = run(List.of("bench", "gateway", "--speed", "3"), Map.of());
        assertEquals("1", badOption[0]);
        assertTrue(badOption[2].startsWith("cdp: Unknown option --speed."), badOption[2]);
    }

    @Test
    void demoIsNotFaked() {
        String[] result = run(List.of("demo", "--help"), Map.of());
        assertEquals("0", result[0]);
        assertTrue(result[1].contains("Order Completed"), result[1]);
    }

    @Test
    void statusAndDownOfAStoppedPlatform(@org.junit.jupiter.api.io.TempDir Path dir) {
        Map<String, String> env = Map.of("CDP_DATA_DIR", dir.toString());
        String[] status = run(List.of("status"), env);
        assertEquals("1", status[0]);
        assertTrue(status[1].startsWith("OpenCDP is not running"), status[1]);
        String[] down = run(List.of("down"), env);
        assertEquals("0", down[0]);
        assertTrue(down[1].startsWith("OpenCDP is not running"), down[1]);
    }
}
