package org.wcl4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.Head;

/**
 * A two-layer projection head, as in SimCLR (Chen et al., ICML 2020) and in the WCL paper (Zheng et
 * al., ICCV 2021, Sec. 4, heads {@code g} and {@code phi}): {@code dense(hidden) -> BatchNorm ->
 * ReLU -> dense(output)} from pooled features {@code [batch, inputSize]} to an embedding {@code
 * [batch, output]}.
 *
 * <p>Both dense layers have a bias; the last one has identity activation and is a plain layer, so
 * that the engine can feed loss gradients into it. Vertex names start with the prefix: {@code
 * <prefix>hidden}, {@code <prefix>bn}, {@code <prefix>relu}, {@code <prefix>output}.
 */
public final class MlpHead implements Head {

    private final int hidden;
    private final int output;

    /**
     * @param settings layer widths; must pass {@link MlpSettings#problems()}
     */
    public MlpHead(MlpSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "mlp: invalid settings: " + String.join("; ", problems));
        }
        this.hidden = settings.hidden();
        this.output = settings.output();
    }

    @Override
    public int outputSize() {
        return output;
    }

    @Override
    public String build(GraphBuilder graph, String prefix, String input, int inputSize) {
        // hidden layer
        graph.addLayer(
                prefix + "hidden",
                new DenseLayer.Builder()
                        .nIn(inputSize)
                        .nOut(hidden)
                        .activation(Activation.IDENTITY)
                        .weightInit(WeightInit.RELU)
                        .build(),
                input);
        graph.addLayer(prefix + "bn", new BatchNormalization.Builder().build(), prefix + "hidden");
        graph.addLayer(
                prefix + "relu",
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                prefix + "bn");

        // embedding
        graph.addLayer(
                prefix + "output",
                new DenseLayer.Builder()
                        .nIn(hidden)
                        .nOut(output)
                        .activation(Activation.IDENTITY)
                        .weightInit(WeightInit.XAVIER)
                        .build(),
                prefix + "relu");
        return prefix + "output";
    }
}
