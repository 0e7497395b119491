package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code linear} evaluation protocol. There is no weight decay, as in the paper's
 * linear evaluation.
 *
 * @param epochs passes over the train split's features; in {@code [1, 10000]}, default 80 (the
 *     paper's); cheap, since the features are computed once
 * @param batchSize features per SGD step; at least 1, default 256
 * @param learningRate the initial rate of the cosine schedule; in {@code (0, 100]}, default 0.1
 *     (the features are standardised, so one rate suits every encoder)
 * @param momentum SGD momentum; in {@code [0, 1)}, default 0.9
 * @param seed orders the batches; default 1
 */
public record LinearSettings(
        int epochs, int batchSize, double learningRate, double momentum, long seed)
        implements Settings {

    /** The documented defaults. */
    public static LinearSettings defaults() {
        return new LinearSettings(80, 256, 0.1, 0.9, 1);
    }

    /** As these settings, with another number of epochs. */
    public LinearSettings withEpochs(int newEpochs) {
        return new LinearSettings(newEpochs, batchSize, learningRate, momentum, seed);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SoftmaxClassifier.Schedule.checkSettings(problems, epochs, batchSize, learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum: expected a value in [0, 1), found " + momentum);
        }
        return problems;
    }
}
