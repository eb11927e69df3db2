package org.opencdp.profile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdentifierNormalizerTest {
    private final IdentifierNormalizer za = new IdentifierNormalizer("ZA");

    @Test
    void emailsAreTrimmedLowerCasedAndMustHaveOneAt() {
        assertEquals(Optional.of("ann@example.com"), za.normalise("email", "  Ann@Example.COM "));
        assertEquals(Optional.of("ann@example.com"), za.normalise("email", "mailto:ann @example.com"));
        assertTrue(za.normalise("email", "not-an-email").isEmpty());
        assertTrue(za.normalise("email", "a@b@c").isEmpty());
        assertTrue(za.normalise("email", "   ").isEmpty());
    }

    @Test
    void phonesBecomeE164WithTheDefaultRegion() {
        assertEquals(Optional.of("+27821234567"), za.normalise("phone", "082 123 4567"));
        assertEquals(Optional.of("+27821234567"), za.normalise("phone", "+27 (82) 123-4567"));
        assertEquals(Optional.of("+27821234567"), za.normalise("phone", "0027821234567"));
        assertEquals(Optional.of("+14155552671"), za.normalise("phone", "+1 415 555 2671"));
        assertEquals(Optional.of("+14155552671"), new IdentifierNormalizer("US").normalise("phone", "(415) 555-2671"));
        assertTrue(za.normalise("phone", "12").isEmpty());
        assertTrue(za.normalise("phone", "call me").isEmpty());
    }

    @Test
    void otherTypesAreTrimmedAndKeepTheirCase() {
        assertEquals(Optional.of("User-42"), za.normalise("userId", " User-42 "));
        assertTrue(za.normalise("userId", "x".repeat(321)).isEmpty());
    }

    @Property
    void emailNormalisationIsIdempotentAndCaseInsensitive(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String local,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String domain) {
        String raw = " " + local + "@" + domain + ".Com ";
        Optional<String> once = za.normalise("email", raw);
        assertEquals(once, za.normalise("email", once.orElseThrow()));
        assertEquals(once, za.normalise("email", raw.toUpperCase()));
    }

    @Property
    void nationalNumbersGetTheRegionsCodeAndNormaliseIdempotently(
            @ForAll @IntRange(min = 100_000_000, max = 999_999_999) int digits) {
        Optional<String> once = za.normalise("phone", "0" + digits);
        once.ifPresent(e164 -> {
            assertTrue(e164.startsWith("+27"));
            assertEquals(once, za.normalise("phone", e164));
        });
    }
}
