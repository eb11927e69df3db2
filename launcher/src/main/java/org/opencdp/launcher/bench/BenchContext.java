package org.opencdp.launcher.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.opencdp.launcher.Args;

/** What a bench gets: its parsed arguments, the environment and where to print. */
public record BenchContext(Args args, Map<String, String> env, PrintStream out) {
    /** Options every bench understands: where the running platform keeps its data. */
    public static final Set<String> COMMON_OPTIONS = Set.of("data-dir");
    /** --ephemeral: always start a temporary platform; --strict: exit 3 when a target is missed. */
    public static final Set<String> COMMON_SWITCHES = Set.of("ephemeral", "strict", "help");
}
