package org.opencdp.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencdp.launcher.Args;
import org.opencdp.launcher.PlatformException;

/** The command line of ./cdp demo, up to the point where it would need a platform. */
class DemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DemoCommand command(Path dataDir) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new DemoCommand(Map.of("CDP_DATA_DIR", dataDir.toString()), print, print);
    }

    @Test
    void helpDescribesTheCommand(@TempDir Path dir) throws Exception {
        assertEquals(0, command(dir).run(List.of("--help")));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--limit N") && text.contains("Order Completed"), text);
    }

    @Test
    void badOptionsFailBeforeAnythingIsStarted(@TempDir Path dir) {
        Args.UsageException limit = assertThrows(Args.UsageException.class,
                () -> command(dir).run(List.of("--limit", "0")));
        assertTrue(limit.getMessage().contains("--limit"), limit.getMessage());
        PlatformException file = assertThrows(PlatformException.class,
                () -> command(dir).run(List.of("--file", dir.resolve("missing.csv").toString())));
        assertTrue(file.getMessage().contains("missing.csv"), file.getMessage());
        assertThrows(Args.UsageException.class, () -> command(dir).run(List.of("extra")));
    }
}
