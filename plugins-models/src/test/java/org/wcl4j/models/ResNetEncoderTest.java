package org.wcl4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.data.ImageShape;

/**
 * Shapes on tiny inputs and parameter counts against an independent reference: the counts of
 * PyTorch networks built by {@code src/test/resources/resnet_parameter_counts.py} (plain PyTorch
 * after He et al. 2016 and torchvision's layout), which agree with torchvision's published sizes
 * (ResNet-18 11,689,512 and ResNet-50 25,557,032 parameters, minus their classifiers of 513,000 and
 * 2,049,000).
 */
class ResNetEncoderTest {

    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);

    /** BatchNorm's running statistics: Deeplearning4j parameters, PyTorch buffers. */
    private static final Set<String> STATISTICS =
            Set.of(
                    BatchNormalizationParamInitializer.GLOBAL_MEAN,
                    BatchNormalizationParamInitializer.GLOBAL_VAR,
                    BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

    private static long trainableParameters(ComputationGraph graph) {
        long count = 0;
        for (Layer layer : graph.getLayers()) {
            for (Map.Entry<String, INDArray> entry : layer.paramTable().entrySet()) {
                if (!(layer instanceof BatchNormalization && STATISTICS.contains(entry.getKey()))) {
                    count += entry.getValue().length();
                }
            }
        }
        return count;
    }

    private static ComputationGraph graph(ResNetEncoder encoder, ImageShape shape) {
        return GraphFixture.encoderGraph(encoder, shape);
    }

    @Test
    void resnet18WithTheCifarStemKeepsThirtyTwoPixelsUntilStageOne() {
        ComputationGraph graph = graph(ResNetEncoder.resnet18(new ResNetSettings("cifar")), CIFAR);

        Map<String, INDArray> activations =
                graph.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32), false);

        assertThat(activations.get("encoder/stem/relu").shape()).containsExactly(2, 64, 32, 32);
        assertThat(activations.get("encoder/stage0/block1/relu").shape())
                .containsExactly(2, 64, 32, 32);
        assertThat(activations.get("encoder/stage1/block0/relu").shape())
                .containsExactly(2, 128, 16, 16);
        assertThat(activations.get("encoder/stage3/block1/relu").shape())
                .containsExactly(2, 512, 4, 4);
        assertThat(activations.get("encoder/pool").shape()).containsExactly(2, 512);
        assertThat(graph.getConfiguration().getVertices()).doesNotContainKey("encoder/stem/pool");
    }

    @Test
    void resnet50WithTheImagenetStemQuartersTheImageBeforeStageZero() {
        ComputationGraph graph = graph(ResNetEncoder.resnet50(ResNetSettings.defaults()), CIFAR);

        Map<String, INDArray> activations =
                graph.feedForward(Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32), false);

        // 32 -> 16 (7x7 stride 2) -> 8 (max pool) -> 8, 4, 2, 1 in the four stages
        assertThat(activations.get("encoder/stem/relu").shape()).containsExactly(1, 64, 16, 16);
        assertThat(activations.get("encoder/stem/pool").shape()).containsExactly(1, 64, 8, 8);
        assertThat(activations.get("encoder/stage0/block2/relu").shape())
                .containsExactly(1, 256, 8, 8);
        assertThat(activations.get("encoder/stage2/block5/relu").shape())
                .containsExactly(1, 1024, 2, 2);
        assertThat(activations.get("encoder/stage3/block2/relu").shape())
                .containsExactly(1, 2048, 1, 1);
        assertThat(activations.get("encoder/pool").shape()).containsExactly(1, 2048);
    }

    @Test
    void resnet18HasTorchvisionsParameterCounts() {
        // reference: resnet_parameter_counts.py; the CIFAR stem trades 7*7*3*64 = 9408 kernel
        // values for 3*3*3*64 = 1728
        ComputationGraph imagenet = graph(ResNetEncoder.resnet18(ResNetSettings.defaults()), CIFAR);
        ComputationGraph cifar = graph(ResNetEncoder.resnet18(new ResNetSettings("cifar")), CIFAR);

        assertThat(trainableParameters(imagenet)).isEqualTo(11_176_512L);
        assertThat(trainableParameters(cifar)).isEqualTo(11_168_832L);
        // BatchNorm channels: 64 + 4 * 64 + 128 * 5 + 256 * 5 + 512 * 5 = 4800, two statistics each
        assertThat(imagenet.numParams()).isEqualTo(11_176_512L + 2 * 4800);
    }

    @Test
    void resnet50HasTorchvisionsParameterCounts() {
        ComputationGraph imagenet = graph(ResNetEncoder.resnet50(ResNetSettings.defaults()), CIFAR);
        ComputationGraph cifar = graph(ResNetEncoder.resnet50(new ResNetSettings("cifar")), CIFAR);

        assertThat(trainableParameters(imagenet)).isEqualTo(23_508_032L);
        assertThat(trainableParameters(cifar)).isEqualTo(23_500_352L);
        // BatchNorm channels: 64 in the stem, 6 x width per block (width, width, 4 x width) and
        // 4 x width per projection: 64 + 3*384 + 256 + 4*768 + 512 + 6*1536 + 1024 + 3*3072 + 2048
        assertThat(imagenet.numParams()).isEqualTo(23_508_032L + 2 * 26_560);
    }

    @Test
    void projectionShortcutsOnlyWhereTheShapeChanges() {
        Set<String> resnet18 =
                graph(ResNetEncoder.resnet18(ResNetSettings.defaults()), CIFAR)
                        .getConfiguration()
                        .getVertices()
                        .keySet();
        Set<String> resnet50 =
                graph(ResNetEncoder.resnet50(ResNetSettings.defaults()), CIFAR)
                        .getConfiguration()
                        .getVertices()
                        .keySet();

        assertThat(resnet18.stream().filter(v -> v.endsWith("shortcut/conv")))
                .containsExactlyInAnyOrder(
                        "encoder/stage1/block0/shortcut/conv",
                        "encoder/stage2/block0/shortcut/conv",
                        "encoder/stage3/block0/shortcut/conv");
        // ResNet-50's first block widens 64 to 256 channels, so it projects too
        assertThat(resnet50.stream().filter(v -> v.endsWith("shortcut/conv")))
                .containsExactlyInAnyOrder(
                        "encoder/stage0/block0/shortcut/conv",
                        "encoder/stage1/block0/shortcut/conv",
                        "encoder/stage2/block0/shortcut/conv",
                        "encoder/stage3/block0/shortcut/conv");
        assertThat(resnet50).allMatch(name -> name.startsWith("encoder/"));
    }

    @Test
    void settingsAndProvidersHaveTheAgreedNames() {
        assertThat(ResNetSettings.defaults()).isEqualTo(new ResNetSettings("imagenet"));
        assertThat(new ResNetSettings("cifar").problems()).isEmpty();
        assertThat(new ResNetSettings("tiny").problems())
                .containsExactly("stem: expected one of [imagenet, cifar], found 'tiny'");
        assertThatThrownBy(() -> ResNetEncoder.resnet50(new ResNetSettings("CIFAR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet50: invalid settings: stem");
        assertThat(new ResNet18EncoderProvider().name()).isEqualTo("resnet18");
        assertThat(new ResNet50EncoderProvider().name()).isEqualTo("resnet50");
        assertThat(new ResNet18EncoderProvider().create(ResNetSettings.defaults()))
                .isInstanceOf(ResNetEncoder.class);
        assertThat(
                        ((ResNetEncoder)
                                        new ResNet50EncoderProvider()
                                                .create(new ResNetSettings("cifar")))
                                .name())
                .isEqualTo("resnet50");
    }
}
