package org.wcl4j.api.data;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/**
 * Registers a data set, for example {@code fashion-mnist}. {@link #create} reads the files and
 * fails with an {@link IllegalArgumentException} naming the file and what was wrong when they are
 * missing or malformed.
 */
public interface DatasetProvider<S extends Settings> extends Provider<Dataset, S> {}
