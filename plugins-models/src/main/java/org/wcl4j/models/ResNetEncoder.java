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
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;

/**
 * ResNet-18 and ResNet-50 (He et al., "Deep Residual Learning for Image Recognition", CVPR 2016,
 * Table 1) without the final classifier: the backbones of the WCL paper (Zheng et al., ICCV 2021,
 * Sec. 4), ResNet-18 and ResNet-50 on CIFAR and ImageNet.
 *
 * <p>Layout, for images {@code [batch, channels, height, width]}:
 *
 * <ol>
 *   <li>stem, {@code imagenet}: 7x7 convolution to 64 channels with stride 2, BatchNorm, ReLU, 3x3
 *       max pooling with stride 2 (a quarter of the height and width remain); {@code cifar}: 3x3
 *       convolution to 64 channels with stride 1, BatchNorm, ReLU (full size);
 *   <li>four stages of widths 64, 128, 256 and 512; the first block of stages 1 to 3 has stride 2;
 *       <ul>
 *         <li>ResNet-18: 2, 2, 2, 2 basic blocks, {@code relu(bn(conv3x3(relu(bn(conv3x3(x))))) +
 *             shortcut(x))}, output width = stage width;
 *         <li>ResNet-50: 3, 4, 6, 3 bottleneck blocks, {@code relu(bn(conv1x1(relu(bn(conv3x3(
 *             relu(bn(conv1x1(x)))))))) + shortcut(x))}, the 3x3 convolution carrying the stride
 *             (torchvision's "v1.5"), output width = 4 x stage width;
 *       </ul>
 *       the shortcut is a 1x1 convolution with the block's stride and BatchNorm when the width or
 *       size changes, the input itself otherwise;
 *   <li>global average pooling to features {@code [batch, 512]} (ResNet-18) or {@code [batch,
 *       2048]} (ResNet-50).
 * </ol>
 *
 * <p>Convolutions have no bias, He-normal initial weights and "same" padding, so any image size
 * works; sizes halve rounding up. The trainable parameters are those of torchvision's {@code
 * resnet18} and {@code resnet50} without {@code fc} (11,176,512 and 23,508,032 with the ImageNet
 * stem); Deeplearning4j also stores each BatchNorm's running mean and deviation as parameters.
 * Vertex names start with the prefix, e.g. {@code encoder/stage2/block0/b/conv}.
 */
public final class ResNetEncoder implements Encoder {

    /** Widths of the four stages. */
    static final List<Integer> WIDTHS = List.of(64, 128, 256, 512);

    /** Channels of the stem. */
    static final int STEM_WIDTH = 64;

    /** Output width over stage width of a bottleneck block. */
    static final int EXPANSION = 4;

    private final String name;
    private final List<Integer> blocks;
    private final boolean bottleneck;
    private final boolean cifarStem;

    private ResNetEncoder(
            String name, List<Integer> blocks, boolean bottleneck, ResNetSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    name + ": invalid settings: " + String.join("; ", problems));
        }
        this.name = name;
        this.blocks = List.copyOf(blocks);
        this.bottleneck = bottleneck;
        this.cifarStem = ResNetSettings.CIFAR.equals(settings.stem());
    }

    /** ResNet-18: basic blocks, 2 per stage. */
    public static ResNetEncoder resnet18(ResNetSettings settings) {
        return new ResNetEncoder("resnet18", List.of(2, 2, 2, 2), false, settings);
    }

    /** ResNet-50: bottleneck blocks, 3, 4, 6 and 3 per stage. */
    public static ResNetEncoder resnet50(ResNetSettings settings) {
        return new ResNetEncoder("resnet50", List.of(3, 4, 6, 3), true, settings);
    }

    /** {@code resnet18} or {@code resnet50}. */
    public String name() {
        return name;
    }

    @Override
    public EncoderOutput build(GraphBuilder graph, String prefix, String input, ImageShape shape) {
        // stem
        String x;
        if (cifarStem) {
            x = convBnRelu(graph, prefix + "stem", input, STEM_WIDTH, 3, 1);
        } else {
            String stem = convBnRelu(graph, prefix + "stem", input, STEM_WIDTH, 7, 2);
            x = prefix + "stem/pool";
            graph.addLayer(
                    x,
                    new SubsamplingLayer.Builder(PoolingType.MAX)
                            .kernelSize(3, 3)
                            .stride(2, 2)
                            .convolutionMode(ConvolutionMode.Same)
                            .build(),
                    stem);
        }
        int channels = STEM_WIDTH;

        // residual stages
        for (int s = 0; s < WIDTHS.size(); s++) {
            int width = WIDTHS.get(s);
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
