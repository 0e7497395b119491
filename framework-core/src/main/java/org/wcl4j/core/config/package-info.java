/**
 * The run configuration: YAML read into immutable records, {@code --set path=value} overrides,
 * validation that reports every problem at once with its path, and the resolved YAML written back
 * into a run directory.
 *
 * <p>Plugin settings stay as ordered maps in the records ({@link PluginChoice#settings()}); after
 * {@link ConfigLoader} has resolved a config they hold every setting, the provider's defaults
 * filled in, and {@link PluginSettings} turns them into the provider's settings record.
 */
@NullMarked
package org.wcl4j.core.config;

import org.jspecify.annotations.NullMarked;
