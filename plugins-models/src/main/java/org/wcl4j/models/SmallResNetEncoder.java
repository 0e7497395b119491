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
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;

/**
 * A small residual network (He et al., "Deep Residual Learning for Image Recognition", CVPR 2016,
 * basic blocks) for small images such as 28x28 Fashion-MNIST or 32x32 CIFAR.
 *
 * <p>Layout, for images {@code [batch, channels, height, width]}:
 *
 * <ol>
 *   <li>stem: 3x3 convolution to {@code widths[0]} channels, stride 1, no bias; BatchNorm; ReLU;
 *   <li>stage {@code s}: {@code blocks[s]} basic blocks of width {@code widths[s]}, each {@code
 *       relu(bn(conv3x3(relu(bn(conv3x3(x))))) + shortcut(x))}; the first block of every stage
 *       after the first has stride 2 and a projection shortcut (1x1 convolution with stride 2 and
 *       BatchNorm); other blocks add their input unchanged;
 *   <li>global average pooling to features {@code [batch, widths[last]]}.
 * </ol>
 *
 * <p>Convolutions use "same" padding, so any channel count and any spatial size work; each stage
 * after the first halves height and width (rounding up). Convolutions have no bias (BatchNorm
 * follows each one) and He-normal initial weights. Vertex names start with the prefix, e.g. {@code
 * encoder/stage1/block0/a/conv}.
 */
public final class SmallResNetEncoder implements Encoder {

    private final List<Integer> widths;
    private final List<Integer> blocks;

    /**
     * @param settings widths and blocks per stage; must pass {@link SmallResNetSettings#problems()}
     */
    public SmallResNetEncoder(SmallResNetSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "small-resnet: invalid settings: " + String.join("; ", problems));
        }
        this.widths = settings.widths();
        this.blocks = settings.blocks();
    }

    @Override
    public EncoderOutput build(GraphBuilder graph, String prefix, String input, ImageShape shape) {
        // stem
        String x = convBnRelu(graph, prefix + "stem", input, widths.get(0), 3, 1);
        int channels = widths.get(0);

        // residual stages
        for (int s = 0; s < widths.size(); s++) {
            int width = widths.get(s);
            for (int b = 0; b < blocks.get(s); b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                String name = prefix + "stage" + s + "/block" + b + "/";
                x = basicBlock(graph, name, x, width, stride, channels != width || stride != 1);
                channels = width;
            }
        }

        // global average pooling
        String pooled = prefix + "pool";
        graph.addLayer(pooled, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        return new EncoderOutput(pooled, channels);
    }

    private static String basicBlock(
            GraphBuilder graph, String name, String input, int width, int stride, boolean project) {
        String first = convBnRelu(graph, name + "a", input, width, 3, stride);
        String second = convBn(graph, name + "b", first, width, 3, 1);
        String shortcut =
                project ? convBn(graph, name + "shortcut", input, width, 1, stride) : input;
        graph.addVertex(
                name + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), second, shortcut);
        graph.addLayer(name + "relu", relu(), name + "add");
        return name + "relu";
    }

    private static String convBnRelu(
            GraphBuilder graph, String name, String input, int width, int kernel, int stride) {
        String normalised = convBn(graph, name, input, width, kernel, stride);
        graph.addLayer(name + "/relu", relu(), normalised);
        return name + "/relu";
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
