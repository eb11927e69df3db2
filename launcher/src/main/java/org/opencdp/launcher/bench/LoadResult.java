package org.opencdp.launcher.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load phase measured. Latencies are in nanoseconds, sorted; only 2xx responses count toward the throughput
 * and the latencies.
 */
public record LoadResult(String target, int connections, long ok, Map<Integer, Long> otherStatuses, long errors,
                         String firstError, long elapsedNanos, long[] sortedLatenciesNanos) {

    public LoadResult {
        otherStatuses = Map.copyOf(new TreeMap<>(otherStatuses));
    }

    /** Responses that were not 2xx. */
    public long non2xx() {
        return otherStatuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Non-2xx responses plus transport errors (timeouts, refused connections). */
    public long failures() {
        return non2xx() + errors;
    }

    /** Successful requests per second. */
    public double throughput() {
        return elapsedNanos <= 0 ? 0 : ok / (elapsedNanos / 1e9);
    }

    /** Nearest-rank percentile of the latencies, in milliseconds. */
    public double percentileMillis(double p) {
        if (sortedLatenciesNanos.length == 0) {
            return Double.NaN;
        }
        return Percentiles.nearestRank(sortedLatenciesNanos, p) / 1e6;
    }

    public String failureSummary() {
        StringBuilder sb = new StringBuilder();
        if (!otherStatuses.isEmpty()) {
            sb.append(non2xx()).append(" non-2xx responses ").append(otherStatuses);
        }
        if (errors > 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(errors).append(" errors (first: ").append(firstError).append(')');
        }
        return sb.toString();
    }
}
