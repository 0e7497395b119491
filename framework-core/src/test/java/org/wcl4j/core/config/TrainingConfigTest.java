package org.wcl4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.wcl4j.engine.OptimizerSettings;

/** The optimiser a training section asks for, and its batch-size scaling of the rate. */
class TrainingConfigTest {

    private static TrainingConfig training(
            int batchSize, double learningRate, String optimizer, String scaling) {
        return new TrainingConfig(
                100,
                batchSize,
                learningRate,
                0.9,
                false,
                1e-6,
                10,
                1,
                true,
                0,
                10,
                optimizer,
                0.001,
                scaling);
    }

    @Test
    void linearScalingMultipliesByTheBatchOver256() {
        // 0.3 * 512 / 256 = 0.6; 0.3 * 64 / 256 = 0.075
        assertThat(training(512, 0.3, "sgd", "linear").peakLearningRate())
                .isCloseTo(0.6, within(1e-15));
        assertThat(training(64, 0.3, "sgd", "linear").peakLearningRate())
                .isCloseTo(0.075, within(1e-15));
    }

    @Test
    void squareRootScalingMultipliesByTheRootOfTheBatch() {
        // SimCLR's 0.075 * sqrt(4096) = 0.075 * 64 = 4.8; 0.5 * sqrt(256) = 8
        assertThat(training(4096, 0.075, "lars", "sqrt").peakLearningRate())
                .isCloseTo(4.8, within(1e-12));
        assertThat(training(256, 0.5, "lars", "sqrt").peakLearningRate())
                .isCloseTo(8.0, within(1e-12));
        assertThat(training(256, 0.5, "lars", "none").peakLearningRate()).isEqualTo(0.5);
    }

    @Test
    void theOptimiserSettingsCarryTheMethodScaledRateAndStepsOfWarmUp() {
        // 100 epochs of 10 steps, 10 of them warm-up
        OptimizerSettings lars = training(128, 1.0, "lars", "linear").optimizer(10);

        assertThat(lars.method()).isEqualTo(OptimizerSettings.Method.LARS);
        assertThat(lars.learningRate()).isEqualTo(0.5);
        assertThat(lars.trustCoefficient()).isEqualTo(0.001);
        assertThat(lars.warmupSteps()).isEqualTo(100);
        assertThat(lars.totalSteps()).isEqualTo(1000);
        assertThat(training(128, 1.0, "sgd", "none").optimizer(10).method())
                .isEqualTo(OptimizerSettings.Method.SGD);
    }

    @Test
    void unknownNamesAndABadTrustCoefficientAreReported() {
        TrainingConfig bad =
                new TrainingConfig(
                        10, 256, 0.3, 0.9, false, 1e-4, 1, 1, true, 0, 10, "adam", -1, "cubic");

        assertThat(bad.problems())
                .containsExactly(
                        "optimizer: expected one of [sgd, lars], found 'adam'",
                        "trustCoefficient: expected a finite value > 0, found -1.0",
                        "learningRateScaling: expected one of [none, linear, sqrt], found 'cubic'");
        assertThat(TrainingConfig.defaults().problems()).isEmpty();
    }
}
