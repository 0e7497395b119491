package org.wcl4j.engine;

import java.util.List;
import java.util.Optional;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.label.LabelContext;

/** One training step of Eq. 8 of the WCL paper over a batch of views. */
public final class TrainingStep {

    public TrainingStep(
            ContrastiveNetwork network,
            List<LossTerm> losses,
            Optional<LabellerBinding> labeller,
            OptimizerSettings optimizer) {
        throw new UnsupportedOperationException("engine under construction");
    }

    /**
     * Runs forward, labels, losses, backward and the update.
     *
     * @param views the views of the batch
     * @param context dataset indices, true labels (diagnostics only) and epoch
     * @param iteration global step number from 0, for the learning-rate schedule
     */
    public StepResult run(ViewBatch views, LabelContext context, int iteration) {
        throw new UnsupportedOperationException("engine under construction");
    }
}
