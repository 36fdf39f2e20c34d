package io.agentassist.app.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesAreNearestRankWithoutInterpolation() {
        double[] millis = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        assertThat(Percentiles.nearestRank(millis, 50)).isEqualTo(50.0);
        assertThat(Percentiles.nearestRank(millis, 90)).isEqualTo(90.0);
        assertThat(Percentiles.nearestRank(millis, 99)).isEqualTo(99.0);
        assertThat(Percentiles.nearestRank(millis, 100)).isEqualTo(100.0);
        assertThat(Percentiles.nearestRank(new double[] {3.0}, 99)).isEqualTo(3.0);
    }

    @Test
    void theValuesNeedNotBeSortedAndAreLeftAsTheyWere() {
        double[] values = {9, 1, 5, 3, 7};

        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(5.0);
        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(9.0);
        assertThat(values).containsExactly(9, 1, 5, 3, 7);
    }

    @Test
    void aP99OfFewerThanAHundredValuesIsTheMaximum() {
        double[] values = IntStream.rangeClosed(1, 300).asDoubleStream().toArray();

        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(297.0);
        assertThat(Percentiles.nearestRank(new double[] {1, 2, 3, 40}, 99)).isEqualTo(40.0);
    }

    @Test
    void nothingToRankIsAnError() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
