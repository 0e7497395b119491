package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Two updates with a fixed gradient, checked against the update rule written out in plain Java. */
class MomentumSgdTest {

    private static final double RATE = 0.1;
    private static final double MOMENTUM = 0.9;
    private static final double DECAY = 0.01;

    @Test
    void heavyBallMomentumWithWeightDecayOnWeightsOnly() {
        checkTwoSteps(false);
    }

    @Test
    void nesterovMomentum() {
        checkTwoSteps(true);
    }

    private static void checkTwoSteps(boolean nesterov) {
        ContrastiveNetwork network = Fixtures.network(2, DataType.DOUBLE, Fixtures.optimizer(RATE));
        MomentumSgd sgd = network.optimiser();
        INDArray params = network.graph().params();
        long count = params.length();
        Nd4j.getRandom().setSeed(9);
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, 1, count);
        double[] g = gradient.data().asDouble();
        double[] w = Fixtures.parameters(network);
        double[] weight = sgd.weightMask().data().asDouble();
        double[] statistic = sgd.statisticsMask().data().asDouble();
        double[] v = new double[w.length];

        for (int t = 0; t < 2; t++) {
            sgd.step(params, gradient, RATE, MOMENTUM, DECAY, nesterov);
            for (int i = 0; i < w.length; i++) {
                if (statistic[i] != 0) {
                    w[i] -= g[i];
                    continue;
                }
                double d = g[i] + (weight[i] != 0 ? DECAY * w[i] : 0);
                v[i] = MOMENTUM * v[i] + d;
                w[i] -= RATE * (nesterov ? d + MOMENTUM * v[i] : v[i]);
            }
        }

        double[] actual = Fixtures.parameters(network);
        for (int i = 0; i < w.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(w[i], within(1e-12));
        }
        // conv 27 + head a 3*4 + 4*3 + head b 3*5 + 5*2 weights; BatchNorm 3+4+5 channels
        assertThat(sgd.weightCount()).isEqualTo(27 + 24 + 25);
        assertThat(sgd.statisticCount()).isEqualTo(2 * (3 + 4 + 5));
    }
}
