package org.wcl4j.augment;

import java.util.List;

/** Range checks shared by the settings records of this package; messages as in the API. */
final class SettingsChecks {

    private SettingsChecks() {}

    /** Adds a problem unless {@code value} is a probability in {@code [0, 1]}. */
    static void probability(String name, double value, List<String> problems) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + ": expected a probability in [0, 1], found " + value);
        }
    }

    /** Adds a problem unless {@code value} is a finite jitter strength {@code >= 0}. */
    static void strength(String name, double value, List<String> problems) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            problems.add(name + ": expected a finite value >= 0 (0 turns it off), found " + value);
        }
    }

    /** Throws when the settings of {@code plugin} have problems, listing all of them. */
    static void require(String plugin, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    plugin
                            + ": invalid settings: "
                            + String.join("; ", problems)
                            + "; change these values in the config");
        }
    }
}
