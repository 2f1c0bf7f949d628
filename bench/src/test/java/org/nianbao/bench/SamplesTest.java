package org.nianbao.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesTest {

    @Test
    void medianOfOddAndEvenCountsIsTheMiddle() {
        assertThat(Samples.of(5, 1, 3).median()).isEqualTo(3);
        assertThat(Samples.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void spreadIsHalfTheRangeOverTheMedian() {
        Samples s = Samples.of(90, 100, 110);
        assertThat(s.min()).isEqualTo(90);
        assertThat(s.max()).isEqualTo(110);
        assertThat(s.spread()).isEqualTo(0.10);
        assertThat(s.format()).isEqualTo("100 ±10% (n=3)");
    }

    @Test
    void singleRunSaysSoInsteadOfClaimingNoSpread() {
        assertThat(Samples.of(12.345).format()).isEqualTo("12.3 (n=1)");
    }

    @Test
    void numbersKeepAboutThreeSignificantFigures() {
        assertThat(Samples.number(12345.6)).isEqualTo("12346");
        assertThat(Samples.number(1.2345)).isEqualTo("1.23");
        assertThat(Samples.number(0.01234)).isEqualTo("0.012");
        assertThat(Samples.number(0)).isEqualTo("0");
    }

    @Test
    void refusesAFigureWithoutMeasurements() {
        assertThatThrownBy(() -> new Samples(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
