package org.wcl4j.losses;

import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code nt-xent} loss.
 *
 * @param temperature the softmax temperature, in {@code (0, 10]}; default {@value
 *     #DEFAULT_TEMPERATURE}
 */
public record NtXentSettings(double temperature) implements Settings {

    /** The default temperature. */
    public static final double DEFAULT_TEMPERATURE = 0.1;

    /** The defaults: temperature {@value #DEFAULT_TEMPERATURE}. */
    public static NtXentSettings defaults() {
        return new NtXentSettings(DEFAULT_TEMPERATURE);
    }

    @Override
    public List<String> problems() {
        return LossInputs.temperatureProblems(temperature);
    }
}
