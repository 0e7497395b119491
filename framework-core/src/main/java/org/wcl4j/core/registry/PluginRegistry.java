package org.wcl4j.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.plugin.Provider;

/**
 * Every plugin available to a run, by family and name. Immutable once built; safe to share.
 *
 * <p>{@link #discover()} finds providers with {@link ServiceLoader} under each family's interface
 * (plugins register with {@code @AutoService(<Family>Provider.class)}). Two providers with the same
 * name in one family are an error naming both classes; the same name in two families is fine.
 */
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<PluginFamily<?>, Map<String, Provider<?, ?>>> providers;

    private PluginRegistry(Map<PluginFamily<?>, Map<String, Provider<?, ?>>> providers) {
        this.providers = providers;
    }

    /** Finds every provider visible to the context class loader (or this class's loader). */
    public static PluginRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : PluginRegistry.class.getClassLoader());
    }

    /**
     * Finds every provider visible to {@code loader}.
     *
     * @throws IllegalArgumentException when two providers of one family share a name, or a provider
     *     listed in {@code META-INF/services} cannot be loaded: a problem with the plugin jars on
     *     the class path, which the user gave
     */
    public static PluginRegistry discover(ClassLoader loader) {
        Builder builder = new Builder();
        for (PluginFamily<?> family : PluginFamily.all()) {
            try {
                for (Provider<?, ?> provider : ServiceLoader.load(family.providerType(), loader)) {
                    builder.add(family, provider);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalArgumentException(
                        "could not load a "
                                + family.label()
                                + " plugin: "
                                + e.getMessage()
                                + "; check the plugin jars on the class path",
                        e);
            }
        }
        PluginRegistry registry = builder.build();
        LOG.debug("found {} plugins", registry.plugins().size());
        return registry;
    }

    /**
     * A registry of exactly the given providers, each filed under every family interface it
     * implements. Useful for tests and for embedding without {@link ServiceLoader}.
     *
     * @throws IllegalArgumentException when two providers of one family share a name, or a provider
     *     implements no family interface
     */
    public static PluginRegistry of(Collection<? extends Provider<?, ?>> providers) {
        Builder builder = new Builder();
        for (Provider<?, ?> provider : providers) {
            boolean filed = false;
            for (PluginFamily<?> family : PluginFamily.all()) {
                if (family.providerType().isInstance(provider)) {
                    builder.add(family, provider);
                    filed = true;
                }
            }
            if (!filed) {
                throw new IllegalArgumentException(
                        "expected a provider implementing one of the family interfaces (e.g."
                                + " LossProvider), found "
                                + provider.getClass().getName());
            }
        }
        return builder.build();
    }

    /** Every plugin, family by family in {@link PluginFamily#all()} order, names sorted. */
    public List<PluginInfo> plugins() {
        List<PluginInfo> infos = new ArrayList<>();
        for (PluginFamily<?> family : PluginFamily.all()) {
            for (Provider<?, ?> provider : providers.get(family).values()) {
                infos.add(
                        new PluginInfo(
                                family.label(),
                                provider.name(),
                                provider.description(),
                                provider.defaults()));
            }
        }
        return List.copyOf(infos);
    }

    /** The names registered in {@code family}, sorted. */
    public List<String> names(PluginFamily<?> family) {
        return List.copyOf(providers.get(family).keySet());
    }

    /** The provider called {@code name} in {@code family}, if any. */
    public <P extends Provider<?, ?>> Optional<P> find(PluginFamily<P> family, String name) {
        return Optional.ofNullable(providers.get(family).get(name))
                .map(provider -> family.providerType().cast(provider));
    }

    /**
     * The provider called {@code name} in {@code family}.
     *
     * @throws IllegalArgumentException when there is none, listing the known names and the closest
     *     one: {@code "unknown labeller 'nearest-neigbour'; did you mean 'nearest-neighbour'?
     *     known: nearest-neighbour"}
     */
    public <P extends Provider<?, ?>> P provider(PluginFamily<P> family, String name) {
        return find(family, name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        Names.unknown(family.label(), name, "", names(family))));
    }

    /** Every provider of {@code family} by name, names sorted. */
    public <P extends Provider<?, ?>> Map<String, P> providers(PluginFamily<P> family) {
        Map<String, P> typed = new LinkedHashMap<>();
        providers
                .get(family)
                .forEach((name, provider) -> typed.put(name, family.providerType().cast(provider)));
        return Collections.unmodifiableMap(typed);
    }

    /** Collects providers and rejects duplicate names within a family. */
    private static final class Builder {

        private final Map<PluginFamily<?>, Map<String, Provider<?, ?>>> providers =
                new LinkedHashMap<>();

        Builder() {
            for (PluginFamily<?> family : PluginFamily.all()) {
                providers.put(family, new TreeMap<>());
            }
        }

        void add(PluginFamily<?> family, Provider<?, ?> provider) {
            String name = provider.name();
            if (name.isBlank()) {
                throw new IllegalArgumentException(
                        "expected a non-blank "
                                + family.label()
                                + " name, found '"
                                + name
                                + "' from "
                                + provider.getClass().getName());
            }
            Provider<?, ?> previous = providers.get(family).putIfAbsent(name, provider);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "duplicate "
                                + family.label()
                                + " name '"
                                + name
                                + "': registered by both "
                                + previous.getClass().getName()
                                + " and "
                                + provider.getClass().getName()
                                + "; rename one of them or remove one jar from the class path");
            }
            LOG.debug("found {} '{}' ({})", family.label(), name, provider.getClass().getName());
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                LOG.warn(
                        "{} name '{}' of {} is not kebab-case; configs must spell it exactly",
                        family.label(),
                        name,
                        provider.getClass().getName());
            }
        }

        PluginRegistry build() {
            Map<PluginFamily<?>, Map<String, Provider<?, ?>>> frozen = new LinkedHashMap<>();
            providers.forEach(
                    (family, byName) ->
                            frozen.put(family, Collections.unmodifiableMap(new TreeMap<>(byName))));
            return new PluginRegistry(Collections.unmodifiableMap(frozen));
        }
    }
}
