package org.wcl4j.api.augment;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers a crop strategy, for example {@code two-views}. */
public interface CropStrategyProvider<S extends Settings> extends Provider<CropStrategy, S> {}
