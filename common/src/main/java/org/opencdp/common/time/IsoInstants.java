package org.opencdp.common.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Parses the ISO-8601 date-times of tracking events ({@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME},
 * as {@link OffsetDateTime#parse(CharSequence)} does) into an {@link Instant}. The shape every tracking library sends,
 * {@code 2026-11-29T05:00:00Z} or {@code 2026-11-29T07:00:00.123+02:00} (1 to 9 fraction digits), is read directly;
 * anything else goes to {@link OffsetDateTime#parse(CharSequence)}, which accepts the rest of the format and throws
 * its {@link java.time.format.DateTimeParseException} for what is not a date-time. The formatter cost several
 * microseconds per value, a few per cent of the CPU of a tracking batch.
 */
public final class IsoInstants {
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {}

    public static Instant parse(String text) {
        Instant fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of the common shape, or null when the text has another shape or is not a valid date-time. */
    static Instant fastPath(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            nanos = digits(s, start, i - start) * SCALE[i - start];
        }
        int offset = offsetSeconds(s, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
    }

    /** {@code Z} or {@code +HH:MM} / {@code -HH:MM} ending the text at {@code i}; MIN_VALUE for anything else. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return 0;
        }
        if (i != n - 6 || s.charAt(i + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = s.charAt(i);
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59
                || (hours == 18 && minutes > 0)) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
