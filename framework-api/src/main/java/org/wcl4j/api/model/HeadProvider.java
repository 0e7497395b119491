package org.wcl4j.api.model;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers a projection head, for example {@code mlp}. */
public interface HeadProvider<S extends Settings> extends Provider<Head, S> {}
