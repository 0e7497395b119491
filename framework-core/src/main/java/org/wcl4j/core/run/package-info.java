/**
 * Training runs: the run directory ({@code config.yaml}, {@code provenance.json}, {@code
 * metrics.csv}, {@code summary.json}, {@code checkpoints/}), the epoch loop around the engine's
 * training step, evaluation before and after, and resuming from the last checkpoint to the same
 * result as an uninterrupted run.
 */
@NullMarked
package org.wcl4j.core.run;

import org.jspecify.annotations.NullMarked;
