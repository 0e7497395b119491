package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code horizontal-flip}.
 *
 * @param probability chance that an image is mirrored, in {@code [0, 1]}; default 0.5
 */
public record HorizontalFlipSettings(double probability) implements Settings {

    /** The defaults: mirror half of the views. */
    public static HorizontalFlipSettings defaults() {
        return new HorizontalFlipSettings(0.5);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsChecks.probability("probability", probability, problems);
        return problems;
    }
}
