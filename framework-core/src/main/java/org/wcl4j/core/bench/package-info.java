/** Step benchmarks: the time of one training step of a config, phase by phase, on real batches. */
@NullMarked
package org.wcl4j.core.bench;

import org.jspecify.annotations.NullMarked;
