package org.wcl4j.core.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final numbers of a run, as written to {@code summary.json}.
 *
 * @param directory the run directory
 * @param before evaluation of the untrained encoder, {@code "<protocol>/<metric>"} (e.g. {@code
 *     "knn/top1"}) to value; empty when {@code evaluateBefore} is off
 * @param after evaluation of the trained encoder, keyed the same way
 * @param finalLoss mean total loss over the last epoch
 * @param imagesPerSecond training images per second of step time, over the whole run
 * @param steps training steps run
 * @param seconds wall time of the run, evaluation included, summed over resumed executions
 */
public record RunSummary(
        Path directory,
        Map<String, Double> before,
        Map<String, Double> after,
        double finalLoss,
        double imagesPerSecond,
        int steps,
        double seconds) {

    public RunSummary {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
