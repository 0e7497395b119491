package org.wcl4j.losses;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code fncancel} loss.
 *
 * @param temperature the softmax temperature, in {@code (0, 10]}; default {@value
 *     #DEFAULT_TEMPERATURE}
 * @param action what the detected false negatives do: {@code elimination} (default; they leave the
 *     denominator) or {@code attraction} (they become positives). Elimination is the default as the
 *     more cautious of the two: a wrong detection only drops a negative
 */
public record FncancelSettings(double temperature, String action) implements Settings {

    /** The default temperature. */
    public static final double DEFAULT_TEMPERATURE = 0.1;

    /** The accepted values of {@code action}. */
    public static final List<String> ACTIONS = List.of("elimination", "attraction");

    /** The defaults: temperature {@value #DEFAULT_TEMPERATURE}, elimination. */
    public static FncancelSettings defaults() {
        return new FncancelSettings(DEFAULT_TEMPERATURE, "elimination");
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(LossInputs.temperatureProblems(temperature));
        if (!ACTIONS.contains(action)) {
            problems.add("action: expected one of " + ACTIONS + ", found '" + action + "'");
        }
        return problems;
    }
}
