package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code grey-jitter}.
 *
 * @param brightness strength {@code b}: the brightness factor is drawn from {@code [max(0, 1 - b),
 *     1 + b]}; finite, {@code >= 0}, 0 turns brightness jitter off; default 0.4
 * @param contrast strength {@code c}: the contrast factor is drawn from {@code [max(0, 1 - c), 1 +
 *     c]}; finite, {@code >= 0}, 0 turns contrast jitter off; default 0.4
 * @param probability chance that an image is jittered at all, in {@code [0, 1]}; default 0.8
 */
public record GreyJitterSettings(double brightness, double contrast, double probability)
        implements Settings {

    /** The defaults: SimCLR's colour-jitter strengths for brightness and contrast, applied 80%. */
    public static GreyJitterSettings defaults() {
        return new GreyJitterSettings(0.4, 0.4, 0.8);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsChecks.strength("brightness", brightness, problems);
        SettingsChecks.strength("contrast", contrast, problems);
        SettingsChecks.probability("probability", probability, problems);
        return problems;
    }
}
