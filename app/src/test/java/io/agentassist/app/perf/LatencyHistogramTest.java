package io.agentassist.app.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreTheUpperEdgeOfTheirTenthOfAMillisecond() {
        var histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            histogram.record(millis * 1_000_000L + 30_000); // 1.03 ms .. 100.03 ms
        }

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.percentileMillis(50)).isCloseTo(50.1, within(1e-9));
        assertThat(histogram.percentileMillis(99)).isCloseTo(99.1, within(1e-9));
        assertThat(histogram.maxMillis()).isCloseTo(100.03, within(1e-9));
        assertThat(histogram.percentileMillis(100)).as("never above the maximum").isCloseTo(100.03, within(1e-9));
    }

    @Test
    void latenciesBeyondTheRangeStillCountAndKeepTheirExactMaximum() {
        var histogram = new LatencyHistogram();
        histogram.record(1_950_000);
        histogram.record((LatencyHistogram.RANGE_MILLIS + 1234) * 1_000_000L);

        assertThat(histogram.percentileMillis(50)).isCloseTo(2.0, within(1e-9));
        assertThat(histogram.percentileMillis(99)).isCloseTo(LatencyHistogram.RANGE_MILLIS + 1234, within(1e-9));
    }

    @Test
    void resetForgetsEverything() {
        var histogram = new LatencyHistogram();
        histogram.record(80_000_000);
        histogram.reset();

        assertThat(histogram.count()).isZero();
        assertThat(histogram.maxMillis()).isZero();
        assertThat(histogram.percentileMillis(99)).isZero();
    }
}
