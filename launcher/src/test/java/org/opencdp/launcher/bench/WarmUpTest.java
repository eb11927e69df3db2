package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void settledOnceThreeSlicesBringNoNewLow() {
        assertTrue(WarmUp.settled(List.of(120.0, 80.0, 82.0, 79.0, 81.0)));
        assertTrue(WarmUp.settled(List.of(70.0, 70.0, 70.0, 70.0)));
    }

    @Test
    void notSettledWhileTheCostStillFallsAFewPercentASlice() {
        // a service still being compiled: each slice a little cheaper than the last, every three within 10%
        assertFalse(WarmUp.settled(List.of(169.0, 160.0, 154.0, 147.0, 140.0)));
        assertFalse(WarmUp.settled(List.of(100.0, 100.0, 100.0)), "not before more slices than the patience");
        assertFalse(WarmUp.settled(List.of(100.0, 101.0, 99.0, 90.0)), "a new low restarts the wait");
    }

    @Test
    void theCompilersShareIsTheirPartOfThePlatformsCpu() {
        assertEquals(Optional.of(0.25), WarmUp.share(Optional.of(Duration.ofSeconds(1)),
                Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofSeconds(10)),
                Optional.of(Duration.ofSeconds(14))));
        assertEquals(Optional.empty(), WarmUp.share(Optional.empty(), Optional.of(Duration.ofSeconds(2)),
                Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(14))));
        assertEquals(Optional.empty(), WarmUp.share(Optional.of(Duration.ZERO), Optional.of(Duration.ZERO),
                Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(3))), "no CPU used: unknown");
    }

    @Test
    void theCompilersOfARunningJvmHaveUsedCpu() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Optional<Duration> compilers = CompilerCpu.of(List.of(ProcessHandle.current().pid()));
        assertTrue(compilers.orElseThrow().toNanos() > 0, "this JVM's C1 has compiled the test framework");
        assertEquals(Optional.empty(), CompilerCpu.of(List.of(Long.MAX_VALUE)));
    }
}
