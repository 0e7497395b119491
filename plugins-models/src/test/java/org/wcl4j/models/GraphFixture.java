package org.wcl4j.models;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;

/** Builds plain test graphs around one encoder or head. */
final class GraphFixture {

    private GraphFixture() {}

    static GraphBuilder builder(String input, InputType type) {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs(input)
                .setInputTypes(type);
    }

    /** A graph from images to the encoder's pooled features. */
    static ComputationGraph encoderGraph(Encoder encoder, ImageShape shape) {
        GraphBuilder graph =
                builder(
                        "images",
                        InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        String output = encoder.build(graph, "encoder/", "images", shape).vertex();
        ComputationGraph network = new ComputationGraph(graph.setOutputs(output).build());
        network.init();
        return network;
    }
}
