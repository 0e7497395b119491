package org.wcl4j.core.registry;

/**
 * What the registry knows about one plugin, for listings such as {@code wcl4j plugins}.
 *
 * @param family the family's label, e.g. {@code "labeller"} (see {@link PluginFamily#label()})
 * @param name the plugin's name as written in configs
 * @param description one line from the provider
 * @param defaults the provider's default settings record
 */
public record PluginInfo(String family, String name, String description, Object defaults) {}
