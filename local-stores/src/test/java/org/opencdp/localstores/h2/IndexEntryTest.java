package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hinted comparison orders entries exactly as comparing their values does. */
class IndexEntryTest {
    private static final String WS = "3f1c9a2e-0000-4000-8000-00000000000a";

    @Test
    void hintsNeverContradictTheValuesOrder() {
        Random random = new Random(3);
        List<Object> values = new ArrayList<>(List.of("", "a", "ab", "ab\u0000", "ab\u0000\u0001", "abcdefgh",
                "abcdefghi", "abcdefgh\u0000", "abcdefgg\u00ff", "\u00ff", "\u0100", "a\u0100", "é", "p0123456789ab",
                "p0123456789ac", Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.ofEpochMilli(1_700_000_000_000L), Instant.ofEpochSecond(1_700_000_000L, 500_001),
                Instant.MAX, Instant.MIN, 7, 7.5, true, IndexEntry.LOW, IndexEntry.HIGH));
        for (int i = 0; i < 300; i++) {
            values.add(random.nextBoolean() ? randomString(random)
                    : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5), random.nextInt(3) * 400_000));
        }
        List<String> firsts = List.of(WS, new String(WS), "other-workspace");
        List<IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Object value = values.get(random.nextInt(values.size()));
            Object position = "ws|m-" + random.nextInt(40);
            entries.add(new IndexEntry(new Object[] {value}, position));
            Object[] pair = {firsts.get(random.nextInt(firsts.size())), value};
            entries.add(new IndexEntry(pair, position));
        }
        for (IndexEntry a : entries) {
            for (int k = 0; k < 40; k++) {
                IndexEntry b = entries.get(random.nextInt(entries.size()));
                if (a.values().length == b.values().length) {
                    assertEquals(Integer.signum(byValues(a, b)), Integer.signum(IndexEntry.compare(a, b)),
                            List.of(a.values()) + " " + a.position + " vs " + List.of(b.values()) + " " + b.position);
                }
            }
        }
    }

    private static int byValues(IndexEntry a, IndexEntry b) {
        Object[] x = a.values();
        Object[] y = b.values();
        for (int i = 0; i < x.length; i++) {
            int c = IndexEntry.compareValue(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return IndexEntry.compareValue(a.position, b.position);
    }

    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            char c = kind == 0 ? (char) random.nextInt(0x300) : kind == 1 ? '\u0000' : (char) ('a' + random.nextInt(3));
            s.append(c);
        }
        return s.toString();
    }
}
