package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Rates checked against values worked out by hand from the formula in the class comment. */
class WarmupCosineScheduleTest {

    private final WarmupCosineSchedule schedule = new WarmupCosineSchedule(0.4, 4, 12);

    @Test
    void warmUpRisesLinearlyToThePeak() {
        assertThat(schedule.rate(0)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.rate(1)).isCloseTo(0.2, within(1e-12));
        assertThat(schedule.rate(3)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void cosineFallsFromThePeakToZero() {
        // progress (t - 4) / 8: 0 -> 0.4; 1/4 -> 0.2 (1 + cos(pi/4)) = 0.3414213562;
        // 1/2 -> 0.2; 7/8 -> 0.2 (1 + cos(7 pi / 8)) = 0.0152240935
        assertThat(schedule.rate(4)).isCloseTo(0.4, within(1e-12));
        assertThat(schedule.rate(6)).isCloseTo(0.3414213562, within(1e-9));
        assertThat(schedule.rate(8)).isCloseTo(0.2, within(1e-12));
        assertThat(schedule.rate(11)).isCloseTo(0.0152240935, within(1e-9));
        assertThat(schedule.rate(12)).isZero();
        assertThat(schedule.rate(500)).isZero();
    }

    @Test
    void withoutWarmUpTheFirstStepUsesThePeak() {
        WarmupCosineSchedule noWarmup = new WarmupCosineSchedule(1.0, 0, 4);
        // progress t / 4: 1, 0.5 (1 + cos(pi/4)) = 0.8535533906, 0.5, 0.1464466094
        assertThat(noWarmup.rate(0)).isCloseTo(1.0, within(1e-12));
        assertThat(noWarmup.rate(1)).isCloseTo(0.8535533906, within(1e-9));
        assertThat(noWarmup.rate(2)).isCloseTo(0.5, within(1e-12));
        assertThat(noWarmup.rate(3)).isCloseTo(0.1464466094, within(1e-9));
    }

    @Test
    void followsTheOptimizerSettings() {
        WarmupCosineSchedule fromSettings =
                WarmupCosineSchedule.of(new OptimizerSettings(0.3, 0.9, 1e-4, false, 10, 100));
        assertThat(fromSettings.rate(4)).isCloseTo(0.15, within(1e-12));
        assertThat(fromSettings.rate(10)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void rejectsANegativeStep() {
        assertThatThrownBy(() -> schedule.rate(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -1");
    }

    @Test
    void optimizerSettingsReportEveryProblem() {
        assertThatThrownBy(() -> new OptimizerSettings(-1, 1.0, -0.1, false, -2, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate: expected a finite value >= 0, found -1.0")
                .hasMessageContaining("momentum: expected a value in [0, 1), found 1.0")
                .hasMessageContaining("weightDecay")
                .hasMessageContaining("warmupSteps: expected a value >= 0, found -2");
    }
}
