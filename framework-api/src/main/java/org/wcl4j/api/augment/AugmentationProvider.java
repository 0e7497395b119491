package org.wcl4j.api.augment;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers an augmentation, for example {@code random-resized-crop}. */
public interface AugmentationProvider<S extends Settings> extends Provider<Augmentation, S> {}
