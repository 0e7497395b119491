package org.wcl4j.api.plugin;

import java.util.List;

/**
 * The settings of one plugin: an immutable record whose components are read from the YAML config
 * (unknown keys are rejected before this type is built), with documented defaults given by {@link
 * Provider#defaults()}.
 */
public interface Settings {

    /**
     * Checks the values against their allowed ranges.
     *
     * @return one message per problem, each naming the setting, the value found and what is
     *     expected, for example {@code "temperature: expected a value in (0, 10], found -1.0"}; an
     *     empty list when the settings are valid
     */
    default List<String> problems() {
        return List.of();
    }
}
