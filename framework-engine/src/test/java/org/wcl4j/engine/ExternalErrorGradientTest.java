package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.label.LabelContext;

/**
 * Checks the whole external-error path (stacking, forward in training mode, splitting, weighted
 * losses on two heads, backward) against central finite differences of the total loss, in double
 * precision, on a graph with convolution, BatchNorm, pooling and dense heads.
 */
class ExternalErrorGradientTest {

    private static final double STEP = 1e-6;

    @Test
    void backpropagatedGradientMatchesFiniteDifferences() {
        int n = 4;
        ContrastiveNetwork network = Fixtures.network(7, DataType.DOUBLE, Fixtures.optimizer(0.1));
        TrainingStep step = Fixtures.step(network, n, Fixtures.optimizer(0.1));
        ViewBatch views = Fixtures.views(n, 3);
        LabelContext context = Fixtures.context(n);

        // analytic gradient from the engine, before any update
        step.backpropagate(views, context, 0, 0.1);
        double[] analytic = network.graph().getGradientsViewArray().dup().data().asDouble();
        double[] statistics = Fixtures.statisticsMask(network);
        INDArray params = network.graph().params().reshape(analytic.length);

        // central differences of the total loss, parameter by parameter
        double worst = 0;
        int checked = 0;
        for (int i = 0; i < analytic.length; i++) {
            if (statistics[i] != 0) {
                continue;
            }
            double original = params.getDouble(i);
            params.putScalar(i, original + STEP);
            double plus = step.backpropagate(views, context, 0, 0.1).loss();
            params.putScalar(i, original - STEP);
            double minus = step.backpropagate(views, context, 0, 0.1).loss();
            params.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double scale = Math.max(Math.abs(numeric), Math.abs(analytic[i]));
            double error = Math.abs(numeric - analytic[i]);
            double relative = scale < 1e-8 ? 0 : error / scale;
            assertThat(error < 1e-9 || relative < 1e-4)
                    .as("parameter %d: analytic %s, numeric %s", i, analytic[i], numeric)
                    .isTrue();
            worst = Math.max(worst, error < 1e-9 ? 0 : relative);
            checked++;
        }
        System.out.printf(
                "gradient check: %d parameters, worst relative error %.3e%n", checked, worst);
        assertThat(checked).isGreaterThan(100);
    }
}
