package org.wcl4j.api.label;

import org.wcl4j.api.plugin.Provider;
import org.wcl4j.api.plugin.Settings;

/** Registers a weak labeller, for example {@code nearest-neighbour}. */
public interface WeakLabellerProvider<S extends Settings> extends Provider<WeakLabeller, S> {}
