package org.opencdp.dmp.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class HitTimesTest {
    private static final List<Instant> HITS = List.of(Instant.parse("2026-11-29T13:14:46.016Z"),
            Instant.parse("2026-11-29T13:14:37.105Z"), Instant.ofEpochMilli(0),
            Instant.parse("1969-12-31T23:59:59.999Z"));

    @Test
    void hitTimesSurviveTheBinaryFormInOrderToTheMillisecond() {
        byte[] packed = HitTimes.pack(HITS);
        assertEquals(HITS.size() * 8, packed.length);
        assertEquals(HITS, HitTimes.unpack(packed));
        // the driver reads a stored binary back as a Binary
        assertEquals(HITS, HitTimes.unpack(new Binary(packed)));
        assertEquals(List.of(), HitTimes.unpack(HitTimes.pack(List.of())));
    }

    @Test
    void visitorsStoredWithTheArrayOfDatesAreStillRead() {
        List<Date> legacy = HITS.stream().map(Date::from).toList();
        assertEquals(HITS, HitTimes.unpack(legacy));
        assertEquals(List.of(), HitTimes.unpack(null));
    }
}
