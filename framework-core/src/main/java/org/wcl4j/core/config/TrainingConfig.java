package org.wcl4j.core.config;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.engine.OptimizerSettings;

/**
 * The {@code training:} section: optimiser, schedule, checkpoints and evaluation timing. Every key
 * may be left out; {@link #defaults()} documents the value it then takes.
 *
 * <p>The optimiser is SGD with momentum or LARS, with linear warm-up over {@code warmupEpochs} and
 * cosine decay to zero at the end, as in SimCLR and WCL (Zheng et al., ICCV 2021, Sec. 4: LARS, 10
 * warm-up epochs). The peak rate is {@code learningRate}, or {@code learningRate * batchSize / 256}
 * with linear scaling, or {@code learningRate * sqrt(batchSize)} with square-root scaling.
 *
 * @param epochs passes over the training split; at least 1 (default 10)
 * @param batchSize images per step; at least 2, since contrastive losses need negatives (default
 *     256); the last incomplete batch of an epoch is dropped
 * @param learningRate peak learning rate, reached at the end of warm-up, before {@code
 *     learningRateScaling}; positive (default 0.3)
 * @param momentum SGD momentum in [0, 1) (default 0.9)
 * @param nesterov Nesterov momentum (default false)
 * @param weightDecay L2 coefficient on weights, at least 0 (default 1.0e-4)
 * @param warmupEpochs epochs of linear warm-up, from 0 to {@code epochs} (default 1)
 * @param checkpointEvery write a checkpoint every this many epochs, and always after the last; 0
 *     for only after the last (default 1)
 * @param evaluateBefore evaluate the untrained encoder before training too (default true)
 * @param evaluateEvery evaluate every this many epochs during training as well; 0 for never
 *     (default 0)
 * @param logEvery log progress every this many steps; at least 1 (default 10)
 * @param optimizer {@code sgd} (default) or {@code lars}
 * @param trustCoefficient LARS's trust coefficient {@code eta}; finite, above 0 (default 0.001)
 * @param learningRateScaling how the peak rate follows the batch size: {@code none} (default),
 *     {@code linear} ({@code learningRate * batchSize / 256}) or {@code sqrt} ({@code learningRate
 *     * sqrt(batchSize)})
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        boolean nesterov,
        double weightDecay,
        int warmupEpochs,
        int checkpointEvery,
        boolean evaluateBefore,
        int evaluateEvery,
        int logEvery,
        String optimizer,
        double trustCoefficient,
        String learningRateScaling) {

    /** The optimisers, by their config names. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "lars");

    /** The learning-rate scalings, by their config names. */
    public static final List<String> SCALINGS = List.of("none", "linear", "sqrt");

    /** The value of every key a config leaves out. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(
                10,
                256,
                0.3,
                0.9,
                false,
                1.0e-4,
                1,
                1,
                true,
                0,
                10,
                "sgd",
                OptimizerSettings.DEFAULT_TRUST_COEFFICIENT,
                "none");
    }

    /**
     * The peak learning rate after scaling with the batch size: {@code learningRate}, {@code
     * learningRate * batchSize / 256} ({@code linear}, Goyal et al. 2017) or {@code learningRate *
     * sqrt(batchSize)} ({@code sqrt}, as SimCLR's 0.075 * sqrt(B)).
     */
    public double peakLearningRate() {
        return switch (learningRateScaling) {
            case "linear" -> learningRate * batchSize / 256.0;
            case "sqrt" -> learningRate * Math.sqrt(batchSize);
            default -> learningRate;
        };
    }

    /**
     * The engine's optimiser settings for a run of {@code stepsPerEpoch} steps per epoch: warm-up
     * and decay measured in steps.
     */
    public OptimizerSettings optimizer(int stepsPerEpoch) {
        return new OptimizerSettings(
                peakLearningRate(),
                momentum,
                weightDecay,
                nesterov,
                warmupEpochs * stepsPerEpoch,
                epochs * stepsPerEpoch,
                "lars".equals(optimizer)
                        ? OptimizerSettings.Method.LARS
                        : OptimizerSettings.Method.SGD,
                trustCoefficient);
    }

    /**
     * Checks every value against its range.
     *
     * @return one message per problem, e.g. {@code "epochs: expected an integer >= 1, found 0"};
     *     empty when all are valid
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        atLeast(problems, "epochs", epochs, 1);
        atLeast(problems, "batchSize", batchSize, 2);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learningRate: expected a finite value > 0, found " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum: expected a value in [0, 1), found " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            problems.add("weightDecay: expected a finite value >= 0, found " + weightDecay);
        }
        atLeast(problems, "warmupEpochs", warmupEpochs, 0);
        if (epochs >= 1 && warmupEpochs > epochs) {
            problems.add(
                    "warmupEpochs: expected at most epochs ("
                            + epochs
                            + "), found "
                            + warmupEpochs);
        }
        atLeast(problems, "checkpointEvery", checkpointEvery, 0);
        atLeast(problems, "evaluateEvery", evaluateEvery, 0);
        atLeast(problems, "logEvery", logEvery, 1);
        if (!OPTIMIZERS.contains(optimizer)) {
            problems.add(
                    "optimizer: expected one of " + OPTIMIZERS + ", found '" + optimizer + "'");
        }
        if (!(trustCoefficient > 0) || Double.isInfinite(trustCoefficient)) {
            problems.add(
                    "trustCoefficient: expected a finite value > 0, found " + trustCoefficient);
        }
        if (!SCALINGS.contains(learningRateScaling)) {
            problems.add(
                    "learningRateScaling: expected one of "
                            + SCALINGS
                            + ", found '"
                            + learningRateScaling
                            + "'");
        }
        return List.copyOf(problems);
    }

    private static void atLeast(List<String> problems, String key, int value, int minimum) {
        if (value < minimum) {
            problems.add(key + ": expected an integer >= " + minimum + ", found " + value);
        }
    }
}
