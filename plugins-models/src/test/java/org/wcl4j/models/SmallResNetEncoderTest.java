package org.wcl4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.EncoderOutput;

class SmallResNetEncoderTest {

    private static final SmallResNetEncoder DEFAULT =
            new SmallResNetEncoder(SmallResNetSettings.defaults());

    @Test
    void greyTwentyEightPixelImagesGiveFeaturesOfTheLastWidth() {
        ComputationGraph graph = GraphFixture.encoderGraph(DEFAULT, new ImageShape(1, 28, 28));
        Map<String, INDArray> activations =
                graph.feedForward(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28), false);

        // stride 2 in stages 1 and 2, "same" padding: 28 -> 28 -> 14 -> 7
        assertThat(activations.get("encoder/stage0/block0/relu").shape())
                .containsExactly(2, 32, 28, 28);
        assertThat(activations.get("encoder/stage1/block0/relu").shape())
                .containsExactly(2, 64, 14, 14);
        assertThat(activations.get("encoder/stage2/block0/relu").shape())
                .containsExactly(2, 128, 7, 7);
        assertThat(activations.get("encoder/pool").shape()).containsExactly(2, 128);
    }

    @Test
    void colourThirtyTwoPixelImagesWork() {
        ComputationGraph graph = GraphFixture.encoderGraph(DEFAULT, new ImageShape(3, 32, 32));
        INDArray features = graph.outputSingle(Nd4j.rand(DataType.FLOAT, 3, 3, 32, 32));
        assertThat(features.shape()).containsExactly(3, 128);
    }

    @Test
    void nonSquareAndOddSizesRoundUp() {
        SmallResNetEncoder encoder = encoder(List.of(4, 6), List.of(1, 2));
        ComputationGraph graph = GraphFixture.encoderGraph(encoder, new ImageShape(2, 9, 20));
        Map<String, INDArray> activations =
                graph.feedForward(Nd4j.rand(DataType.FLOAT, 2, 2, 9, 20), false);

        // 9x20 -> 5x10 after the stride-2 stage
        assertThat(activations.get("encoder/stage1/block1/relu").shape())
                .containsExactly(2, 6, 5, 10);
        assertThat(activations.get("encoder/pool").shape()).containsExactly(2, 6);
    }

    @Test
    void tinyConfigurationHasTheHandCountedParameters() {
        // stem: conv 1->2 3x3 no bias 18, BatchNorm 4 * 2 (gamma, beta, mean, log-std) = 8
        // stage 0 (width 2, stride 1, identity shortcut): 2 * (conv 2*2*9 = 36 + BN 8) = 88
        // stage 1 (width 3, stride 2): conv 2->3 54 + BN 12, conv 3->3 81 + BN 12,
        //   projection 1x1 2->3 6 + BN 12 = 177
        SmallResNetEncoder encoder = encoder(List.of(2, 3), List.of(1, 1));
        ComputationGraph graph = GraphFixture.encoderGraph(encoder, new ImageShape(1, 8, 8));

        assertThat(graph.numParams()).isEqualTo(18 + 8 + 88 + 177);
        assertThat(graph.getVertex("encoder/stage1/block0/shortcut/conv")).isNotNull();
        assertThat(graph.getConfiguration().getVertices())
                .doesNotContainKey("encoder/stage0/block0/shortcut/conv");
        assertThat(graph.getConfiguration().getVertices().keySet())
                .allMatch(name -> name.startsWith("encoder/"));
    }

    @Test
    void reportsThePooledVertexAndItsSize() {
        GraphBuilder graph = GraphFixture.builder("x", InputType.convolutional(8, 8, 1));
        EncoderOutput output =
                encoder(List.of(5, 7, 9), List.of(2, 1, 1))
                        .build(graph, "e/", "x", new ImageShape(1, 8, 8));
        assertThat(output).isEqualTo(new EncoderOutput("e/pool", 9));
    }

    @Test
    void settingsReportEveryProblem() {
        assertThat(SmallResNetSettings.defaults().problems()).isEmpty();
        assertThat(new SmallResNetSettings(List.of(), List.of()).problems())
                .containsExactly("widths: expected at least one stage width, found an empty list");
        assertThat(new SmallResNetSettings(List.of(32, 0), List.of(1, 1, -2)).problems())
                .containsExactly(
                        "blocks: expected one entry per stage (2 as in widths), found 3",
                        "widths[1]: expected a value in [1, 4096], found 0",
                        "blocks[2]: expected a value in [1, 64], found -2");
        assertThatThrownBy(() -> encoder(List.of(8), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("small-resnet")
                .hasMessageContaining("blocks[0]: expected a value in [1, 64], found 0");
    }

    @Test
    void providerHasTheAgreedNameAndDefaults() {
        SmallResNetEncoderProvider provider = new SmallResNetEncoderProvider();
        assertThat(provider.name()).isEqualTo("small-resnet");
        assertThat(provider.defaults())
                .isEqualTo(new SmallResNetSettings(List.of(32, 64, 128), List.of(1, 1, 1)));
        assertThat(provider.settingsType()).isEqualTo(SmallResNetSettings.class);
        assertThat(provider.create(provider.defaults())).isInstanceOf(SmallResNetEncoder.class);
    }

    private static SmallResNetEncoder encoder(List<Integer> widths, List<Integer> blocks) {
        return new SmallResNetEncoder(new SmallResNetSettings(widths, blocks));
    }
}
