package org.wcl4j.core.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/**
 * Turns a config's settings map into a provider's settings record and back: the provider's {@link
 * Provider#defaults()} fill every key left out, unknown keys are rejected, and {@link
 * Settings#problems()} is checked, each problem prefixed with the setting's path.
 */
public final class PluginSettings {

    private PluginSettings() {}

    /**
     * Binds {@code settings} over the provider's defaults.
     *
     * @param path where the settings sit in the config, e.g. {@code heads.g.settings}, for messages
     * @throws ConfigException listing every unknown key, wrongly typed value and out-of-range
     *     setting
     */
    public static <S extends Settings> S bind(
            Provider<?, S> provider, Map<String, ?> settings, String path) {
        Problems problems = new Problems();
        Optional<S> bound = bind(provider, Yaml.MAPPER.valueToTree(settings), path, problems);
        problems.throwIfAny("settings of '" + provider.name() + "'");
        return bound.orElseThrow();
    }

    /**
     * Binds {@code settings} and makes the plugin.
     *
     * @throws ConfigException as {@link #bind}
     */
    public static <T, S extends Settings> T create(
            Provider<T, S> provider, Map<String, ?> settings, String path) {
        return provider.create(bind(provider, settings, path));
    }

    /** A settings record as an ordered map of plain values (numbers, strings, lists). */
    public static Map<String, Object> toMap(Object settings) {
        Map<String, Object> map =
                Yaml.MAPPER.convertValue(
                        RecordBinder.toTree(settings),
                        new TypeReference<LinkedHashMap<String, Object>>() {});
        return Values.copyOf(map);
    }

    /** Binds, then checks ranges; every problem goes to {@code problems}. */
    static <S extends Settings> Optional<S> bind(
            Provider<?, S> provider, JsonNode node, String path, Problems problems) {
        S defaults = provider.defaults();
        int before = problems.size();
        Optional<S> bound = RecordBinder.bind(node, defaults, path, problems);
        if (bound.isEmpty()) {
            return bound;
        }
        var keys = RecordBinder.properties(defaults.getClass(), defaults).keySet();
        for (String problem : bound.get().problems()) {
            problems.add(RecordBinder.prefixed(path, problem, keys));
        }
        return problems.size() > before ? Optional.empty() : bound;
    }
}
