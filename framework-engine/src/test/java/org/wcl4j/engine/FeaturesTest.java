package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FeaturesTest {

    @Test
    void featuresUseRunningStatisticsSoEachImageIsIndependentOfItsBatchAndChunk() {
        OptimizerSettings optimizer = Fixtures.optimizer(0.1);
        ContrastiveNetwork network = Fixtures.network(3, DataType.FLOAT, optimizer);
        // one step moves the BatchNorm running statistics away from their initial values
        Fixtures.step(network, 4, optimizer).run(Fixtures.views(4, 1), Fixtures.context(4), 0);
        int n = ContrastiveNetwork.FEATURE_CHUNK + 44;
        Nd4j.getRandom().setSeed(4);
        INDArray images = Nd4j.rand(DataType.FLOAT, n, 1, 6, 6);

        INDArray all = network.features(images);

        assertThat(all.shape()).containsExactly(n, network.featureSize());
        for (int i : new int[] {0, 7, ContrastiveNetwork.FEATURE_CHUNK, n - 1}) {
            INDArray alone =
                    network.features(
                            images.get(
                                    NDArrayIndex.interval(i, i + 1),
                                    NDArrayIndex.all(),
                                    NDArrayIndex.all(),
                                    NDArrayIndex.all()));
            assertThat(alone.getRow(0).equalsWithEps(all.getRow(i), 1e-6))
                    .as("image %d", i)
                    .isTrue();
        }
        // ReLU then average pooling: features are non-negative and not all zero
        assertThat(all.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(all.sumNumber().doubleValue()).isGreaterThan(0.0);
    }

    @Test
    void theNetworkDescribesItself() {
        ContrastiveNetwork network = Fixtures.network(3, DataType.FLOAT, Fixtures.optimizer(0.1));
        assertThat(network.headNames()).containsExactly("a", "b");
        assertThat(network.featureSize()).isEqualTo(3);
        assertThat(network.headOutputSize("b")).isEqualTo(2);
        // encoder: conv 3*1*3*3 = 27, BatchNorm 4*3 = 12; head a: 3*4+4 + 4*4 + 4*3+3 = 47;
        // head b: 3*5+5 + 4*5 + 5*2+2 = 52
        assertThat(network.parameterCount()).isEqualTo(27 + 12 + 47 + 52);
    }

    @Test
    void aHeadVertexGivesTheDenseLayerOfThePooledFeatures() {
        ContrastiveNetwork network = Fixtures.network(3, DataType.FLOAT, Fixtures.optimizer(0.1));
        Nd4j.getRandom().setSeed(5);
        INDArray images = Nd4j.rand(DataType.FLOAT, 6, 1, 6, 6);

        INDArray hidden = network.activations(images, "head-a/hidden");

        // the first dense layer of head a, by hand: pooled features times W plus b
        INDArray weights = network.graph().getLayer("head-a/hidden").getParam("W");
        INDArray bias = network.graph().getLayer("head-a/hidden").getParam("b");
        INDArray expected = network.features(images).mmul(weights).addRowVector(bias);
        assertThat(hidden.shape()).containsExactly(6, 4);
        assertThat(hidden.equalsWithEps(expected, 1e-5)).isTrue();
        assertThat(network.headVertices())
                .containsSubsequence("head-a/hidden", "head-a/bn", "head-a/act", "head-a/out")
                .contains("head-b/act")
                .noneMatch(name -> name.startsWith("encoder/"));
        assertThatThrownBy(() -> network.activations(images, "head-c/act"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("head-a/act")
                .hasMessageContaining("found 'head-c/act'");
    }
}
