package org.wcl4j.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.Head;

/** A benchmark head shaped like {@code mlp}: dense, BatchNorm, ReLU, dense. */
final class BenchmarkMlp implements Head {

    private final int hidden;
    private final int output;

    BenchmarkMlp(int hidden, int output) {
        this.hidden = hidden;
        this.output = output;
    }

    @Override
    public int outputSize() {
        return output;
    }

    @Override
    public String build(GraphBuilder graph, String prefix, String input, int inputSize) {
        graph.addLayer(
                prefix + "hidden",
                new DenseLayer.Builder().nIn(inputSize).nOut(hidden).build(),
                input);
        graph.addLayer(prefix + "bn", new BatchNormalization.Builder().build(), prefix + "hidden");
        graph.addLayer(
                prefix + "relu",
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                prefix + "bn");
        graph.addLayer(
                prefix + "out",
                new DenseLayer.Builder().nIn(hidden).nOut(output).build(),
                prefix + "relu");
        return prefix + "out";
    }
}
