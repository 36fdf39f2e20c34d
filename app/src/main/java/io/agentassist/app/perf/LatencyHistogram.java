package io.agentassist.app.perf;

/**
 * Latencies counted in fixed 0.1 ms buckets up to {@value #RANGE_MILLIS} ms, with the exact maximum: constant
 * memory, so a monitor can record a heartbeat every few milliseconds for a whole working day. Percentiles are
 * nearest-rank and read as the upper edge of the bucket they fall in (never above the maximum seen), so they
 * are at most 0.1 ms high. Thread-safe.
 */
public final class LatencyHistogram {
    static final long RANGE_MILLIS = 5_000;
    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = (int) (RANGE_MILLIS * 1_000_000 / BUCKET_NANOS);

    private final long[] counts = new long[BUCKETS + 1]; // the last one holds everything beyond the range
    private long count;
    private long maxNanos;

    /** Counts one latency; negative values count as 0. */
    public synchronized void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[(int) Math.min(BUCKETS, value / BUCKET_NANOS)]++;
        count++;
        maxNanos = Math.max(maxNanos, value);
    }

    public synchronized long count() {
        return count;
    }

    public synchronized double maxMillis() {
        return maxNanos / 1e6;
    }

    /** The nearest-rank percentile in milliseconds (see the class comment); 0 when nothing was recorded. */
    public synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long rank = Percentiles.rankIndex(count, percentile) + 1;
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return Math.min((bucket + 1) * BUCKET_NANOS, maxNanos) / 1e6;
            }
        }
        return maxNanos / 1e6;
    }

    /** Forgets everything recorded so far. */
    public synchronized void reset() {
        java.util.Arrays.fill(counts, 0);
        count = 0;
        maxNanos = 0;
    }
}
