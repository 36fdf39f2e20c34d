package io.agentassist.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void medianOfTenIsTheFifthSmallestValue() {
        // ceil(0.5 × 10) = 5; the input is unsorted on purpose
        double[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(5);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        // ceil(0.5 × 5) = 3
        assertThat(Percentiles.nearestRank(new double[] {40, 10, 50, 20, 30}, 50)).isEqualTo(30);
    }

    @Test
    void p99OfAHundredIsTheSecondSlowest() {
        double[] values = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();

        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(100);
    }

    @Test
    void p99OfFewValuesIsTheSlowest() {
        // ceil(0.99 × 7) = 7
        assertThat(Percentiles.nearestRank(new double[] {3, 1, 2, 7, 5, 6, 4}, 99)).isEqualTo(7);
    }

    @Test
    void percentileOfOneValueIsThatValue() {
        assertThat(Percentiles.nearestRank(new double[] {2.5}, 50)).isEqualTo(2.5);
        assertThat(Percentiles.nearestRank(new double[] {2.5}, 99)).isEqualTo(2.5);
    }

    @Test
    void inputIsNotReordered() {
        double[] values = {3, 1, 2};

        Percentiles.nearestRank(values, 50);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void noValuesOrAPercentOutsideTheRangeIsAnError() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[0], 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
