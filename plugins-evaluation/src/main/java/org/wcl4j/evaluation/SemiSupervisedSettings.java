package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.eval.FineTuneSettings;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code semi-supervised} evaluation protocol.
 *
 * @param percents the labelled fractions of the train split, in percent, each in {@code (0, 100]};
 *     default {@code [1, 10]} (the paper's)
 * @param mode {@code fine-tune} (default, the paper's protocol): a copy of the whole network is
 *     trained on the labelled subset; or {@code linear}: a linear classifier on the frozen features
 *     of the subset, much faster
 * @param layer where the classifier reads: {@code pooled} (default), the encoder's pooled features,
 *     or a head vertex such as {@code head-g/relu}, the output of the first layer of an {@code mlp}
 *     head {@code g} (the paper's two starting points)
 * @param epochs {@code linear} mode: passes over each labelled subset; in {@code [1, 10000]},
 *     default 100
 * @param batchSize {@code linear} mode: features per SGD step; at least 1, default 256
 * @param learningRate {@code linear} mode: the initial rate of the cosine schedule; in {@code (0,
 *     100]}, default 0.1
 * @param fineTuneEpochs {@code fine-tune} mode: passes over each labelled subset; in {@code [1,
 *     10000]}, default 30
 * @param fineTuneBatchSize {@code fine-tune} mode: images per SGD step; at least 1, default 64
 * @param fineTuneLearningRate {@code fine-tune} mode: the initial rate of the cosine schedule (SGD,
 *     momentum 0.9); in {@code (0, 100]}, default 0.05
 * @param weightDecay {@code fine-tune} mode: L2 on convolution and dense weights; in {@code [0,
 *     1]}, default 0
 * @param augment {@code fine-tune} mode: whether the labelled images go through the run's
 *     augmentation pipeline; default false
 * @param seed draws the subsets, orders the batches and draws augmentations; default 1
 */
public record SemiSupervisedSettings(
        List<Double> percents,
        String mode,
        String layer,
        int epochs,
        int batchSize,
        double learningRate,
        int fineTuneEpochs,
        int fineTuneBatchSize,
        double fineTuneLearningRate,
        double weightDecay,
        boolean augment,
        long seed)
        implements Settings {

    /** The value of {@link #mode()} that fine-tunes the network. */
    public static final String FINE_TUNE = "fine-tune";

    /** The value of {@link #mode()} that trains a linear classifier on frozen features. */
    public static final String LINEAR = "linear";

    public SemiSupervisedSettings {
        percents = List.copyOf(percents);
    }

    /** The documented defaults. */
    public static SemiSupervisedSettings defaults() {
        FineTuneSettings fineTune = FineTuneSettings.defaults();
        return new SemiSupervisedSettings(
                List.of(1.0, 10.0),
                FINE_TUNE,
                "pooled",
                100,
                256,
                0.1,
                fineTune.epochs(),
                fineTune.batchSize(),
                fineTune.learningRate(),
                fineTune.weightDecay(),
                fineTune.augment(),
                1);
    }

    /** The frozen-feature protocol with these fractions, layer, schedule and seed. */
    public static SemiSupervisedSettings linear(
            List<Double> percents,
            String layer,
            int epochs,
            int batchSize,
            double learningRate,
            long seed) {
        SemiSupervisedSettings d = defaults();
        return new SemiSupervisedSettings(
                percents,
                LINEAR,
                layer,
                epochs,
                batchSize,
                learningRate,
                d.fineTuneEpochs(),
                d.fineTuneBatchSize(),
                d.fineTuneLearningRate(),
                d.weightDecay(),
                d.augment(),
                seed);
    }

    /** What {@code fine-tune} mode hands the fine-tuner. */
    public FineTuneSettings fineTuneSettings() {
        return new FineTuneSettings(
                layer,
                fineTuneEpochs,
                fineTuneBatchSize,
                fineTuneLearningRate,
                0.9,
                weightDecay,
                augment,
                seed);
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
        if (!mode.equals(FINE_TUNE) && !mode.equals(LINEAR)) {
            problems.add(
                    "mode: expected '" + FINE_TUNE + "' or '" + LINEAR + "', found '" + mode + "'");
        }
        if (layer.isBlank()) {
            problems.add("layer: expected 'pooled' or a head vertex such as head-g/relu, found ''");
        }
        SoftmaxClassifier.Schedule.checkSettings(problems, epochs, batchSize, learningRate);
        // the fine-tuning settings carry the same checks under their own names here
        for (String problem : fineTuneSettings().problems()) {
            if (problem.startsWith("epochs:")
                    || problem.startsWith("batchSize:")
                    || problem.startsWith("learningRate:")) {
                problems.add(
                        "fineTune"
                                + Character.toUpperCase(problem.charAt(0))
                                + problem.substring(1));
            } else if (problem.startsWith("weightDecay:")) {
                problems.add(problem);
            }
        }
        return problems;
    }
}
