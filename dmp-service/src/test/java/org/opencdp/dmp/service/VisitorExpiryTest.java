package org.opencdp.dmp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A visitor's expiry moves in steps of 1% of the retention: never later than a retention after its last hit. */
class VisitorExpiryTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    @Test
    void keptWithinAStepMovedBeyondIt() {
        Instant exact = NOW.plus(RETENTION);
        assertEquals(exact, VisitorUpdater.expiry(null, NOW, RETENTION), "a new visitor");
        Instant recent = exact.minus(Duration.ofHours(7));
        assertEquals(recent, VisitorUpdater.expiry(recent, NOW, RETENTION), "less than 7.2 h behind: kept");
        Instant older = exact.minus(Duration.ofHours(8));
        assertEquals(exact, VisitorUpdater.expiry(older, NOW, RETENTION), "more than a step behind: moved");
        assertEquals(exact, VisitorUpdater.expiry(NOW.minusSeconds(1), NOW, RETENTION), "expired: starts afresh");
        assertEquals(exact, VisitorUpdater.expiry(exact.plusSeconds(60), NOW, RETENTION),
                "later than the retention allows (the retention was shortened): brought back");
    }

    @Test
    void aOneMinuteRetentionMovesInStepsOfAFewHundredMilliseconds() {
        Duration minute = Duration.ofMinutes(1);
        Instant exact = NOW.plus(minute);
        assertEquals(exact.minusMillis(500), VisitorUpdater.expiry(exact.minusMillis(500), NOW, minute));
        assertEquals(exact, VisitorUpdater.expiry(exact.minusMillis(700), NOW, minute));
    }
}
