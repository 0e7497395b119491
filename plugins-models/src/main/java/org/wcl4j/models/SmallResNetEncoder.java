package org.wcl4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
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
        String stem = ResidualStages.convBnRelu(graph, prefix + "stem", input, widths.get(0), 3, 1);

        // residual stages and global average pooling
        return ResidualStages.stagesThenPool(
                graph, prefix, stem, widths.get(0), widths, blocks, false);
    }
}
