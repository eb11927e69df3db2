package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencdp.launcher.Args;

class GatewayBenchTest {
    private static final GatewayBench.Settings SETTINGS = new GatewayBench.Settings(8, 8, 3, 32, 1000,
            Endpoint.DMP_SETTINGS);

    private static String report(GatewayBench.Summary direct, GatewayBench.Summary gateway, boolean[] met) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        met[0] = GatewayBench.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), SETTINGS, direct, gateway);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void machineReadableLinesCarryTheFiguresAndTheVerdict() {
        boolean[] met = new boolean[1];
        String out = report(new GatewayBench.Summary(10000, 0.400, 1.2, 3.1, 6.0),
                new GatewayBench.Summary(9000, 0.900, 2.0, 3.5, 7.5), met);
        assertTrue(met[0]);
        assertTrue(out.contains("bench=gateway key=throughput direct=10000.0 gateway=9000.0 ratio=0.900 target=0.85"
                + " pass=true"), out);
        assertTrue(out.contains("bench=gateway key=p50_ms direct=0.400 gateway=0.900 delta_ms=0.500 target=1.0"
                + " pass=true"), out);
        assertTrue(out.contains("bench=gateway key=p99_ms direct=1.200 gateway=2.000 delta_ms=0.800"), out);
        assertTrue(out.contains("bench=gateway key=loaded_p50_ms direct=3.100 gateway=3.500 delta_ms=0.400"), out);
        assertTrue(out.contains("bench=gateway key=loaded_p99_ms direct=6.000 gateway=7.500 delta_ms=1.500"), out);
        assertFalse(out.contains("MISSED"), out);
    }

    @Test
    void missedTargetsAreMarked() {
        boolean[] met = new boolean[1];
        String out = report(new GatewayBench.Summary(10000, 0.4, 1, 3, 6),
                new GatewayBench.Summary(8000, 1.6, 3, 4, 8), met);
        assertFalse(met[0]);
        assertTrue(out.contains("ratio=0.800 target=0.85 pass=false"), out);
        assertTrue(out.contains("delta_ms=1.200 target=1.0 pass=false"), out);
        assertEquals(2, out.lines().filter(l -> l.contains("MISSED")).count(), out);
    }

    @Test
    void cpuPerRequestIsTheMedianOfTheRounds() {
        GatewayBench.Cpu before = new GatewayBench.Cpu(1_000_000_000, 2_000_000_000);
        GatewayBench.Cpu after = new GatewayBench.Cpu(1_050_000_000, 2_100_000_000);
        assertEquals(new GatewayBench.Cpu(50, 100), after.perRequest(before, 1000).orElseThrow());
        assertTrue(after.perRequest(new GatewayBench.Cpu(Double.NaN, 0), 1000).isEmpty());
        assertTrue(after.perRequest(before, 0).isEmpty());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GatewayBench.reportCpu(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                List.of(new GatewayBench.Cpu(0, 90), new GatewayBench.Cpu(0, 100), new GatewayBench.Cpu(0, 110)),
                List.of(new GatewayBench.Cpu(0, 95), new GatewayBench.Cpu(0, 105), new GatewayBench.Cpu(0, 99)),
                List.of(new GatewayBench.Cpu(70, 100), new GatewayBench.Cpu(80, 100), new GatewayBench.Cpu(90, 120)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("bench=gateway key=cpu_us_per_request direct_service=100.0 relay_service=99.0"
                + " gateway_gateway=80.0 gateway_service=100.0"), out);
        assertTrue(out.contains("throughput ratio of about 0.56"), out);
    }

    @Test
    void theRelayIsReportedAsTheFloorOfAnyProxy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GatewayBench.reportRelay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new GatewayBench.Summary(10000, 0.400, 1, 3, 6), new GatewayBench.Summary(8000, 0.450, 1, 3, 6),
                new GatewayBench.Summary(6000, 0.500, 1, 3, 6));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("bench=gateway key=relay_floor direct=10000.0 relay=8000.0 ratio=0.800 gateway=6000.0"
                + " gateway_vs_relay=0.750 p50_delta_ms=0.050"), out);
        assertTrue(out.contains("8,000 req/s, 0.800x direct, p50 +0.050 ms"), out);
    }

    @Test
    void settingsComeFromFlagsAndEnvAndAreBounded() {
        Args args = Args.parse(List.of("--rounds", "5"), new GatewayBench().options(), Set.of());
        GatewayBench.Settings s = GatewayBench.Settings.from(args, Map.of("CDP_BENCH_CONNECTIONS", "16"));
        assertEquals(new GatewayBench.Settings(8, 12, 5, 16, 1000, Endpoint.DMP_SETTINGS), s);
        Args crm = Args.parse(List.of("--endpoint", "crm-deal-reasons"), new GatewayBench().options(), Set.of());
        assertEquals(Endpoint.CRM_DEAL_REASONS, GatewayBench.Settings.from(crm, Map.of()).endpoint());
        Args unknown = Args.parse(List.of("--endpoint", "nope"), new GatewayBench().options(), Set.of());
        assertThrows(Args.UsageException.class, () -> GatewayBench.Settings.from(unknown, Map.of()));
        Args tooLong = Args.parse(List.of("--rounds", "100", "--duration", "60"), new GatewayBench().options(),
                Set.of());
        assertThrows(Args.UsageException.class, () -> GatewayBench.Settings.from(tooLong, Map.of()));
        assertTrue(SETTINGS.estimatedSeconds() < 10 * 60, "the default run stays within ten minutes at worst");
    }
}
