package org.wcl4j.engine;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Stochastic gradient descent with momentum and decoupled-from-biases weight decay, applied to a
 * graph's flattened parameter and gradient arrays (the update of PyTorch's {@code torch.optim.SGD}
 * with {@code dampening = 0}).
 *
 * <p>For a gradient {@code g}, parameters {@code w}, velocity {@code v}, rate {@code lr}, momentum
 * {@code mu} and weight decay {@code wd}:
 *
 * <pre>
 * d = g + wd * w          (wd only for weights: convolution and dense kernels)
 * v = mu * v + d
 * w = w - lr * v          (heavy-ball momentum, nesterov = false)
 * w = w - lr * (d + mu * v)   (Nesterov momentum, nesterov = true)
 * </pre>
 *
 * <p>Parameters whose Deeplearning4j updater is {@link NoOp} (BatchNorm's running mean and
 * log-deviation) hold statistics, not weights: their "gradient" is the change Deeplearning4j wants
 * applied, so they move by exactly {@code -g}, whatever the learning rate.
 */
final class MomentumSgd {

    private final INDArray trainable;
    private final INDArray decayed;
    private final INDArray statistics;
    private final INDArray velocity;

    MomentumSgd(ComputationGraph graph) {
        INDArray params = graph.params();
        this.trainable = Nd4j.zeros(params.dataType(), params.length());
        this.decayed = Nd4j.zeros(params.dataType(), params.length());
        this.statistics = Nd4j.zeros(params.dataType(), params.length());
        this.velocity = Nd4j.zeros(params.dataType(), params.length());
        classify(graph);
    }

    /**
     * Marks each position of the flat parameter array as weight, other trainable or statistic, by
     * writing codes into the parameter views and reading the flat array back.
     */
    private void classify(ComputationGraph graph) {
        INDArray params = graph.params();
        INDArray saved = params.dup();
        params.assign(0);
        for (Layer layer : graph.getLayers()) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            for (Map.Entry<String, INDArray> entry : layer.paramTable().entrySet()) {
                String name = entry.getKey();
                int code;
                if (conf.getUpdaterByParam(name) instanceof NoOp) {
                    code = 3;
                } else if (conf.initializer().isWeightParam(conf, name)) {
                    code = 2;
                } else {
                    code = 1;
                }
                entry.getValue().assign(code);
            }
        }
        INDArray codes = params.reshape(params.length()).dup();
        params.assign(saved);
        trainable.assign(codes.eq(1).castTo(params.dataType()));
        trainable.addi(codes.eq(2).castTo(params.dataType()));
        decayed.assign(codes.eq(2).castTo(params.dataType()));
        statistics.assign(codes.eq(3).castTo(params.dataType()));
    }

    /** The momentum buffer {@code [parameterCount]}; live, for checkpoints. */
    INDArray velocity() {
        return velocity;
    }

    /** 1 where the flat parameter array holds a statistic, 0 elsewhere; a live view. */
    INDArray statisticsMask() {
        return statistics;
    }

    /** 1 where the flat parameter array holds a weight (weight decay applies), 0 elsewhere. */
    INDArray weightMask() {
        return decayed;
    }

    /** Number of weight values (those that get weight decay). */
    long weightCount() {
        return decayed.sumNumber().longValue();
    }

    /** Number of statistic values (BatchNorm running estimates). */
    long statisticCount() {
        return statistics.sumNumber().longValue();
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
            boolean nesterov) {
        INDArray params = flatParams.reshape(flatParams.length());
        INDArray gradient = flatGradient.reshape(flatGradient.length());

        // direction, then momentum and parameters
        INDArray direction = direction(params, gradient, weightDecay);
        applyDirection(params, gradient, direction, learningRate, momentum, nesterov);
    }

    /**
     * The update direction before momentum: the gradient of trained values plus weight decay on
     * weights, {@code d = g + wd * w}; a new array that {@link #applyDirection} takes over.
     *
     * @param params the flat parameters {@code [parameterCount]}
     * @param gradient the flat gradient {@code [parameterCount]}
     */
    INDArray direction(INDArray params, INDArray gradient, double weightDecay) {
        INDArray direction = gradient.mul(trainable);
        if (weightDecay != 0.0) {
            INDArray decay = params.mul(decayed);
            direction.addi(decay.muli(weightDecay));
            decay.close();
        }
        return direction;
    }

    /**
     * Folds a direction into the velocity and moves the parameters by it, heavy-ball or Nesterov;
     * statistics move by exactly {@code -g}. Overwrites and closes {@code direction}.
     *
     * @param params the flat parameters {@code [parameterCount]}, updated in place
     * @param gradient the flat gradient {@code [parameterCount]}, for the statistics
     * @param direction from {@link #direction}, possibly rescaled, {@code [parameterCount]}
     */
    void applyDirection(
            INDArray params,
            INDArray gradient,
            INDArray direction,
            double learningRate,
            double momentum,
            boolean nesterov) {
        // momentum
        velocity.muli(momentum).addi(direction);
        INDArray step;
        if (nesterov) {
            INDArray lookahead = velocity.mul(momentum);
            step = direction.addi(lookahead);
            lookahead.close();
        } else {
            direction.close();
            step = velocity.dup();
        }

        // parameters; statistics follow Deeplearning4j's own update
        params.subi(step.muli(learningRate));
        step.close();
        INDArray statisticsStep = gradient.mul(statistics);
        params.subi(statisticsStep);
        statisticsStep.close();
    }
}
