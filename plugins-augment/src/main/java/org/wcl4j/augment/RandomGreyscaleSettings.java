package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code random-greyscale}.
 *
 * @param probability chance that a view is turned grey, in {@code [0, 1]}; default 0.2 (SimCLR)
 */
public record RandomGreyscaleSettings(double probability) implements Settings {

    /** The defaults: one view in five turned grey, as in SimCLR. */
    public static RandomGreyscaleSettings defaults() {
        return new RandomGreyscaleSettings(0.2);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsChecks.probability("probability", probability, problems);
        return problems;
    }
}
