package org.wcl4j.api.plugin;

/** The settings of a plugin that has none. */
public record NoSettings() implements Settings {}
