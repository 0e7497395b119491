package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code colour-jitter}.
 *
 * @param strength SimCLR's colour-distortion strength {@code s}: brightness, contrast and
 *     saturation factors are drawn from {@code [max(0, 1 - 0.8 s), 1 + 0.8 s]} and the hue shift
 *     from {@code [-0.2 s, 0.2 s]} (in turns of the colour wheel); finite, in {@code [0, 2.5]} so
 *     that the hue shift stays within half a turn, 0 turns the jitter off; default 1.0 (SimCLR on
 *     ImageNet; SimCLR used 0.5 on CIFAR-10)
 * @param probability chance that an image is jittered at all, in {@code [0, 1]}; default 0.8
 */
public record ColourJitterSettings(double strength, double probability) implements Settings {

    /** Largest strength: a hue shift of at most half a turn. */
    static final double MAX_STRENGTH = 2.5;

    /** The defaults: strength 1.0, applied to 80% of the views, as in SimCLR. */
    public static ColourJitterSettings defaults() {
        return new ColourJitterSettings(1.0, 0.8);
    }

    /** Largest relative change of brightness, contrast and saturation: {@code 0.8 s}. */
    double brightness() {
        return 0.8 * strength;
    }

    /** Largest hue shift in turns: {@code 0.2 s}. */
    double hue() {
        return 0.2 * strength;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(strength >= 0 && strength <= MAX_STRENGTH)) {
            problems.add(
                    "strength: expected a value in [0, "
                            + MAX_STRENGTH
                            + "] (0 turns it off), found "
                            + strength);
        }
        SettingsChecks.probability("probability", probability, problems);
        return problems;
    }
}
