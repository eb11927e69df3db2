package org.opencdp.crm.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPointsTest {

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals(Optional.of("ann.lee@example.com"), ContactPoints.email("  Ann.Lee@Example.COM "));
        for (String bad : List.of("", "ann", "ann@", "@example.com", "ann@example", "a b@example.com",
                "ann@@example.com", "ann@example..com")) {
            assertTrue(ContactPoints.email(bad).isEmpty(), bad);
        }
    }

    @Test
    void phonesBecomeE164InTheDefaultRegionOrTheirOwn() {
        assertEquals(Optional.of("+27821234567"), ContactPoints.phone("082 123 4567", "ZA"));
        assertEquals(Optional.of("+27821234567"), ContactPoints.phone("+27 (82) 123-4567", "US"));
        assertEquals(Optional.of("+14155552671"), ContactPoints.phone("(415) 555-2671", "US"));
        assertEquals(Optional.of("+442079460958"), ContactPoints.phone("+44 20 7946 0958", "ZA"));
        for (String bad : List.of("12", "abc", "+27 82", "0000000000", "")) {
            assertTrue(ContactPoints.phone(bad, "ZA").isEmpty(), bad);
        }
    }

    @Test
    void csvReaderHandlesQuotesEscapesAndLineEndings() {
        List<List<String>> rows = CsvReader.parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"multi\nline\",2,3");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", ""),
                List.of("multi\nline", "2", "3")), rows);
    }
}
