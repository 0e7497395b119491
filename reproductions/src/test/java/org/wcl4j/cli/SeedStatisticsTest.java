package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The statistics of the comparison on numbers worked out by hand. The p-values use the closed forms
 * of Student's t distribution for 1 and 3 degrees of freedom: with {@code x = |t| / sqrt(df)}, the
 * two-sided p is {@code 1 - (2/pi) atan(x)} for df = 1 and {@code 1 - (2/pi) (x / (1 + x^2) +
 * atan(x))} for df = 3 (evaluated with Python's math module).
 */
class SeedStatisticsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        // mean (1 + 2 + 3 + 4) / 4 = 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; sd = sqrt(5 / 3)
        double[] values = {1, 2, 3, 4};

        assertThat(SeedStatistics.mean(values)).isEqualTo(2.5);
        assertThat(SeedStatistics.sampleStandardDeviation(values))
                .isCloseTo(1.2909944487358056, within(1e-15));
    }

    @Test
    void standardDeviationNeedsTwoValues() {
        assertThat(SeedStatistics.sampleStandardDeviation(new double[] {3})).isNaN();
        assertThat(SeedStatistics.mean(new double[0])).isNaN();
    }

    @Test
    void pairedTestOfTwoSeeds() {
        // differences 55-50 = 5, 61-60 = 1: mean 3, sd sqrt((4 + 4) / 1) = 2.8284,
        // t = 3 / (2.8284 / sqrt 2) = 1.5 with df 1: p = 1 - (2/pi) atan(1.5) = 0.3743340836219976
        double p = SeedStatistics.pairedPValue(new double[] {50, 60}, new double[] {55, 61});

        assertThat(p).isCloseTo(0.3743340836219976, within(1e-12));
    }

    @Test
    void pairedTestOfFourSeedsIsSymmetric() {
        // differences 1, 2, 0, 3: mean 1.5, sd sqrt((0.25 + 0.25 + 2.25 + 2.25) / 3) = sqrt(5/3),
        // t = 1.5 / (sqrt(5/3) / 2) = 2.32379 with df 3: x = t / sqrt 3 = 1.341641,
        // p = 1 - (2/pi) (x / (1 + x^2) + atan x) = 0.10272807885839885
        double[] a = {1, 2, 3, 4};
        double[] b = {2, 4, 3, 7};

        assertThat(SeedStatistics.pairedPValue(a, b)).isCloseTo(0.10272807885839885, within(1e-12));
        assertThat(SeedStatistics.pairedPValue(b, a)).isCloseTo(0.10272807885839885, within(1e-12));
    }

    @Test
    void differencesWithoutSpread() {
        // identical numbers: no evidence of a difference
        assertThat(SeedStatistics.pairedPValue(new double[] {1, 2}, new double[] {1, 2}))
                .isEqualTo(1.0);
        // every seed 0.5 higher: sd of the differences 0, t undefined
        assertThat(SeedStatistics.pairedPValue(new double[] {1, 2}, new double[] {1.5, 2.5}))
                .isNaN();
    }

    @Test
    void pairedTestNeedsTwoPairsOfFiniteValues() {
        assertThat(SeedStatistics.pairedPValue(new double[] {1}, new double[] {2})).isNaN();
        assertThat(SeedStatistics.pairedPValue(new double[] {1, Double.NaN}, new double[] {2, 3}))
                .isNaN();
        assertThatThrownBy(() -> SeedStatistics.pairedPValue(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 2 and 1");
    }
}
