/**
 * Plugin discovery: the provider contract that every plugin family extends, and settings
 * validation.
 */
@NullMarked
package org.wcl4j.api.plugin;

import org.jspecify.annotations.NullMarked;
