/**
 * Guice wiring: {@link org.wcl4j.core.wiring.PluginModule} binds every discovered provider into one
 * {@code MapBinder} per family, and {@link org.wcl4j.core.wiring.RunModule} turns a config's plugin
 * names into the run's encoder, heads, labeller, crop strategy, augmentations, losses, data set and
 * evaluation protocols. Tests swap any of these with {@code Modules.override}.
 */
@NullMarked
package org.wcl4j.core.wiring;

import org.jspecify.annotations.NullMarked;
