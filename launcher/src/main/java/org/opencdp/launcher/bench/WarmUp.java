package org.opencdp.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencdp.launcher.Service;

/**
 * The end of a bench's warm-up: slices of load until the CPU time a service spends per event (the rate's inverse when
 * the CPU time is unknown) has not improved for {@value #PATIENCE} slices by more than {@value #TOLERANCE} on the best
 * before them, and the JIT compilers of the platform's processes used at most {@value #COMPILER_SHARE} of its CPU in
 * the last slice (when the OS tells, {@link CompilerCpu}); at most {@value #MAX_SLICES} slices. On two shared cores a
 * freshly started service is still being compiled minutes into the load (60 s of compilation in its first four
 * minutes), its cost falling a few percent per slice, and a warm-up that ended on the cost alone left the compilers a
 * third of profile-service's CPU in the measured phase.
 */
final class WarmUp {
    static final double TOLERANCE = 0.05;
    static final int PATIENCE = 3;
    static final int MAX_SLICES = 60;
    static final double COMPILER_SHARE = 0.05;

    /** One slice of warm-up load: what it sent, empty when it failed. */
    interface Slice {
        Optional<Sent> send() throws Exception;
    }

    record Sent(long events, double seconds) {}

    private WarmUp() {}

    /** Runs slices until the service's cost settles (or {@value #MAX_SLICES}); false when a slice failed. */
    static boolean untilSettled(PrintStream out, BenchPlatform platform, Service service, Slice slice)
            throws Exception {
        List<Double> costs = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (int i = 1; i <= MAX_SLICES; i++) {
            Optional<Duration> before = platform.cpuTime(service);
            BenchPlatform.CpuReading platformBefore = platform.cpuReading();
            Optional<Sent> sent = slice.send();
            Optional<Duration> after = platform.cpuTime(service);
            Optional<Double> compilerShare = platformBefore.compilerShareUntil(platform.cpuReading());
            if (sent.isEmpty()) {
                return false;
            }
            double events = sent.get().events();
            double perSecond = events / sent.get().seconds();
            double cost = before.isPresent() && after.isPresent()
                    ? after.get().minus(before.get()).toNanos() / 1e3 / events : 1e6 / perSecond;
            costs.add(cost);
            shown.append(i == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f/s %.0f us", perSecond, cost));
            compilerShare.ifPresent(c -> shown.append(String.format(Locale.ROOT, " jit %.0f%%", c * 100)));
            if (settled(costs) && compilerShare.orElse(0.0) <= COMPILER_SHARE) {
                out.println("  settled after " + i + " slices (rate, " + service.module() + " CPU per event, JIT"
                        + " compilers' share of the platform's CPU: " + shown + ")");
                return true;
            }
        }
        out.println("  still moving after " + MAX_SLICES + " slices (" + shown + "); measuring anyway");
        return true;
    }

    /** The compilers' part of the platform's CPU time between two readings, when all four are known. */
    static Optional<Double> share(Optional<Duration> compilersBefore, Optional<Duration> compilersAfter,
            Optional<Duration> platformBefore, Optional<Duration> platformAfter) {
        if (compilersBefore.isEmpty() || compilersAfter.isEmpty() || platformBefore.isEmpty()
                || platformAfter.isEmpty()) {
            return Optional.empty();
        }
        long platform = platformAfter.get().minus(platformBefore.get()).toNanos();
        long compilers = compilersAfter.get().minus(compilersBefore.get()).toNanos();
        return platform <= 0 ? Optional.empty() : Optional.of(Math.max(0, (double) compilers / platform));
    }

    /**
     * True when none of the last {@value #PATIENCE} costs is more than {@value #TOLERANCE} below the lowest cost before
     * them.
     */
    static boolean settled(List<Double> costs) {
        int n = costs.size();
        if (n <= PATIENCE) {
            return false;
        }
        double best = costs.subList(0, n - PATIENCE).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return costs.subList(n - PATIENCE, n).stream().allMatch(c -> c >= (1 - TOLERANCE) * best);
    }
}
