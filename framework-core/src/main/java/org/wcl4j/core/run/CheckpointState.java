package org.wcl4j.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint records besides the network: how far the run got and what it measured.
 *
 * @param epochs epochs completed, so the next epoch's index
 * @param steps steps completed, so the next step's index
 * @param images images trained on so far
 * @param trainingSeconds step time so far
 * @param seconds wall time so far, evaluation included
 * @param lastEpochLoss mean total loss of the last completed epoch; 0 before the first
 * @param before the evaluation before training, if it ran
 * @param epochMetrics each completed epoch's metrics, in order
 */
record CheckpointState(
        int epochs,
        int steps,
        long images,
        double trainingSeconds,
        double seconds,
        double lastEpochLoss,
        Map<String, Double> before,
        List<Map<String, Double>> epochMetrics) {

    CheckpointState {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        epochMetrics =
                epochMetrics.stream()
                        .map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)))
                        .toList();
    }

    /** The state of a run that has not trained yet. */
    static CheckpointState start() {
        return new CheckpointState(0, 0, 0, 0, 0, 0, Map.of(), List.of());
    }
}
