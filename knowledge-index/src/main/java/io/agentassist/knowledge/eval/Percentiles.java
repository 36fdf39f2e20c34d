package io.agentassist.knowledge.eval;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
 * ceil(p/100 × n) in ascending order. Nearest rank always returns a latency that was actually measured,
 * so a p99 over a hundred queries is the slowest-but-one query, not an interpolation between two.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent}-th percentile (0 &lt; percent ≤ 100) of {@code values}, which must not be empty. */
    static double nearestRank(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
