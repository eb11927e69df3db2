package org.opencdp.dmp.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "mail me: a.b-c+d@mail.example.co.za please", "ann%40example.com",
        "x=ann%40example.org&y=1"})
    void emailAddressesAreFound(String text) {
        assertEquals(Optional.of(PiiScanner.EMAIL), PiiScanner.detect(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+27 82 123 4567", "082 123 4567", "(082) 123-4567", "call 0821234567 now",
        "+44 7700 900123", "+1-202-555-0143", "202.555.0143", "tel:+27821234567", "%2B27821234567"})
    void phoneNumbersAreFound(String text) {
        assertEquals(Optional.of(PiiScanner.PHONE), PiiScanner.detect(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Running shoes", "size 42", "order 12345", "2026-11-29T05:00:00Z", "2026-11-29 05:00:00",
        "550e8400-e29b-41d4-a716-446655440000", "ORD-1234567890", "sku AB1234567890", "price 1299.99",
        "a@b", "version 1.2.3.4", "user@localhost"})
    void ordinaryValuesAreKept(String text) {
        assertEquals(Optional.empty(), PiiScanner.detect(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "E-mail", "first_name", "firstName", "LAST-NAME", "phone", "phoneNumber",
        "mobile", "birthday", "date_of_birth", "street_address", "surname", "userId"})
    void personalFieldNamesAreKnownAtAnyDepth(String name) {
        assertTrue(PiiScanner.isPersonalField(name, true));
        assertTrue(PiiScanner.isPersonalField(name, false));
    }

    @Test
    void nameIsPersonalOnlyAtTheTopLevel() {
        assertTrue(PiiScanner.isPersonalField("name", true));
        assertFalse(PiiScanner.isPersonalField("name", false));
        assertFalse(PiiScanner.isPersonalField("category", true));
    }

    @Test
    void propertiesLosePersonalFieldsAndValuesAndKeepTheRest() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("category", "running");
        in.put("email", "ann@example.com");
        in.put("firstName", "Ann");
        in.put("name", "Ann Lee");
        in.put("note", "call +27 82 123 4567");
        in.put("price", 1299.99);
        in.put("products", List.of(Map.of("name", "Trail shoe", "sku", "TS-1"), Map.of("phone", "x")));
        in.put("nested", Map.of("contact", Map.of("email", "a@b.example")));
        List<PiiScanner.Finding> findings = new ArrayList<>();
        Map<String, Object> out = PiiScanner.cleanProperties(in, "properties", findings);
        assertEquals("running", out.get("category"));
        assertEquals(1299.99, out.get("price"));
        assertThat(out, not(hasKey("email")));
        assertThat(out, not(hasKey("firstName")));
        assertThat(out, not(hasKey("name")));
        assertThat(out, not(hasKey("note")));
        assertEquals(List.of(Map.of("name", "Trail shoe", "sku", "TS-1"), Map.of()), out.get("products"));
        assertEquals(Map.of("contact", Map.of()), out.get("nested"));
        assertThat(findings.stream().map(PiiScanner.Finding::field).toList(), containsInAnyOrder("properties.email",
                "properties.firstName", "properties.name", "properties.note", "properties.products[1].phone",
                "properties.nested.contact.email"));
    }

    @Test
    void urlQueryParametersWithPersonalDataAreRemoved() {
        List<PiiScanner.Finding> findings = new ArrayList<>();
        Optional<String> url = PiiScanner.cleanUrl("https://shop.example/p/1?utm_source=news&email=ann%40example.com"
                + "&ref=0821234567&q=shoes&first_name=Ann#section", "url", findings);
        assertEquals(Optional.of("https://shop.example/p/1?utm_source=news&q=shoes"), url);
        assertThat(findings.stream().map(PiiScanner.Finding::field).toList(),
                contains("url.query.email", "url.query.ref", "url.query.first_name"));
    }

    @Test
    void urlUserInfoIsRemovedAndAnEmailInThePathRejects() {
        List<PiiScanner.Finding> findings = new ArrayList<>();
        assertEquals(Optional.of("https://shop.example/a"), PiiScanner.cleanUrl("https://ann:pw@shop.example/a", "url",
                findings));
        assertEquals(Optional.empty(), PiiScanner.cleanUrl("https://shop.example/users/ann@example.com/orders", "url",
                findings));
        assertEquals(Optional.of("https://shop.example/product/1234567890"),
                PiiScanner.cleanUrl("https://shop.example/product/1234567890", "url", new ArrayList<>()));
    }

    @Property
    void generatedEmailsAreAlwaysFound(@ForAll("emails") String email, @ForAll("filler") String before,
            @ForAll("filler") String after) {
        assertEquals(Optional.of(PiiScanner.EMAIL), PiiScanner.detect(before + " " + email + " " + after));
    }

    @Property
    void generatedPhoneNumbersAreAlwaysFound(@ForAll("phones") String phone, @ForAll("filler") String before,
            @ForAll("filler") String after) {
        assertEquals(Optional.of(PiiScanner.PHONE), PiiScanner.detect(before + " " + phone + " " + after));
    }

    @Property
    void wordsShortNumbersAndUuidsAreNeverFlagged(@ForAll("harmless") String text) {
        assertEquals(Optional.empty(), PiiScanner.detect(text));
    }

    @Property
    void cleanedPropertiesHoldNoDetectableValueAndNoPersonalField(@ForAll("properties") Map<String, Object> in) {
        Map<String, Object> out = PiiScanner.cleanProperties(in, "properties", new ArrayList<>());
        assertNoPersonalData(out, true);
    }

    @Property
    void cleanedUrlQueriesHoldNoPersonalData(@ForAll("emails") String email, @ForAll("phones") String phone,
            @ForAll("words") String word) {
        String url = "https://shop.example/" + word + "?a=" + word + "&e=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&p="
                + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8) + "&lastName=" + word;
        Optional<String> cleaned = PiiScanner.cleanUrl(url, "url", new ArrayList<>());
        assertEquals(Optional.of("https://shop.example/" + word + "?a=" + word), cleaned);
    }

    private static void assertNoPersonalData(Object value, boolean topLevel) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertFalse(PiiScanner.isPersonalField(String.valueOf(k), topLevel), "kept field " + k);
                assertNoPersonalData(v, false);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(v -> assertNoPersonalData(v, false));
        } else if (value instanceof String s) {
            assertEquals(Optional.empty(), PiiScanner.detect(s), "kept value " + s);
        }
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
                .ofMinLength(1).ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> tld = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(local, label, label.list().ofMaxSize(2), tld)
                .as((l, d, more, t) -> l + "@" + d + (more.isEmpty() ? "" : "." + String.join(".", more)) + "." + t);
    }

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(15);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".");
        Arbitrary<Boolean> plus = Arbitraries.of(true, false);
        return Combinators.combine(digits, separator, plus).as((d, sep, p) -> {
            StringBuilder b = new StringBuilder(p ? "+" : "");
            for (int i = 0; i < d.length(); i++) {
                if (i > 0 && i % 3 == 0) {
                    b.append(sep);
                }
                b.append(d.charAt(i));
            }
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.strings().withChars("abcdefghij ,;:!?").ofMaxLength(20).map(s -> s.isEmpty() ? "x" : s);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> harmless() {
        Arbitrary<String> word = words();
        Arbitrary<String> shortNumber = Arbitraries.integers().between(0, 99_999_999).map(String::valueOf);
        Arbitrary<String> uuid = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString());
        Arbitrary<String> token = Arbitraries.oneOf(word, shortNumber, uuid);
        // numbers one space apart are indistinguishable from a phone number written with spaces: not generated
        return token.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(", ", l));
    }

    @Provide
    Arbitrary<Map<String, Object>> properties() {
        Arbitrary<String> key = Arbitraries.oneOf(words(), Arbitraries.of("email", "firstName", "name", "phone",
                "last_name", "address"));
        Arbitrary<Object> leaf = Arbitraries.oneOf(words(), emails(), phones(), harmless(),
                Arbitraries.integers().map(i -> (Object) i)).map(o -> (Object) o);
        Arbitrary<Object> nested = Arbitraries.maps(key, leaf).ofMaxSize(3).map(m -> (Object) m);
        Arbitrary<Object> list = Arbitraries.oneOf(leaf, nested).list().ofMaxSize(3).map(l -> (Object) l);
        return Arbitraries.maps(key, Arbitraries.oneOf(leaf, nested, list)).ofMaxSize(6);
    }
}
