package org.wcl4j.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;

/** A test encoder: 3x3 convolution, BatchNorm, ReLU, global average pooling. */
final class TinyEncoder implements Encoder {

    private final int width;

    TinyEncoder(int width) {
        this.width = width;
    }

    @Override
    public EncoderOutput build(GraphBuilder graph, String prefix, String input, ImageShape shape) {
        graph.addLayer(
                prefix + "conv",
                new ConvolutionLayer.Builder(3, 3)
                        .nOut(width)
                        .convolutionMode(ConvolutionMode.Same)
                        .hasBias(false)
                        .build(),
                input);
        graph.addLayer(prefix + "bn", new BatchNormalization.Builder().build(), prefix + "conv");
        graph.addLayer(
                prefix + "relu",
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                prefix + "bn");
        graph.addLayer(
                prefix + "pool",
                new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                prefix + "relu");
        return new EncoderOutput(prefix + "pool", width);
    }
}
