package org.wcl4j.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.Head;

/** A test head: dense, BatchNorm, tanh, dense with identity activation. */
final class TinyHead implements Head {

    private final int hidden;
    private final int output;

    TinyHead(int hidden, int output) {
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
                prefix + "act",
                new ActivationLayer.Builder().activation(Activation.TANH).build(),
                prefix + "bn");
        graph.addLayer(
                prefix + "out",
                new DenseLayer.Builder().nIn(hidden).nOut(output).build(),
                prefix + "act");
        return prefix + "out";
    }
}
