package org.opencdp.launcher.bench;

import java.util.Set;

/**
 * A benchmark run by {@code ./cdp bench <name>}. To add one (crm, ingest, dmp...), implement this and register it in
 * {@link Benches}.
 */
public interface Bench {
    /** The name on the command line. */
    String name();

    /** One line for the list of benches. */
    String description();

    /** Options that take a value, beyond the common ones of {@link BenchContext#COMMON_OPTIONS}. */
    Set<String> options();

    /** Boolean switches, beyond the common ones of {@link BenchContext#COMMON_SWITCHES}. */
    default Set<String> switches() {
        return Set.of();
    }

    /** Usage lines for the options (printed by {@code ./cdp bench <name> --help}). */
    String usage();

    /** Runs; returns the process exit code (0 ok, 2 failed requests, 3 target missed with --strict). */
    int run(BenchContext context) throws Exception;
}
