package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * LARS, layer-wise adaptive rate scaling (You, Gitman and Ginsburg, "Large Batch Training of
 * Convolutional Networks", 2017), as SimCLR and the WCL paper (Zheng et al., ICCV 2021, Sec. 4)
 * train with it: momentum SGD in which each weight tensor's step is scaled by its trust ratio.
 *
 * <p>For a weight tensor {@code w} (a convolution or dense kernel) with gradient {@code g}, trust
 * coefficient {@code eta}, weight decay {@code wd}, momentum {@code mu}, rate {@code lr} and
 * velocity {@code v}:
 *
 * <pre>
 * d     = g + wd * w
 * trust = eta * ||w|| / ||d||     (1 when ||w|| or ||d|| is 0)
 * v     = mu * v + trust * d
 * w     = w - lr * v              (Nesterov: w - lr * (trust * d + mu * v))
 * </pre>
 *
 * <p>with Euclidean norms over the whole tensor. Biases and BatchNorm's scale and shift are
 * excluded from both weight decay and adaptation, as in SimCLR: for them {@code d = g} and {@code
 * trust = 1}, plain momentum SGD. BatchNorm's running statistics move by exactly {@code -g}, as in
 * {@link MomentumSgd}. The velocity holds no learning rate (PyTorch's form of momentum), and is the
 * network's one momentum buffer, shared with {@link MomentumSgd}, so checkpoints hold it either
 * way.
 */
final class Lars {

    private final MomentumSgd masks;
    private final List<long[]> weightTensors;

    /**
     * @param graph the network, for the position of every weight tensor in its flat parameters
     * @param masks the parameter masks and the velocity of the same network
     */
    Lars(ComputationGraph graph, MomentumSgd masks) {
        this.masks = masks;
        this.weightTensors = weightTensors(graph, masks);
    }

    /**
     * The {@code [start, end)} range of each weight tensor in the flat parameter array, found by
     * writing each tensor's number into its view and reading the flat array back.
     */
    private static List<long[]> weightTensors(ComputationGraph graph, MomentumSgd masks) {
        INDArray params = graph.params();
        INDArray saved = params.dup();
        params.assign(0);
        int number = 0;
        for (Layer layer : graph.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            for (Map.Entry<String, INDArray> entry : layer.paramTable().entrySet()) {
                if (conf.initializer().isWeightParam(conf, entry.getKey())) {
                    entry.getValue().assign(++number);
                }
            }
        }
        double[] codes = params.reshape(params.length()).toDoubleVector();
        params.assign(saved);
        saved.close();

        List<long[]> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= codes.length; i++) {
            if (i == codes.length || codes[i] != codes[start]) {
                if (codes[start] != 0) {
                    ranges.add(new long[] {start, i});
                }
                start = i;
            }
        }
        if (ranges.size() != number) {
            throw new IllegalStateException(
                    "LARS: expected "
                            + number
                            + " contiguous weight tensors in the flat parameters, found "
                            + ranges.size());
        }
        return List.copyOf(ranges);
    }

    /** Number of weight tensors that LARS adapts. */
    int adaptedTensors() {
        return weightTensors.size();
    }

    /**
     * Applies one update in place.
     *
     * @param flatParams the graph's flat parameters, updated in place
     * @param flatGradient the graph's flat gradient, as many values
     */
    void step(
            INDArray flatParams,
            INDArray flatGradient,
            double learningRate,
            double momentum,
            double weightDecay,
            double trustCoefficient,
            boolean nesterov) {
        INDArray params = flatParams.reshape(flatParams.length());
        INDArray gradient = flatGradient.reshape(flatGradient.length());

        // direction: gradient of trained values, weight decay on weights
        INDArray direction = masks.direction(params, gradient, weightDecay);

        // trust ratio per weight tensor
        for (long[] range : weightTensors) {
            INDArray w = params.get(NDArrayIndex.interval(range[0], range[1]));
            INDArray d = direction.get(NDArrayIndex.interval(range[0], range[1]));
            double weightNorm = w.norm2Number().doubleValue();
            double directionNorm = d.norm2Number().doubleValue();
            if (weightNorm > 0 && directionNorm > 0) {
                d.muli(trustCoefficient * weightNorm / directionNorm);
            }
        }

        // momentum and parameters, as in momentum SGD
        masks.applyDirection(params, gradient, direction, learningRate, momentum, nesterov);
    }
}
