/**
 * Small, fast stand-ins for every plugin family, registered through this module's test {@code
 * META-INF/services} files so that the core's tests need no plugin module. Each is simple enough to
 * check by hand; none is a method from the literature.
 */
@NullMarked
package org.wcl4j.core.testing;

import org.jspecify.annotations.NullMarked;
