package org.wcl4j.api.loss;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers a loss, for example {@code nt-xent} or {@code wcl-graph}. */
public interface LossProvider<S extends Settings> extends Provider<Loss, S> {}
