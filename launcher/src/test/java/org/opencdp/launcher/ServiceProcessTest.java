package org.opencdp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {
    @TempDir
    Path dir;

    @Test
    void tailReturnsTheLastLines() throws Exception {
        Path log = Files.write(dir.resolve("a.log"), IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());
        assertEquals("line 98" + System.lineSeparator() + "line 99" + System.lineSeparator() + "line 100",
                ServiceProcess.tail(log, 3));
        assertTrue(ServiceProcess.tail(dir.resolve("none.log"), 3).startsWith("(no log at "));
    }

    @Test
    void theFailureReportShowsTheErrorAndItsRootCauseAboveTheTail() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "10:00:00.000 INFO  [io.quarkus] starting",
                "10:00:01.000 ERROR [io.qu.ru.Application] (main) Failed to start application",
                "java.lang.RuntimeException: Failed to start quarkus",
                "\tat io.quarkus.Foo.bar(Foo.java:1)",
                "Caused by: org.flywaydb.core.FlywayException: Unable to obtain connection",
                "\tat org.flywaydb.X.y(X.java:2)",
                "Caused by: java.net.ConnectException: Connection refused"));
        IntStream.range(0, 30).forEach(i -> lines.add("\tat frame" + i));
        Path log = Files.write(dir.resolve("svc.log"), lines);

        String report = ServiceProcess.failureReport(log);
        assertTrue(report.startsWith("Errors in " + log + ":"), report);
        assertTrue(report.contains("  10:00:01.000 ERROR [io.qu.ru.Application] (main) Failed to start application"));
        assertTrue(report.contains("  Caused by: org.flywaydb.core.FlywayException: Unable to obtain connection"));
        assertTrue(report.contains("  Caused by: java.net.ConnectException: Connection refused"));
        assertTrue(report.contains("Last lines of " + log + ":"));
        assertTrue(report.endsWith("\tat frame29"), report);
    }
}
