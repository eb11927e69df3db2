package org.opencdp.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (where the service modules and their jars are). */
public final class Repo {
    public static final String PROPERTY = "cdp.repo";

    private Repo() {}

    /**
     * The system property {@code cdp.repo} when set, else the current directory, or the nearest parent of it that looks
     * like the repository (has {@code gateway/} and {@code pom.xml}).
     */
    public static Path locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (looksLikeRepo(dir)) {
                return dir;
            }
        }
        return cwd;
    }

    static boolean looksLikeRepo(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("gateway"))
                && Files.isDirectory(dir.resolve("launcher"));
    }
}
