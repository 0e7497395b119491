/**
 * Plugin discovery: every provider on the class path, found with {@link java.util.ServiceLoader}
 * under its family interface and looked up by its stable kebab-case name.
 */
@NullMarked
package org.wcl4j.core.registry;

import org.jspecify.annotations.NullMarked;
