package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One key of one document in a {@link RangeIndex}; its values may hold the {@link #LOW}/{@link #HIGH} bounds in a
 * search.
 *
 * <p>Holds the first two values itself (most indexes have one or two keys), so that an entry and its values take 40
 * bytes where an entry and an array took 48. Ordered so that most comparisons read only the two entries themselves.
 * An index holds a million keys scattered over the heap, and a full comparison followed the entry to its array of
 * values, to a string and to the string's bytes: a cache miss at each step, at each of the few dozen entries a search
 * passes. JFR put the index's inserts and removals at a quarter of the store's time under ingestion. So each entry
 * also keeps an order-preserving 64-bit {@code hint} of the value that usually decides: the first one in a one-key
 * index, else the second (the first, a workspace id, is then shared by most keys and compared by identity: keys are
 * stored with their strings {@linkplain String#intern() interned}). A string's hint is its first eight characters
 * (when they are at most U+00FF), an instant's its epoch millisecond. Different hints decide; equal or missing hints
 * fall back to comparing the values.
 */
final class IndexEntry {
    /** Below and above every value of a key, in search bounds. */
    static final Object LOW = new Object();
    static final Object HIGH = new Object();
    static final Comparator<IndexEntry> ORDER = IndexEntry::compare;
    private static final Comparator<Object> VALUES = ValueComparator.asc();
    private static final byte NONE = 0;
    private static final byte STRING = 1;
    private static final byte INSTANT = 2;
    private static final int HINT_CHARS = 8;
    /** Instants whose epoch millisecond fits a long (about 292 million years either side of 1970). */
    private static final long MAX_HINTED_SECONDS = Long.MAX_VALUE / 1000 - 1;

    /** The first two values inline (no array of their own), the others in {@code more}. */
    private final Object v0;
    private final Object v1;
    private final Object[] more;
    final Object position;
    private final byte width;
    private final byte kind;
    private final long hint;

    IndexEntry(Object[] values, Object position) {
        this.width = (byte) values.length;
        this.v0 = values.length > 0 ? values[0] : null;
        this.v1 = values.length > 1 ? values[1] : null;
        this.more = values.length > 2 ? Arrays.copyOfRange(values, 2, values.length) : null;
        this.position = position;
        Object hinted = width == 1 ? v0 : v1;
        if (hinted instanceof String s && hasStringHint(s)) {
            this.kind = STRING;
            this.hint = stringHint(s);
        } else if (hinted instanceof Instant t && Math.abs(t.getEpochSecond()) < MAX_HINTED_SECONDS) {
            this.kind = INSTANT;
            this.hint = t.toEpochMilli(); // rounded down, so it never contradicts the instants' order
        } else {
            this.kind = NONE;
            this.hint = 0;
        }
    }

    /** The key's values, in index order. */
    Object[] values() {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = value(i);
        }
        return values;
    }

    private Object value(int i) {
        return i == 0 ? v0 : i == 1 ? v1 : more[i - 2];
    }

    static int compare(IndexEntry a, IndexEntry b) {
        if (a.kind != NONE && a.kind == b.kind && a.hint != b.hint && (a.width == 1 || a.v0 == b.v0)) {
            return a.kind == STRING ? Long.compareUnsigned(a.hint, b.hint) : Long.compare(a.hint, b.hint);
        }
        for (int i = 0; i < a.width; i++) {
            int c = compareValue(a.value(i), b.value(i));
            if (c != 0) {
                return c;
            }
        }
        return compareValue(a.position, b.position);
    }

    /** MongoDB's order of two values, with {@link #LOW} and {@link #HIGH} at the ends. */
    static int compareValue(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == LOW || b == HIGH) {
            return -1;
        }
        if (a == HIGH || b == LOW) {
            return 1;
        }
        // the common key types directly (the same order as MongoDB's within a type); mixed types by type order
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        return VALUES.compare(a, b);
    }

    /** True when the string's first eight characters are at most U+00FF. */
    private static boolean hasStringHint(String s) {
        for (int i = 0; i < HINT_CHARS && i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first eight characters as bytes, zero-padded: compared unsigned, two hints that differ order their strings
     * as {@link String#compareTo} does (a shorter string padded with zeros sorts before a longer one; a string whose
     * extra characters are all U+0000 gets the same hint and is compared in full).
     */
    private static long stringHint(String s) {
        long h = 0;
        for (int i = 0; i < HINT_CHARS; i++) {
            h = h << 8 | (i < s.length() ? s.charAt(i) : 0);
        }
        return h;
    }
}
