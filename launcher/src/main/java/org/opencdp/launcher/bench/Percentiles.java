package org.opencdp.launcher.bench;

import java.util.Arrays;

/** Percentiles (nearest-rank) and medians. */
public final class Percentiles {
    private Percentiles() {}

    /**
     * The nearest-rank percentile of sorted values: the smallest value such that at least {@code p} percent of the
     * values are less than or equal to it. {@code p} in [0, 100]; p = 0 gives the minimum.
     */
    public static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        if (p < 0 || p > 100 || Double.isNaN(p)) {
            throw new IllegalArgumentException("Percentile out of [0, 100]: " + p);
        }
        if (p == 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    public static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        int mid = copy.length / 2;
        return copy.length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2.0;
    }
}
