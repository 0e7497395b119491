package org.wcl4j.core.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wcl4j.api.data.ImageShape;

/**
 * The timing of one config's training step, medians over the timed steps.
 *
 * @param name the config's run name
 * @param batchSize images per step
 * @param imagesPerSecond {@code batchSize} divided by the median step time (augmentation not
 *     included, since a run makes the views on a background thread while the previous step trains)
 * @param medianStepMs median milliseconds of the engine's step: forward, label, loss, backward and
 *     update
 * @param medianPhaseMs median milliseconds of each phase: {@code augment} (making the views),
 *     {@code forward}, {@code label}, {@code loss}, {@code backward}, {@code update}
 * @param peakRssBytes the process's peak resident memory (VmHWM), or -1 where {@code
 *     /proc/self/status} is not available; a high-water mark of the whole process, so it covers
 *     every config benchmarked before this one in the same process
 * @param shape image shape of the global views
 * @param helperLayers layers whose work oneDNN does (see {@code NativeBackend})
 * @param layers layers in the network
 */
public record BenchmarkResult(
        String name,
        int batchSize,
        double imagesPerSecond,
        double medianStepMs,
        Map<String, Double> medianPhaseMs,
        long peakRssBytes,
        ImageShape shape,
        int helperLayers,
        int layers) {

    public BenchmarkResult {
        medianPhaseMs = Collections.unmodifiableMap(new LinkedHashMap<>(medianPhaseMs));
    }
}
