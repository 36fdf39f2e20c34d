package io.agentassist.app.perf;

import java.util.Arrays;

/** Percentiles of measured values, the way the benchmarks quote them. */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percentile} % of the values at or
     * below it. No interpolation, so every figure quoted is one that was measured.
     *
     * @param percentile above 0, at most 100
     */
    public static double nearestRank(double[] values, double percentile) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[rankIndex(sorted.length, percentile)];
    }

    /** The 0-based index of the nearest-rank percentile among {@code count} sorted values. */
    static int rankIndex(long count, double percentile) {
        long rank = (long) Math.ceil(percentile * count / 100.0);
        return (int) Math.max(0, Math.min(count, rank) - 1);
    }
}
