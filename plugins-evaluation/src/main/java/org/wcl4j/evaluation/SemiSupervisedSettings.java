package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code semi-supervised} evaluation protocol.
 *
 * @param percents the labelled fractions of the train split, in percent, each in {@code (0, 100]};
 *     default {@code [1, 10]} (the paper's)
 * @param layer where the features are taken: {@code pooled} (default), the encoder's pooled
 *     features, or a head vertex such as {@code head-g/relu}, the output of the first layer of an
 *     {@code mlp} head {@code g} (the paper's two starting points)
 * @param epochs passes over each labelled subset; in {@code [1, 10000]}, default 100
 * @param batchSize features per SGD step; at least 1, default 256
 * @param learningRate the initial rate of the cosine schedule; in {@code (0, 100]}, default 0.1
 * @param seed draws the subsets and orders the batches; default 1
 */
public record SemiSupervisedSettings(
        List<Double> percents,
        String layer,
        int epochs,
        int batchSize,
        double learningRate,
        long seed)
        implements Settings {

    public SemiSupervisedSettings {
        percents = List.copyOf(percents);
    }

    /** The documented defaults. */
    public static SemiSupervisedSettings defaults() {
        return new SemiSupervisedSettings(List.of(1.0, 10.0), "pooled", 100, 256, 0.1, 1);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (percents.isEmpty()) {
            problems.add("percents: expected at least one percentage, found none");
        }
        for (double percent : percents) {
            if (!(percent > 0 && percent <= 100)) {
                problems.add("percents: expected values in (0, 100], found " + percent);
            }
        }
        if (layer.isBlank()) {
            problems.add("layer: expected 'pooled' or a head vertex such as head-g/relu, found ''");
        }
        SoftmaxClassifier.Schedule.checkSettings(problems, epochs, batchSize, learningRate);
        return problems;
    }
}
