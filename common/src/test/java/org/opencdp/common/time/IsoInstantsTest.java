package org.opencdp.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void theCommonShapesAgreeWithTheFormatter() {
        List<String> texts = List.of("2026-11-29T05:00:00Z", "2026-11-29T05:00:00.1Z", "2026-11-29T05:00:00.123Z",
                "2026-11-29T05:00:00.123456789Z", "2026-11-29T07:00:00.5+02:00", "2026-11-28T23:30:00-05:30",
                "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.000001Z",
                "0001-01-01T00:00:00Z", "2026-01-01T00:00:00+18:00", "2026-01-01T00:00:00-18:00",
                "2026-01-01T00:00:00-00:00");
        for (String text : texts) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstants.parse(text), text);
        }
    }

    @Test
    void otherShapesTheFormatterAcceptsAreAccepted() {
        List<String> texts = List.of("2026-11-29T05:00Z", "2026-11-29t05:00:00z", "2026-11-29T05:00:00+02:00:30",
                "+12026-11-29T05:00:00Z", "2026-11-29T05:00:00.Z");
        for (String text : texts) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstants.parse(text), text);
        }
    }

    @Test
    void whatIsNotADateTimeIsRejectedAsTheFormatterRejectsIt() {
        List<String> texts = List.of("", "yesterday", "2026-11-29", "2026-11-29T05:00:00", "2026-02-30T05:00:00Z",
                "2026-13-01T05:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T05:60:00Z", "2026-11-29T05:00:60Z",
                "2026-11-29T05:00:00.1234567890Z", "2026-11-29T05:00:00+19:00", "2026-11-29T05:00:00+0200",
                "2026-11-29T05:00:00Zjunk", "2026-11-29 05:00:00Z", "2026-11-29t05:00:00Zz", "2026-1l-29T05:00:00Z",
                "2026-11-29T05:00:00.5", "2026-04-31T05:00:00Z", "2025-02-29T05:00:00Z", "1700000000");
        for (String text : texts) {
            assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text), text);
        }
    }

    @Test
    void randomInstantsInEveryOffsetRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 6_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : 30);
            offsetMinutes = Math.max(-18 * 60, Math.min(18 * 60, offsetMinutes));
            String text = instant.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
            assertEquals(instant, IsoInstants.parse(text), text);
        }
    }
}
