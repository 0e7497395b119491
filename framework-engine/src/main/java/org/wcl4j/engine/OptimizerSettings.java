package org.wcl4j.engine;

/**
 * SGD with momentum, linear warm-up and cosine decay.
 *
 * @param learningRate peak rate, reached at the end of warm-up
 * @param momentum momentum coefficient in [0, 1)
 * @param weightDecay L2 coefficient applied to weights (not to biases or BatchNorm parameters)
 * @param nesterov Nesterov momentum when true
 * @param warmupSteps steps of linear warm-up from 0 to {@code learningRate}
 * @param totalSteps steps of the whole run; cosine decay to 0 from the end of warm-up to here
 */
public record OptimizerSettings(
        double learningRate,
        double momentum,
        double weightDecay,
        boolean nesterov,
        int warmupSteps,
        int totalSteps) {}
