package org.wcl4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
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
            x = ResidualStages.convBnRelu(graph, prefix + "stem", input, STEM_WIDTH, 3, 1);
        } else {
            String stem =
                    ResidualStages.convBnRelu(graph, prefix + "stem", input, STEM_WIDTH, 7, 2);
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

        // residual stages and global average pooling
        return ResidualStages.stagesThenPool(
                graph, prefix, x, STEM_WIDTH, WIDTHS, blocks, bottleneck);
    }
}
