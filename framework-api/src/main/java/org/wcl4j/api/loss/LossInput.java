package org.wcl4j.api.loss;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.WeakLabels;

/**
 * What a loss reads: the embeddings of one head for every view of a batch of {@code n} images, and
 * the weak labels of each global view. Row {@code i} of every view is the same image. Arrays are
 * detached copies owned by the engine: read them, never modify them.
 *
 * @param globalViews one {@code [n, dim]} array per global view (two for two-views), not normalised
 * @param localViews one {@code [n, dim]} array per local crop (empty without multi-crop)
 * @param weakLabels labels of global view {@code v} at index {@code v}, from the configured
 *     labeller; empty when the run has no labeller
 */
public record LossInput(
        List<INDArray> globalViews, List<INDArray> localViews, List<WeakLabels> weakLabels) {

    public LossInput {
        globalViews = List.copyOf(globalViews);
        localViews = List.copyOf(localViews);
        weakLabels = List.copyOf(weakLabels);
        if (globalViews.isEmpty()) {
            throw new IllegalArgumentException(
                    "loss input: expected at least one global view, found none");
        }
    }

    /** Number of images in the batch. */
    public long batchSize() {
        return globalViews.get(0).size(0);
    }
}
