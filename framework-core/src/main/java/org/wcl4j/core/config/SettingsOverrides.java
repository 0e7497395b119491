package org.wcl4j.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/**
 * Binds one plugin's settings from a base map and {@code key=value} overrides, the way {@code wcl4j
 * eval --set epochs=20} sets a protocol's settings: each value is read as in {@code --set} for
 * configs (a YAML scalar, or a flow list or mapping), keys left out keep the base value or the
 * provider's default, and every unknown key, wrong type or out-of-range value is reported at once.
 */
public final class SettingsOverrides {

    private SettingsOverrides() {}

    /**
     * The provider's settings with {@code base} and then {@code overrides} applied.
     *
     * @param base settings from a config, possibly empty
     * @param overrides {@code key=value} strings, applied in order
     * @param path where the settings are said to sit, for messages (e.g. {@code "linear"})
     * @throws ConfigException listing every malformed override and every invalid setting
     */
    public static <S extends Settings> S bind(
            Provider<?, S> provider, Map<String, ?> base, List<String> overrides, String path) {
        Problems problems = new Problems();
        ObjectNode tree = Yaml.MAPPER.valueToTree(base);
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                problems.add(
                        "--set "
                                + override
                                + ": expected KEY=VALUE with a setting of '"
                                + provider.name()
                                + "' as KEY, for example "
                                + exampleKey(provider)
                                + "=...");
                continue;
            }
            tree.set(
                    override.substring(0, equals).strip(),
                    Overrides.value(override.substring(equals + 1)));
        }
        Optional<S> bound = PluginSettings.bind(provider, tree, path, problems);
        problems.throwIfAny("settings of '" + provider.name() + "'");
        return bound.orElseThrow();
    }

    private static String exampleKey(Provider<?, ?> provider) {
        var components = provider.defaults().getClass().getRecordComponents();
        return components == null || components.length == 0 ? "key" : components[0].getName();
    }
}
