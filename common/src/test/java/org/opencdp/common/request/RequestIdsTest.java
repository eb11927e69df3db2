package org.opencdp.common.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void wellFormedIdsAreKeptOthersReplaced() {
        assertEquals("req-12345678", RequestIds.acceptOrCreate("req-12345678"));
        assertNotEquals("bad id", RequestIds.acceptOrCreate("bad id"));
        assertNotEquals("short", RequestIds.acceptOrCreate("short"));
        assertNotEquals(null, RequestIds.acceptOrCreate(null));
    }

    @Test
    void createdIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.create();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
