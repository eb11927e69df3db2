package org.opencdp.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time that the JIT compiler threads of Java processes have used ({@code C1 CompilerThread*} and
 * {@code C2 CompilerThread*}), read from Linux's {@code /proc/<pid>/task/<tid>/schedstat}; empty elsewhere. A freshly
 * started service keeps compiling for minutes of load on two shared cores, so a warm-up that ends while the compilers
 * still work makes the measured phase pay for them.
 */
final class CompilerCpu {
    private CompilerCpu() {}

    /** The compiler threads' CPU time summed over the processes, when every one of them can be read. */
    static Optional<Duration> of(Collection<Long> pids) {
        long nanos = 0;
        for (long pid : pids) {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            if (!Files.isDirectory(tasks)) {
                return Optional.empty();
            }
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : (Iterable<Path>) threads::iterator) {
                    nanos += compilerNanos(thread);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(Duration.ofNanos(nanos));
    }

    /** The thread's CPU time in nanoseconds when it is a JIT compiler thread (0 otherwise or when it has ended). */
    private static long compilerNanos(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"));
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String schedstat = Files.readString(thread.resolve("schedstat")).trim();
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
