package org.opencdp.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child process ({@code java -jar quarkus-run.jar}), its log and its readiness. */
public final class ServiceProcess {
    private final Service service;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(Service service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service. Its output goes to {@code log} (the previous log is kept as {@code <log>.1}); the child
     * inherits the launcher's environment plus {@code env}.
     */
    public static ServiceProcess start(Service service, Path jar, int port, List<String> javaOptions,
                                       Map<String, String> env, Path log, Path workingDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            return new ServiceProcess(service, port, builder.start(), log);
        } catch (IOException e) {
            throw new PlatformException("Cannot start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** True when {@code /q/health/ready} answers 200. */
    public boolean isReady(HttpClient http) {
        return isReady(http, port);
    }

    public static boolean isReady(HttpClient http, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the process to stop (SIGTERM); see {@link #awaitStop}. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits until the deadline for the process to end, then kills it. True when it ended on its own. */
    public boolean awaitStop(long deadlineNanos) {
        try {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What to show when the service failed: its first ERROR lines (the cause is usually there, above the stack
     * trace) and the last lines of its log.
     */
    public String failureReport() {
        return failureReport(log);
    }

    static String failureReport(Path log) {
        StringBuilder sb = new StringBuilder();
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> errors = all.stream().filter(l -> l.contains(" ERROR ") || l.startsWith("ERROR"))
                    .limit(3).toList();
            List<String> causes = all.stream().filter(l -> l.startsWith("Caused by:")).toList();
            List<String> shown = new ArrayList<>(errors);
            // the innermost causes of the first stack trace name the real problem
            causes.stream().skip(Math.max(0, causes.size() - 2)).filter(c -> !shown.contains(c)).forEach(shown::add);
            if (!shown.isEmpty()) {
                sb.append("Errors in ").append(log).append(':').append(System.lineSeparator());
                shown.forEach(l -> sb.append("  ").append(l.length() > 400 ? l.substring(0, 400) + "..." : l)
                        .append(System.lineSeparator()));
            }
        } catch (IOException | RuntimeException e) {
            // only the tail then
        }
        sb.append("Last lines of ").append(log).append(':').append(System.lineSeparator()).append(tail(log, 15));
        return sb.toString();
    }

    /** The last lines of the log. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of a text file (reads at most the last 64 KB). */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, from, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
