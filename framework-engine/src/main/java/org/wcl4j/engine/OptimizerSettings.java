package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser of every step: SGD with momentum or LARS, each with linear warm-up and cosine decay
 * (see {@link WarmupCosineSchedule} for the exact rates, {@link MomentumSgd} and {@link Lars} for
 * the updates).
 *
 * @param learningRate peak rate, reached at the end of warm-up; finite, at least 0
 * @param momentum momentum coefficient in [0, 1)
 * @param weightDecay L2 coefficient applied to weights (convolution and dense kernels), not to
 *     biases or BatchNorm parameters; finite, at least 0
 * @param nesterov Nesterov momentum when true; plain (heavy-ball) momentum when false, as in
 *     PyTorch's {@code SGD(nesterov=False)}
 * @param warmupSteps steps of linear warm-up up to {@code learningRate}, at least 0
 * @param totalSteps steps of the whole run, at least 0; cosine decay to 0 from the end of warm-up
 *     to here
 * @param method {@link Method#SGD} or {@link Method#LARS}
 * @param trustCoefficient LARS's {@code eta}, scaling each weight tensor's rate by {@code eta *
 *     ||w|| / ||g + wd * w||}; finite, above 0; unused by SGD
 */
public record OptimizerSettings(
        double learningRate,
        double momentum,
        double weightDecay,
        boolean nesterov,
        int warmupSteps,
        int totalSteps,
        Method method,
        double trustCoefficient) {

    /** The update rule. */
    public enum Method {
        /** Stochastic gradient descent with momentum ({@link MomentumSgd}). */
        SGD,
        /**
         * Layer-wise adaptive rate scaling (You et al., 2017) on top of momentum ({@link Lars}).
         */
        LARS
    }

    /** LARS's trust coefficient when none is given, as in SimCLR's LARS. */
    public static final double DEFAULT_TRUST_COEFFICIENT = 0.001;

    public OptimizerSettings {
        List<String> problems = new ArrayList<>();
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            problems.add("learningRate: expected a finite value >= 0, found " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum: expected a value in [0, 1), found " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            problems.add("weightDecay: expected a finite value >= 0, found " + weightDecay);
        }
        if (warmupSteps < 0) {
            problems.add("warmupSteps: expected a value >= 0, found " + warmupSteps);
        }
        if (totalSteps < 0) {
            problems.add("totalSteps: expected a value >= 0, found " + totalSteps);
        }
        if (method == null) {
            problems.add("method: expected SGD or LARS, found nothing");
        }
        if (!(trustCoefficient > 0) || Double.isInfinite(trustCoefficient)) {
            problems.add(
                    "trustCoefficient: expected a finite value > 0, found " + trustCoefficient);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "optimiser settings: " + String.join("; ", problems));
        }
    }

    /** SGD with momentum. */
    public OptimizerSettings(
            double learningRate,
            double momentum,
            double weightDecay,
            boolean nesterov,
            int warmupSteps,
            int totalSteps) {
        this(
                learningRate,
                momentum,
                weightDecay,
                nesterov,
                warmupSteps,
                totalSteps,
                Method.SGD,
                DEFAULT_TRUST_COEFFICIENT);
    }
}
