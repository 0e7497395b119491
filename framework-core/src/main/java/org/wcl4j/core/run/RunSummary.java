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
 * @param lastEpoch the last epoch's means of every per-step metric ({@code loss}, {@code
 *     loss/<term>}, {@code weak/*}, {@code time/*}, ...) as {@code metrics.csv} names them; empty
 *     when unknown
 * @param meanStepMilliseconds mean wall time of a training step, in milliseconds, over every step
 *     but the first of each execution (which pays for warm-up); NaN when no such step ran
 */
public record RunSummary(
        Path directory,
        Map<String, Double> before,
        Map<String, Double> after,
        double finalLoss,
        double imagesPerSecond,
        int steps,
        double seconds,
        Map<String, Double> lastEpoch,
        double meanStepMilliseconds) {

    public RunSummary {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
        lastEpoch = Collections.unmodifiableMap(new LinkedHashMap<>(lastEpoch));
    }

    /** A summary without the last epoch's means and the mean step time. */
    public RunSummary(
            Path directory,
            Map<String, Double> before,
            Map<String, Double> after,
            double finalLoss,
            double imagesPerSecond,
            int steps,
            double seconds) {
        this(
                directory,
                before,
                after,
                finalLoss,
                imagesPerSecond,
                steps,
                seconds,
                Map.of(),
                Double.NaN);
    }
}
