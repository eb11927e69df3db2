package org.opencdp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsTheFileOwnerOnly() throws Exception {
        Path file = dir.resolve("credentials.json");
        Credentials written = new Credentials("ws_123", "wk_abc", "sk_def");
        written.write(file);

        assertEquals(written, Credentials.read(file).orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<?, ?> json = Json.MAPPER.readValue(file.toFile(), Map.class);
        assertEquals(Map.of("workspaceId", "ws_123", "writeKey", "wk_abc", "secretKey", "sk_def"), json);
    }

    @Test
    void overwritingKeepsPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("credentials.json");
        new Credentials("ws_1", "wk_1", "sk_1").write(file);
        new Credentials("ws_2", "wk_2", "sk_2").write(file);
        assertEquals("ws_2", Credentials.read(file).orElseThrow().workspaceId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void missingBrokenOrIncompleteFilesReadAsEmpty() throws Exception {
        assertTrue(Credentials.read(dir.resolve("none.json")).isEmpty());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{not json");
        assertTrue(Credentials.read(broken).isEmpty());
        Path incomplete = Files.writeString(dir.resolve("incomplete.json"), "{\"workspaceId\":\"ws\",\"writeKey\":\"w\"}");
        assertTrue(Credentials.read(incomplete).isEmpty());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"),
                "{\"workspaceId\":\"ws\",\"writeKey\":\"w\",\"secretKey\":\"s\",\"note\":\"x\"}");
        assertEquals(new Credentials("ws", "w", "s"), Credentials.read(file).orElseThrow());
    }

    @Test
    void toStringMasksTheKeys() {
        String text = new Credentials("ws_1", "wk_0123456789", "sk_0123456789").toString();
        assertTrue(text.contains("ws_1"));
        assertFalse(text.contains("wk_0123456789"));
        assertFalse(text.contains("sk_0123456789"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("ws", "", "s"));
    }

    @Test
    void dataDirKeepsKeysAndAdminTokenBetweenStarts() throws Exception {
        DataDir data = new DataDir(dir.resolve("data")).create();
        var keys = data.loadOrCreateTokenKeys();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.privateKeyFile())));
        assertEquals(keys.getPublic(), new DataDir(dir.resolve("data")).loadOrCreateTokenKeys().getPublic());

        DataDir.AdminToken generated = data.adminToken(null);
        assertEquals(DataDir.TokenSource.GENERATED, generated.source());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.adminTokenFile())));
        DataDir.AdminToken stored = data.adminToken("");
        assertEquals(DataDir.TokenSource.STORED, stored.source());
        assertEquals(generated.value(), stored.value());
        DataDir.AdminToken given = data.adminToken("from-env");
        assertEquals(new DataDir.AdminToken("from-env", DataDir.TokenSource.GIVEN), given);
    }
}
