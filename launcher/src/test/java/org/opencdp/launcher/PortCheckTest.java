package org.opencdp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckTest {
    @TempDir
    Path dir;

    @Test
    void aListeningPortIsNotFree() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            assertFalse(PortCheck.isFree(busy.getLocalPort()));
        }
        int port = PortCheck.freePort();
        assertTrue(PortCheck.isFree(port));
    }

    @Test
    void aPortTakenOnLoopbackOnlyIsNotFreeEither() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertFalse(PortCheck.isFree(busy.getLocalPort()));
        }
    }

    @Test
    void theMessageNamesThePortTheOwnerAndTheSettingToChange() {
        PortCheck.Need need = new PortCheck.Need(8080, "gateway", "CDP_GATEWAY_PORT", "gateway-port");
        assertEquals("Port 8080 (gateway) is already in use: stop what uses it or choose another port with "
                + "CDP_GATEWAY_PORT=<port> or --gateway-port <port>.", need.inUseMessage());
    }

    /** A repository with (fake) jars, so that the start gets as far as the port check. */
    private Path fakeRepo() throws Exception {
        Path repo = dir.resolve("repo");
        for (Service s : Service.values()) {
            Files.createDirectories(s.jar(repo).getParent());
            Files.writeString(s.jar(repo), "not a real jar");
        }
        return repo;
    }

    @Test
    void platformRefusesToStartWhenAPortIsTakenAndStartsNothing() throws Exception {
        Path repo = fakeRepo();
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();
            PlatformOptions options = PlatformOptions.local(Map.of()).repoDir(repo).dataDir(dir.resolve("data"))
                    .postgresPort(0).mongoPort(0).shutdownHook(false).progress(line -> { });
            for (Service s : Service.values()) {
                options.port(s, 0);
            }
            options.port(Service.CRM, port);
            PortInUseException e = assertThrows(PortInUseException.class, () -> Platform.start(options));
            assertEquals(List.of(port), e.taken().stream().map(PortCheck.Need::port).toList());
            assertTrue(e.getMessage().contains("Port " + port + " (crm-service)"), e.getMessage());
            assertTrue(e.getMessage().contains("CDP_CRM_PORT=<port>"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("data").resolve("postgres")), "nothing was started");
        }
    }

    @Test
    void cdpUpPrintsOneLineAndExitsWithOne() throws Exception {
        Path repo = fakeRepo();
        String previous = System.getProperty(Repo.PROPERTY);
        System.setProperty(Repo.PROPERTY, repo.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();
            Cdp cdp = new Cdp(Map.of("CDP_DATA_DIR", dir.resolve("data").toString(),
                    "CDP_CRM_PORT", "0", "CDP_DMP_PORT", "0", "CDP_PROFILE_PORT", "0", "CDP_SEGMENT_PORT", "0",
                    "CDP_POSTGRES_PORT", "0", "CDP_MONGO_PORT", "0"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = cdp.run(List.of("up", "--gateway-port", Integer.toString(port)));

            assertEquals(1, code);
            String error = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(1, error.lines().count(), error);
            assertTrue(error.startsWith("cdp: Port " + port + " (gateway) is already in use"), error);
            assertTrue(error.contains("CDP_GATEWAY_PORT=<port> or --gateway-port <port>"), error);
            assertFalse(error.contains("Exception"), error);
            assertFalse(Files.exists(dir.resolve("data").resolve("cdp.pid")), "pid file removed after the failure");
        } finally {
            if (previous == null) {
                System.clearProperty(Repo.PROPERTY);
            } else {
                System.setProperty(Repo.PROPERTY, previous);
            }
        }
    }

    @Test
    void twoServicesOnOnePortIsAClearError() throws Exception {
        Path repo = fakeRepo();
        int port = PortCheck.freePort();
        PlatformOptions options = PlatformOptions.ephemeral().repoDir(repo).dataDir(dir.resolve("data"))
                .port(Service.GATEWAY, port).port(Service.DMP, port).shutdownHook(false).progress(line -> { });
        PlatformException e = assertThrows(PlatformException.class, () -> Platform.start(options));
        assertTrue(e.getMessage().contains("configured for both gateway and dmp-service"), e.getMessage());
    }

    @Test
    void missingJarsAreNamedWithTheBuildCommand() {
        PlatformOptions options = PlatformOptions.ephemeral().repoDir(dir).shutdownHook(false).progress(l -> { });
        PlatformException e = assertThrows(PlatformException.class, () -> Platform.start(options));
        assertTrue(e.getMessage().startsWith("Not built yet: gateway/target/quarkus-app/quarkus-run.jar"),
                e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw -B package -DskipTests"), e.getMessage());
    }
}
