package org.wcl4j.api.plugin;

/**
 * Makes instances of one plugin from its settings. Every plugin family has its own sub-interface
 * (for example {@link org.wcl4j.api.label.WeakLabellerProvider}); an implementation registers under
 * that interface with {@code @AutoService(WeakLabellerProvider.class)} and is then found by {@link
 * #name()} from a config.
 *
 * @param <T> what the plugin makes
 * @param <S> its settings record
 */
public interface Provider<T, S extends Settings> {

    /** A stable kebab-case name, unique within the family, as written in configs. */
    String name();

    /** One line for {@code wcl4j plugins}. */
    String description();

    /** The settings used for every key the config leaves out; must pass {@link S#problems()}. */
    S defaults();

    /** The settings record type, read from YAML with unknown keys rejected. */
    @SuppressWarnings("unchecked")
    default Class<S> settingsType() {
        return (Class<S>) defaults().getClass();
    }

    /**
     * Makes a new instance.
     *
     * @param settings settings that passed {@link Settings#problems()}
     */
    T create(S settings);
}
