package org.wcl4j.core.run;

import java.nio.file.Path;
import java.util.Map;
import org.wcl4j.api.eval.EvaluationResult;

/**
 * Hears about a run's progress, for a progress bar or a report; every method does nothing by
 * default. Called on the thread that runs {@link TrainingRun#execute}. Steps and epochs are
 * numbered from 0.
 */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};

    /**
     * Training is about to start.
     *
     * @param directory the run directory
     * @param totalSteps steps of the whole run
     * @param firstStep the first step this execution runs: 0, or the steps already done when
     *     resuming
     */
    default void runStarted(Path directory, int totalSteps, int firstStep) {}

    /**
     * One step finished.
     *
     * @param step its index, from 0 over the whole run
     * @param epoch its epoch, from 0
     * @param loss the weighted total loss
     * @param imagesPerSecond images of this step divided by its wall time
     */
    default void stepFinished(int step, int epoch, double loss, double imagesPerSecond) {}

    /**
     * One epoch finished.
     *
     * @param metrics the epoch's means of the step metrics ({@code loss}, {@code loss/<term>},
     *     {@code images/s}, ...), plus evaluation results when the epoch was evaluated
     */
    default void epochFinished(int epoch, Map<String, Double> metrics) {}

    /**
     * The protocols are about to evaluate the encoder.
     *
     * @param when {@code "before"}, {@code "after"} or {@code "epoch-N"} (after N epochs)
     */
    default void evaluationStarted(String when) {}

    /** One protocol has evaluated the encoder. */
    default void evaluated(String when, EvaluationResult result) {}

    /** The run finished and wrote {@code summary.json}. */
    default void runFinished(RunSummary summary) {}
}
