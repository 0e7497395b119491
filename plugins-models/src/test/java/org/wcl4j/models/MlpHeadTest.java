package org.wcl4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpHeadTest {

    @Test
    void mapsFeaturesToEmbeddingsOfTheOutputSize() {
        MlpHead head = new MlpHead(MlpSettings.defaults());
        ComputationGraph graph = graph(head, 128);

        INDArray embeddings = graph.outputSingle(Nd4j.rand(DataType.FLOAT, 6, 128));

        assertThat(head.outputSize()).isEqualTo(128);
        assertThat(embeddings.shape()).containsExactly(6, 128);
    }

    @Test
    void tinyHeadHasTheHandCountedParameters() {
        // dense 5->4 with bias 24, BatchNorm 4 * 4 (gamma, beta, mean, log-std) 16,
        // dense 4->3 with bias 15
        ComputationGraph graph = graph(new MlpHead(new MlpSettings(4, 3)), 5);
        assertThat(graph.numParams()).isEqualTo(24 + 16 + 15);
    }

    @Test
    void threeLayerHeadAddsASecondHiddenLayer() {
        // dense 5->4 24, BatchNorm 16, dense 4->4 with bias 20, BatchNorm 16, dense 4->3 15
        ComputationGraph graph = graph(new MlpHead(new MlpSettings(4, 3, 3)), 5);

        assertThat(graph.numParams()).isEqualTo(24 + 16 + 20 + 16 + 15);
        assertThat(graph.getConfiguration().getVertices())
                .containsOnlyKeys(
                        "head/hidden",
                        "head/bn",
                        "head/relu",
                        "head/hidden2",
                        "head/bn2",
                        "head/relu2",
                        "head/output");
        assertThat(graph.getConfiguration().getVertexInputs().get("head/output"))
                .containsExactly("head/relu2");
        assertThat(graph.outputSingle(Nd4j.rand(DataType.FLOAT, 3, 5)).shape())
                .containsExactly(3, 3);
    }

    @Test
    void endsInAPlainDenseLayerWithIdentityActivation() {
        ComputationGraph graph = graph(new MlpHead(new MlpSettings(4, 3)), 5);
        DenseLayer last = (DenseLayer) graph.getLayer("head/output").conf().getLayer();
        assertThat(last.getActivationFn()).isInstanceOf(ActivationIdentity.class);
        assertThat(graph.getConfiguration().getVertices())
                .containsOnlyKeys("head/hidden", "head/bn", "head/relu", "head/output");
    }

    @Test
    void settingsReportEveryProblem() {
        assertThat(MlpSettings.defaults()).isEqualTo(new MlpSettings(512, 128));
        assertThat(MlpSettings.defaults().problems()).isEmpty();
        assertThat(new MlpSettings(0, -3, 4).problems())
                .containsExactly(
                        "hidden: expected a value in [1, 65536], found 0",
                        "output: expected a value in [1, 65536], found -3",
                        "layers: expected 2 or 3 dense layers, found 4");
        assertThat(new MlpSettings(8, 4)).isEqualTo(new MlpSettings(8, 4, 2));
        assertThatThrownBy(() -> new MlpHead(new MlpSettings(8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mlp: invalid settings: output");
    }

    @Test
    void providerHasTheAgreedNameAndDefaults() {
        MlpHeadProvider provider = new MlpHeadProvider();
        assertThat(provider.name()).isEqualTo("mlp");
        assertThat(provider.defaults()).isEqualTo(new MlpSettings(512, 128));
        assertThat(provider.create(new MlpSettings(16, 8)).outputSize()).isEqualTo(8);
    }

    private static ComputationGraph graph(MlpHead head, int inputSize) {
        GraphBuilder builder = GraphFixture.builder("features", InputType.feedForward(inputSize));
        String output = head.build(builder, "head/", "features", inputSize);
        ComputationGraph graph = new ComputationGraph(builder.setOutputs(output).build());
        graph.init();
        return graph;
    }
}
