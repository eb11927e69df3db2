package org.opencdp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessTest {
    @TempDir
    Path repo;

    private Path file(String relative, Instant modified) throws Exception {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aJarIsStaleWhenMissingOrOlderThanAnyInput() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        file("pom.xml", t);
        file("gateway/pom.xml", t);
        file("gateway/src/main/java/A.java", t);
        file("common/src/main/java/C.java", t);
        Path jar = Service.GATEWAY.jar(repo);
        List<Path> inputs = Staleness.inputs(repo, "gateway");

        assertTrue(Staleness.isStale(jar, inputs), "missing jar");
        file("gateway/target/quarkus-app/quarkus-run.jar", t.plusSeconds(60));
        assertFalse(Staleness.isStale(jar, inputs));

        file("common/src/main/java/C.java", t.plusSeconds(120));
        assertTrue(Staleness.isStale(jar, inputs), "a change in common makes every service stale");
        file("gateway/target/quarkus-app/quarkus-run.jar", t.plusSeconds(180));
        file("gateway/src/main/resources/application.properties", t.plusSeconds(240));
        assertTrue(Staleness.isStale(jar, inputs), "a new resource");
    }

    @Test
    void staleModulesNamesOnlyTheOutdatedOnes() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        file("pom.xml", t);
        file("gateway/src/A.java", t);
        file("dmp-service/src/B.java", t.plusSeconds(600));
        file("gateway/target/quarkus-app/quarkus-run.jar", t.plusSeconds(300));
        file("dmp-service/target/quarkus-app/quarkus-run.jar", t.plusSeconds(300));
        assertEquals(List.of("dmp-service", "profile-service"),
                Staleness.staleModules(repo, EnumSet.of(Service.GATEWAY, Service.DMP, Service.PROFILE)));
        assertTrue(Staleness.inputs(repo, "launcher").contains(repo.resolve("local-stores").resolve("src")));
    }
}
