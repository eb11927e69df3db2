package org.opencdp.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default workspace of a local run and its two keys, kept in {@code $CDP_DATA_DIR/credentials.json} (chmod 600):
 * {@code {"workspaceId","writeKey","secretKey"}}.
 */
public record Credentials(String workspaceId, String writeKey, String secretKey) {
    public static final String FILE_NAME = "credentials.json";

    public Credentials {
        require(workspaceId, "workspaceId");
        require(writeKey, "writeKey");
        require(secretKey, "secretKey");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    /** The credentials in the file, empty when there is no file or it is not usable (then a new workspace is made). */
    public static Optional<Credentials> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> map = Json.MAPPER.readValue(file.toFile(), Map.class);
            return Optional.of(new Credentials(string(map, "workspaceId"), string(map, "writeKey"),
                    string(map, "secretKey")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof String s ? s : null;
    }

    /** Writes the file readable by its owner only. */
    public void write(Path file) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("workspaceId", workspaceId);
        map.put("writeKey", writeKey);
        map.put("secretKey", secretKey);
        try {
            SecureFiles.writePrivate(file, Json.MAPPER.writeValueAsString(map) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[workspaceId=" + workspaceId + ", writeKey=" + mask(writeKey) + ", secretKey="
                + mask(secretKey) + "]";
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 4) + "****" + key.substring(key.length() - 4);
    }
}
