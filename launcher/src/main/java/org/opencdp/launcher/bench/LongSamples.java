package org.opencdp.launcher.bench;

import java.util.Arrays;

/** A growable array of longs (latency samples in nanoseconds); not thread-safe. */
final class LongSamples {
    private long[] values = new long[4096];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** All samples of all the given arrays, sorted. */
    static long[] mergeSorted(Iterable<LongSamples> parts) {
        int total = 0;
        for (LongSamples part : parts) {
            total += part.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LongSamples part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        Arrays.sort(all);
        return all;
    }
}
