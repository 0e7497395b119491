package org.wcl4j.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;

/**
 * A benchmark encoder shaped like {@code small-resnet} with widths 32/64/128 and one basic block
 * per stage, kept here so the engine's benchmark does not depend on a plugin module.
 */
final class BenchmarkResNet implements Encoder {

    private final int[] widths;

    /** Widths 32, 64 and 128, as the engine's benchmark uses. */
    BenchmarkResNet() {
        this(32, 64, 128);
    }

    /** One stage per width. */
    BenchmarkResNet(int... widths) {
        this.widths = widths.clone();
    }

    @Override
    public EncoderOutput build(GraphBuilder graph, String prefix, String input, ImageShape shape) {
        String x = conv(graph, prefix + "stem", input, widths[0], 3, 1, true);
        for (int s = 0; s < widths.length; s++) {
            int stride = s == 0 ? 1 : 2;
            String name = prefix + "stage" + s + "/";
            String a = conv(graph, name + "a", x, widths[s], 3, stride, true);
            String b = conv(graph, name + "b", a, widths[s], 3, 1, false);
            String shortcut =
                    s == 0 ? x : conv(graph, name + "shortcut", x, widths[s], 1, stride, false);
            graph.addVertex(
                    name + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), b, shortcut);
            graph.addLayer(name + "relu", relu(), name + "add");
            x = name + "relu";
        }
        graph.addLayer(prefix + "pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return new EncoderOutput(prefix + "pool", widths[widths.length - 1]);
    }

    private static String conv(
            GraphBuilder graph,
            String name,
            String input,
            int width,
            int kernel,
            int stride,
            boolean relu) {
        graph.addLayer(
                name + "/conv",
                new ConvolutionLayer.Builder(kernel, kernel)
                        .stride(stride, stride)
                        .nOut(width)
                        .convolutionMode(ConvolutionMode.Same)
                        .hasBias(false)
                        .build(),
                input);
        graph.addLayer(name + "/bn", new BatchNormalization.Builder().build(), name + "/conv");
        if (!relu) {
            return name + "/bn";
        }
        graph.addLayer(name + "/relu", relu(), name + "/bn");
        return name + "/relu";
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }
}
