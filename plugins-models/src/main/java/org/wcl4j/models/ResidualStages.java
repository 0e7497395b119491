package org.wcl4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.EncoderOutput;

/**
 * The residual stages, blocks and convolutions that {@link ResNetEncoder} and {@link
 * SmallResNetEncoder} share, so both networks name and wire their vertices the same way.
 *
 * <p>Stage {@code s} holds {@code blocks[s]} blocks of width {@code widths[s]}; the first block of
 * every stage after the first has stride 2. A block's shortcut is a 1x1 convolution with the
 * block's stride and BatchNorm when the width or size changes, the input itself otherwise.
 * Convolutions have no bias, He-normal initial weights and "same" padding.
 */
final class ResidualStages {

    /** Output width over stage width of a bottleneck block. */
    static final int EXPANSION = 4;

    private ResidualStages() {}

    /**
     * Adds the residual stages after {@code input} and a global average pooling after them.
     *
     * @param input the stem's output vertex, {@code [batch, channels, height, width]}
     * @param channels the stem's output channels
     * @param bottleneck bottleneck blocks (output width = {@link #EXPANSION} x stage width) if
     *     true, basic blocks (output width = stage width) otherwise
     * @return the pooled features {@code [batch, last output width]}
     */
    static EncoderOutput stagesThenPool(
            GraphBuilder graph,
            String prefix,
            String input,
            int channels,
            List<Integer> widths,
            List<Integer> blocks,
            boolean bottleneck) {
        // residual stages
        String x = input;
        for (int s = 0; s < widths.size(); s++) {
            int width = widths.get(s);
            int out = bottleneck ? width * EXPANSION : width;
            for (int b = 0; b < blocks.get(s); b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String block = prefix + "stage" + s + "/block" + b + "/";
                boolean project = channels != out || stride != 1;
                x =
                        bottleneck
                                ? bottleneckBlock(graph, block, x, width, stride, project)
                                : basicBlock(graph, block, x, width, stride, project);
                channels = out;
            }
        }

        // global average pooling
        String pooled = prefix + "pool";
        graph.addLayer(pooled, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return new EncoderOutput(pooled, channels);
    }

    /**
     * Convolution, BatchNorm and ReLU, named {@code name/conv}, {@code name/bn}, {@code name/relu}.
     */
    static String convBnRelu(
            GraphBuilder graph, String name, String input, int width, int kernel, int stride) {
        String normalised = convBn(graph, name, input, width, kernel, stride);
        graph.addLayer(name + "/relu", relu(), normalised);
        return name + "/relu";
    }

    private static String basicBlock(
            GraphBuilder graph, String name, String input, int width, int stride, boolean project) {
        String first = convBnRelu(graph, name + "a", input, width, 3, stride);
        String second = convBn(graph, name + "b", first, width, 3, 1);
        return addShortcut(graph, name, input, second, width, stride, project);
    }

    private static String bottleneckBlock(
            GraphBuilder graph, String name, String input, int width, int stride, boolean project) {
        String reduce = convBnRelu(graph, name + "a", input, width, 1, 1);
        String spatial = convBnRelu(graph, name + "b", reduce, width, 3, stride);
        String expand = convBn(graph, name + "c", spatial, width * EXPANSION, 1, 1);
        return addShortcut(graph, name, input, expand, width * EXPANSION, stride, project);
    }

    private static String addShortcut(
            GraphBuilder graph,
            String name,
            String input,
            String residual,
            int width,
            int stride,
            boolean project) {
        String shortcut =
                project ? convBn(graph, name + "shortcut", input, width, 1, stride) : input;
        graph.addVertex(
                name + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), residual, shortcut);
        graph.addLayer(name + "relu", relu(), name + "add");
        return name + "relu";
    }

    private static String convBn(
            GraphBuilder graph, String name, String input, int width, int kernel, int stride) {
        ConvolutionLayer conv =
                new ConvolutionLayer.Builder(kernel, kernel)
                        .stride(stride, stride)
                        .nOut(width)
                        .convolutionMode(ConvolutionMode.Same)
                        .hasBias(false)
                        .weightInit(WeightInit.RELU)
                        .activation(Activation.IDENTITY)
                        .build();
        graph.addLayer(name + "/conv", conv, input);
        graph.addLayer(name + "/bn", new BatchNormalization.Builder().build(), name + "/conv");
        return name + "/bn";
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }
}
