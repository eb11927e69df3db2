package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves larger than H2's 4 MB buffer reuse the buffer of an earlier save, and what they write reads back. */
class ChunkBufferReusingStoreTest {
    @TempDir
    Path dir;

    @Test
    void largeSavesReuseTheirBufferAndReadBack() {
        Path file = dir.resolve("chunks.mv");
        Map<String, byte[]> expected = new HashMap<>();
        Random random = new Random(7);
        KeyedH2Backend backend = KeyedH2Backend.open(file, 16);
        MVStore store = backend.getMvStore();
        ChunkBufferReusingStore fileStore = assertInstanceOf(ChunkBufferReusingStore.class, store.getFileStore());
        MVMap<String, byte[]> map = store.openMap("values");
        // each save is larger than H2 keeps; later ones are smaller, so a reused buffer holds stale bytes past the end
        for (int megabytes : new int[] {9, 7, 5, 6}) {
            for (int i = 0; i < megabytes * 64; i++) {
                String key = "k" + random.nextInt(1_200);
                byte[] value = new byte[16 * 1024];
                random.nextBytes(value);
                map.put(key, value);
                expected.put(key, value);
            }
            store.commit();
        }
        backend.close();
        assertTrue(fileStore.reusedLargeBuffers() >= 1, "saves after the first reuse its buffer");

        KeyedH2Backend reopened = KeyedH2Backend.open(file, 16);
        try {
            MVMap<String, byte[]> read = reopened.getMvStore().openMap("values");
            assertEquals(expected.size(), read.size());
            expected.forEach((key, value) -> assertArrayEquals(value, read.get(key), key));
        } finally {
            reopened.close();
        }
    }
}
