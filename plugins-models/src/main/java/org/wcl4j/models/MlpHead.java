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
 * A projection head of two or three dense layers, as in SimCLR (Chen et al., ICML 2020) and in the
 * WCL paper (Zheng et al., ICCV 2021, Sec. 4, heads {@code g} and {@code phi}): {@code
 * dense(hidden) -> BatchNorm -> ReLU -> dense(output)} from pooled features {@code [batch,
 * inputSize]} to an embedding {@code [batch, output]}; with three layers a second {@code
 * dense(hidden) -> BatchNorm -> ReLU} comes before the output layer (SimCLR v2, Chen et al.,
 * NeurIPS 2020).
 *
 * <p>Every dense layer has a bias; the last one has identity activation and is a plain layer, so
 * that the engine can feed loss gradients into it. Vertex names start with the prefix: {@code
 * <prefix>hidden}, {@code <prefix>bn}, {@code <prefix>relu}, then with three layers {@code
 * <prefix>hidden2}, {@code <prefix>bn2}, {@code <prefix>relu2}, and last {@code <prefix>output}.
 */
public final class MlpHead implements Head {

    private final int hidden;
    private final int output;
    private final int layers;

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
        this.layers = settings.layers();
    }

    @Override
    public int outputSize() {
        return output;
    }

    @Override
    public String build(GraphBuilder graph, String prefix, String input, int inputSize) {
        // hidden layers
        String x = input;
        int width = inputSize;
        for (int layer = 1; layer < layers; layer++) {
            String suffix = layer == 1 ? "" : Integer.toString(layer);
            graph.addLayer(
                    prefix + "hidden" + suffix,
                    new DenseLayer.Builder()
                            .nIn(width)
                            .nOut(hidden)
                            .activation(Activation.IDENTITY)
                            .weightInit(WeightInit.RELU)
                            .build(),
                    x);
            graph.addLayer(
                    prefix + "bn" + suffix,
                    new BatchNormalization.Builder().build(),
                    prefix + "hidden" + suffix);
            graph.addLayer(
                    prefix + "relu" + suffix,
                    new ActivationLayer.Builder().activation(Activation.RELU).build(),
                    prefix + "bn" + suffix);
            x = prefix + "relu" + suffix;
            width = hidden;
        }

        // embedding
        graph.addLayer(
                prefix + "output",
                new DenseLayer.Builder()
                        .nIn(width)
                        .nOut(output)
                        .activation(Activation.IDENTITY)
                        .weightInit(WeightInit.XAVIER)
                        .build(),
                x);
        return prefix + "output";
    }
}
