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
 * @param steadySteps steps timed for the mean step time: every step but the first of each execution
 *     (the first of the run, and the first after each resume, pay for warm-up); 0 in a checkpoint
 *     written before this was recorded
 * @param steadySeconds wall time of those steps
 */
record CheckpointState(
        int epochs,
        int steps,
        long images,
        double trainingSeconds,
        double seconds,
        double lastEpochLoss,
        Map<String, Double> before,
        List<Map<String, Double>> epochMetrics,
        int steadySteps,
        double steadySeconds) {

    CheckpointState {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        epochMetrics =
                epochMetrics.stream()
                        .map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)))
                        .toList();
    }

    /** The state of a run that has not trained yet. */
    static CheckpointState start() {
        return new CheckpointState(0, 0, 0, 0, 0, 0, Map.of(), List.of(), 0, 0);
    }
}
