package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * LARS on a dense layer (2x2 kernel and bias) followed by BatchNorm, with every value worked out by
 * hand in the comments: rate 2, momentum 0.9, weight decay 0.25, trust coefficient 0.01.
 */
class LarsTest {

    private static final double RATE = 2.0;
    private static final double MOMENTUM = 0.9;
    private static final double DECAY = 0.25;
    private static final double ETA = 0.01;

    /** x -> dense(2, bias) -> BatchNorm, in double precision. */
    private static ComputationGraph graph() {
        ComputationGraph graph =
                new ComputationGraph(
                        new NeuralNetConfiguration.Builder()
                                .seed(1)
                                .dataType(DataType.DOUBLE)
                                .updater(new Sgd(0.0))
                                .graphBuilder()
                                .addInputs("x")
                                .setInputTypes(InputType.feedForward(2))
                                .addLayer(
                                        "dense",
                                        new DenseLayer.Builder()
                                                .nIn(2)
                                                .nOut(2)
                                                .activation(Activation.IDENTITY)
                                                .build(),
                                        "x")
                                .addLayer("bn", new BatchNormalization.Builder().build(), "dense")
                                .setOutputs("bn")
                                .build());
        graph.init();
        return graph;
    }

    private static Map<String, INDArray> dense(ComputationGraph graph) {
        return graph.getLayer("dense").paramTable();
    }

    private static Map<String, INDArray> bn(ComputationGraph graph) {
        return graph.getLayer("bn").paramTable();
    }

    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;
    private static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    private static final String BETA = BatchNormalizationParamInitializer.BETA;
    private static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;

    /** Writes values through the parameter views: kernel, bias, gamma, beta, running mean. */
    private static void set(
            ComputationGraph graph,
            double[][] kernel,
            double[] bias,
            double[] gamma,
            double[] beta,
            double[] mean) {
        dense(graph).get(W).assign(Nd4j.createFromArray(kernel));
        assign(dense(graph).get(B), bias);
        assign(bn(graph).get(GAMMA), gamma);
        assign(bn(graph).get(BETA), beta);
        assign(bn(graph).get(MEAN), mean);
    }

    /** Writes a vector into a parameter view of any shape holding as many values. */
    private static void assign(INDArray view, double[] values) {
        view.assign(Nd4j.createFromArray(values).reshape(view.shape()));
    }

    /** A flat gradient laid out like the parameters, built by writing through their views. */
    private static INDArray gradient(
            ComputationGraph graph,
            double[][] kernel,
            double[] bias,
            double[] gamma,
            double[] beta,
            double[] mean) {
        INDArray saved = graph.params().dup();
        graph.params().assign(0);
        set(graph, kernel, bias, gamma, beta, mean);
        INDArray flat = graph.params().dup();
        graph.params().assign(saved);
        return flat;
    }

    private static double at(Map<String, INDArray> table, String key, int row, int column) {
        INDArray values = table.get(key);
        return values.rank() == 2 ? values.getDouble(row, column) : values.getDouble(column);
    }

    @Test
    void twoStepsMatchTheHandWorkedValues() {
        ComputationGraph graph = graph();
        set(
                graph,
                new double[][] {{3, 0}, {0, 4}},
                new double[] {1, -1},
                new double[] {1, 1},
                new double[] {0, 0},
                new double[] {0, 0});
        INDArray g =
                gradient(
                        graph,
                        new double[][] {{0.5, 0}, {0, -1}},
                        new double[] {0.5, 0.25},
                        new double[] {0.1, -0.2},
                        new double[] {0.3, 0},
                        new double[] {0.05, -0.05});
        Lars lars = new Lars(graph, new MomentumSgd(graph));

        lars.step(graph.params(), g, RATE, MOMENTUM, DECAY, ETA, false);

        // kernel: d = g + 0.25 w = [[1.25, 0], [0, 0]]; ||w|| = 5, ||d|| = 1.25, trust =
        // 0.01 * 5 / 1.25 = 0.04; v = 0.04 d = [[0.05, 0], [0, 0]]; w = w - 2 v
        Map<String, INDArray> dense = dense(graph);
        assertThat(at(dense, W, 0, 0)).isCloseTo(2.9, within(1e-12));
        assertThat(at(dense, W, 1, 1)).isCloseTo(4.0, within(1e-12));
        // bias, gamma, beta: no decay, no trust ratio: w = w - 2 g
        assertThat(at(dense, B, 0, 0)).isCloseTo(0.0, within(1e-12));
        assertThat(at(dense, B, 0, 1)).isCloseTo(-1.5, within(1e-12));
        assertThat(at(bn(graph), GAMMA, 0, 0)).isCloseTo(0.8, within(1e-12));
        assertThat(at(bn(graph), GAMMA, 0, 1)).isCloseTo(1.4, within(1e-12));
        assertThat(at(bn(graph), BETA, 0, 0)).isCloseTo(-0.6, within(1e-12));
        // running mean: exactly -g, whatever the rate
        assertThat(at(bn(graph), MEAN, 0, 0)).isCloseTo(-0.05, within(1e-12));

        lars.step(graph.params(), g, RATE, MOMENTUM, DECAY, ETA, false);

        // kernel: d = [[0.5 + 0.25 * 2.9, 0], [0, -1 + 0.25 * 4]] = [[1.225, 0], [0, 0]];
        // trust * d = 0.01 * ||w|| * d / ||d|| = [[0.01 * sqrt(2.9^2 + 4^2), 0], [0, 0]];
        // v = 0.9 * 0.05 + 0.01 * sqrt(24.41); w = 2.9 - 2 v
        double v = 0.9 * 0.05 + 0.01 * Math.sqrt(24.41);
        assertThat(at(dense, W, 0, 0)).isCloseTo(2.9 - 2 * v, within(1e-12));
        assertThat(at(dense, W, 0, 1)).isCloseTo(0.0, within(1e-12));
        assertThat(at(dense, W, 1, 1)).isCloseTo(4.0, within(1e-12));
        // bias: v = 0.9 * 0.5 + 0.5 = 0.95, 0.9 * 0.25 + 0.25 = 0.475; w = w - 2 v
        assertThat(at(dense, B, 0, 0)).isCloseTo(-1.9, within(1e-12));
        assertThat(at(dense, B, 0, 1)).isCloseTo(-2.45, within(1e-12));
        // gamma: v = [0.19, -0.38]; beta: v = [0.57, 0]
        assertThat(at(bn(graph), GAMMA, 0, 0)).isCloseTo(0.42, within(1e-12));
        assertThat(at(bn(graph), GAMMA, 0, 1)).isCloseTo(2.16, within(1e-12));
        assertThat(at(bn(graph), BETA, 0, 0)).isCloseTo(-1.74, within(1e-12));
        assertThat(at(bn(graph), BETA, 0, 1)).isCloseTo(0.0, within(1e-12));
        assertThat(at(bn(graph), MEAN, 0, 1)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void nesterovAddsTheMomentumLookahead() {
        ComputationGraph graph = graph();
        set(
                graph,
                new double[][] {{3, 0}, {0, 4}},
                new double[] {0, 0},
                new double[] {1, 1},
                new double[] {0, 0},
                new double[] {0, 0});
        INDArray g =
                gradient(
                        graph,
                        new double[][] {{0.5, 0}, {0, -1}},
                        new double[] {1, 0},
                        new double[] {0, 0},
                        new double[] {0, 0},
                        new double[] {0, 0});

        new Lars(graph, new MomentumSgd(graph))
                .step(graph.params(), g, RATE, MOMENTUM, DECAY, ETA, true);

        // kernel: trust * d = 0.05 as above, v = 0.05; step = 0.05 + 0.9 * 0.05 = 0.095
        assertThat(at(dense(graph), W, 0, 0)).isCloseTo(3 - 2 * 0.095, within(1e-12));
        // bias: step = 1 + 0.9 * 1 = 1.9
        assertThat(at(dense(graph), B, 0, 0)).isCloseTo(-3.8, within(1e-12));
    }

    @Test
    void aZeroWeightTensorTakesThePlainStep() {
        ComputationGraph graph = graph();
        set(
                graph,
                new double[][] {{0, 0}, {0, 0}},
                new double[] {0, 0},
                new double[] {1, 1},
                new double[] {0, 0},
                new double[] {0, 0});
        INDArray g =
                gradient(
                        graph,
                        new double[][] {{1, 0}, {0, 0}},
                        new double[] {0, 0},
                        new double[] {0, 0},
                        new double[] {0, 0},
                        new double[] {0, 0});

        new Lars(graph, new MomentumSgd(graph))
                .step(graph.params(), g, RATE, MOMENTUM, DECAY, ETA, false);

        // ||w|| = 0: trust 1 (not 0, which would freeze the tensor for ever); w = 0 - 2 * 1
        assertThat(at(dense(graph), W, 0, 0)).isCloseTo(-2.0, within(1e-12));
        assertThat(at(dense(graph), W, 1, 0)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void theTrainingStepUsesLarsWhenAskedAndKeepsItsVelocityInTheCheckpointBuffer() {
        OptimizerSettings settings =
                new OptimizerSettings(
                        0.5, 0.9, 1e-3, false, 0, 100, OptimizerSettings.Method.LARS, 0.02);
        ContrastiveNetwork viaStep = Fixtures.network(5, DataType.DOUBLE, settings);
        ContrastiveNetwork byHand = Fixtures.network(5, DataType.DOUBLE, settings);

        Fixtures.step(viaStep, 4, settings).run(Fixtures.views(4, 1), Fixtures.context(4), 0);
        Fixtures.step(byHand, 4, settings)
                .backpropagate(Fixtures.views(4, 1), Fixtures.context(4), 0, 0.5);
        Lars lars = byHand.lars();
        lars.step(
                byHand.graph().params(),
                byHand.graph().getGradientsViewArray(),
                0.5,
                0.9,
                1e-3,
                0.02,
                false);

        // one convolution kernel and two dense kernels in each of the two heads
        assertThat(lars.adaptedTensors()).isEqualTo(5);
        assertThat(Fixtures.parameters(viaStep)).containsExactly(Fixtures.parameters(byHand));
        assertThat(viaStep.optimiser().velocity().toDoubleVector())
                .containsExactly(byHand.optimiser().velocity().toDoubleVector());
        assertThat(viaStep.optimiser().velocity().norm2Number().doubleValue()).isPositive();
    }

    @Test
    void settingsRejectABadTrustCoefficient() {
        assertThatThrownBy(
                        () ->
                                new OptimizerSettings(
                                        0.1,
                                        0.9,
                                        0,
                                        false,
                                        0,
                                        10,
                                        OptimizerSettings.Method.LARS,
                                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustCoefficient: expected a finite value > 0, found 0.0");
        assertThat(new OptimizerSettings(0.1, 0.9, 0, false, 0, 10).method())
                .isEqualTo(OptimizerSettings.Method.SGD);
    }
}
