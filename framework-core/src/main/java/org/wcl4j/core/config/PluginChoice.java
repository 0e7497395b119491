package org.wcl4j.core.config;

import java.util.Map;

/**
 * A plugin picked by name in a config, e.g. {@code {name: mlp, settings: {hidden: 512}}}.
 *
 * @param name the plugin's registered name
 * @param settings setting name to value (numbers, strings, booleans, lists); keys left out take the
 *     provider's defaults. Order is kept. In a config returned by {@link ConfigLoader} every
 *     setting is present.
 */
public record PluginChoice(String name, Map<String, Object> settings) {

    public PluginChoice {
        settings = Values.copyOf(settings);
    }

    /** A choice with all settings at their defaults. */
    public static PluginChoice of(String name) {
        return new PluginChoice(name, Map.of());
    }
}
