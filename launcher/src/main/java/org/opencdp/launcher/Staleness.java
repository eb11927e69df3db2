package org.opencdp.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Is a built jar older than the sources it is built from? The same rule as the {@code ./cdp} script: a jar is stale
 * when it is missing or when a file under {@code <module>/src}, {@code <module>/pom.xml}, the modules it depends on
 * (common, local-stores) or the parent {@code pom.xml} is newer.
 */
public final class Staleness {
    private Staleness() {}

    /** The launcher's own jar. */
    public static Path launcherJar(Path repo) {
        return repo.resolve("launcher").resolve("target").resolve("cdp-launcher.jar");
    }

    /** The source roots a module's jar depends on. */
    public static List<Path> inputs(Path repo, String module) {
        List<Path> inputs = new ArrayList<>(List.of(repo.resolve("pom.xml"), repo.resolve(module).resolve("src"),
                repo.resolve(module).resolve("pom.xml"), repo.resolve("common").resolve("src"),
                repo.resolve("common").resolve("pom.xml")));
        if (module.equals("launcher")) {
            inputs.add(repo.resolve("local-stores").resolve("src"));
            inputs.add(repo.resolve("local-stores").resolve("pom.xml"));
        }
        return inputs;
    }

    public static boolean isStale(Path jar, List<Path> inputs) {
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            for (Path input : inputs) {
                if (!Files.exists(input)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(input)) {
                    if (files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The modules (of the given services) whose jar is missing or older than its sources. */
    public static List<String> staleModules(Path repo, Iterable<Service> services) {
        List<String> stale = new ArrayList<>();
        for (Service s : services) {
            if (isStale(s.jar(repo), inputs(repo, s.module()))) {
                stale.add(s.module());
            }
        }
        return stale;
    }
}
