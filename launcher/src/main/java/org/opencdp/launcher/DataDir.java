package org.opencdp.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import org.opencdp.common.auth.TokenKeys;

/**
 * The layout of the data folder ({@code CDP_DATA_DIR}, default {@code .cdp/}): everything a local run keeps between
 * starts.
 *
 * <pre>
 * postgres/          PostgreSQL data directory
 * mongo.mv           the Mongo wire server's H2 file
 * keys/              token-private.pem (600), token-public.pem
 * admin-token        generated admin token (600), unless CDP_ADMIN_TOKEN is set
 * credentials.json   default workspace and its keys (600)
 * logs/              one log per service (the previous run's as .log.1)
 * cdp.pid            pid of the launcher while it runs
 * platform.json      ports and URLs of the running platform (for ./cdp status, down and bench)
 * </pre>
 */
public final class DataDir {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path mongoFile() {
        return root.resolve("mongo.mv");
    }

    public Path keys() {
        return root.resolve("keys");
    }

    public Path privateKeyFile() {
        return keys().resolve("token-private.pem");
    }

    public Path publicKeyFile() {
        return keys().resolve("token-public.pem");
    }

    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    public Path credentialsFile() {
        return root.resolve(Credentials.FILE_NAME);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(Service service) {
        return logs().resolve(service.shortName() + ".log");
    }

    public Path pidFile() {
        return root.resolve("cdp.pid");
    }

    public Path runtimeFile() {
        return root.resolve("platform.json");
    }

    /** Creates the folder and its sub-folders. */
    public DataDir create() {
        try {
            Files.createDirectories(root);
            Files.createDirectories(logs());
            Files.createDirectories(keys());
            SecureFiles.restrictDirectory(keys());
            return this;
        } catch (IOException e) {
            throw new PlatformException("Cannot create the data folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** The token key pair, generated on first use and then kept in {@code keys/}. */
    public KeyPair loadOrCreateTokenKeys() {
        KeyPair existing = readTokenKeys();
        if (existing != null) {
            return existing;
        }
        KeyPair generated = TokenKeys.generate();
        SecureFiles.writePrivate(privateKeyFile(), TokenKeys.toPem(generated.getPrivate()));
        try {
            Files.writeString(publicKeyFile(), TokenKeys.toPem(generated.getPublic()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return generated;
    }

    /** The stored key pair, or {@code null} when there is none (or it cannot be read). */
    public KeyPair readTokenKeys() {
        if (!Files.isRegularFile(privateKeyFile()) || !Files.isRegularFile(publicKeyFile())) {
            return null;
        }
        try {
            return new KeyPair(TokenKeys.publicKey(Files.readString(publicKeyFile())),
                    TokenKeys.privateKey(Files.readString(privateKeyFile())));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Where the admin token came from. */
    public enum TokenSource { GIVEN, STORED, GENERATED }

    public record AdminToken(String value, TokenSource source) {
        @Override
        public String toString() {
            return "AdminToken[" + source + "]";
        }
    }

    /**
     * The admin token: the given one (CDP_ADMIN_TOKEN) when set, else the one stored here, else a new one that is then
     * stored.
     */
    public AdminToken adminToken(String given) {
        if (given != null && !given.isBlank()) {
            return new AdminToken(given.trim(), TokenSource.GIVEN);
        }
        Path file = adminTokenFile();
        if (Files.isRegularFile(file)) {
            try {
                String stored = Files.readString(file).trim();
                if (!stored.isEmpty()) {
                    return new AdminToken(stored, TokenSource.STORED);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String generated = newAdminToken();
        SecureFiles.writePrivate(file, generated + "\n");
        return new AdminToken(generated, TokenSource.GENERATED);
    }

    static String newAdminToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cdp_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
