package org.opencdp.profile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.Observation;

class ImportParserTest {
    private final ImportParser parser = new ImportParser(List.of("userId", "crmContactId", "email", "phone",
            "deviceId", "anonymousId", "loyaltyCardId"));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvColumnsAreIdentifiersByTypeNameTheRestTraits() {
        List<ImportParser.Row> rows = parser.csv(utf8("\uFEFFEMAIL,LoyaltyCardId,recordId,firstName,note\r\n"
                + "ann@example.com,L-1,r-1,Ann,\"line one\nline two, with \"\"quotes\"\"\"\r\n"
                + "\r\n"
                + "bob@example.com,,,Bob\n"));
        assertEquals(2, rows.size());
        ImportParser.Row ann = rows.get(0);
        assertEquals(List.of(new Observation.Identifier("email", "ann@example.com"),
                new Observation.Identifier("loyaltyCardId", "L-1")), ann.identifiers());
        assertEquals("r-1", ann.recordId());
        assertEquals(Map.of("firstName", "Ann", "note", "line one\nline two, with \"quotes\""), ann.traits());
        assertEquals(2, ann.line());
        ImportParser.Row bob = rows.get(1);
        assertEquals("4 cells, the header has 5", bob.error());
        assertEquals(4, bob.line());
    }

    @Test
    void aHeaderWithoutIdentifierOrWithARepeatedColumnIsRefused() {
        ProblemException none = assertThrows(ProblemException.class, () -> parser.csv(utf8("name,city\nAnn,Durban\n")));
        assertEquals("header", none.violations().get(0).field());
        ProblemException twice = assertThrows(ProblemException.class,
                () -> parser.csv(utf8("email,Email\na@example.com,b@example.com\n")));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(ProblemException.class, () -> parser.csv(utf8("")));
        assertThrows(ProblemException.class, () -> parser.ndjson(utf8("\n \n")));
    }

    @Test
    void ndjsonLinesAreStructuredOrFlat() {
        List<ImportParser.Row> rows = parser.ndjson(utf8("""
                {"identifiers":{"email":"a@example.com","deviceId":["d1","d2"]},"traits":{"n":1},"recordId":"x"}
                {"Email":"b@example.com","city":"Durban","recordId":"y"}
                [1,2]
                {"identifiers":{"email":{"nested":true}}}
                {"identifiers":"a@example.com"}
                """));
        assertEquals(List.of("email", "deviceId", "deviceId"), rows.get(0).identifiers().stream()
                .map(Observation.Identifier::type).toList());
        assertEquals(Map.of("n", 1), rows.get(0).traits());
        assertEquals("x", rows.get(0).recordId());
        assertEquals(List.of(new Observation.Identifier("email", "b@example.com")), rows.get(1).identifiers());
        assertEquals(Map.of("city", "Durban"), rows.get(1).traits());
        assertEquals("not a JSON object", rows.get(2).error());
        assertTrue(rows.get(3).error().contains("string"), rows.get(3).error());
        assertTrue(rows.get(4).error().contains("object"), rows.get(4).error());
        assertNull(rows.get(1).error());
    }

    /** Whatever the cell text (commas, quotes, line breaks), writing it as RFC 4180 and reading it back gives it. */
    @Property(tries = 300)
    void csvRoundTrips(@ForAll @Size(min = 1, max = 5) List<@Size(max = 20) String> cells) {
        String line = cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
        List<List<String>> read = CsvReader.read(line + "\r\n");
        assertEquals(List.of(cells), read);
    }
}
