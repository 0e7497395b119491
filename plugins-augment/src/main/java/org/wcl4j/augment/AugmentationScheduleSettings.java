package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code moco-v2-then-simclr}.
 *
 * @param weakEpochs epochs {@code E} at the start that use {@code moco-v2}; from epoch {@code E}
 *     (counted from 0) on, {@code simclr}; {@code >= 0}, 0 means {@code simclr} throughout; default
 *     1
 * @param blurProbability chance of a Gaussian blur in both pipelines, in {@code [0, 1]}; default 0
 *     (off for small images)
 * @param size output side of the crop in both pipelines, {@code >= 0}; 0 (default) keeps the
 *     input's size
 */
public record AugmentationScheduleSettings(int weakEpochs, double blurProbability, int size)
        implements Settings {

    /** The defaults: one weak epoch, no blur, crops at the input's size. */
    public static AugmentationScheduleSettings defaults() {
        return new AugmentationScheduleSettings(1, 0.0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (weakEpochs < 0) {
            problems.add("weakEpochs: expected a value >= 0, found " + weakEpochs);
        }
        SettingsChecks.probability("blurProbability", blurProbability, problems);
        if (size < 0) {
            problems.add("size: expected a value >= 0 (0 keeps the input's size), found " + size);
        }
        return problems;
    }
}
