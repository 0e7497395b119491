package org.wcl4j.api.label;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a labeller may know about the batch besides the embeddings of the view it labels.
 *
 * @param datasetIndices position of each batch member in the training split
 * @param trueLabels the data set's class of each batch member, or an empty array when unknown; only
 *     the oracle labeller (an upper bound, not a method) may use it to label, the engine reads it
 *     for the weak-label diagnostics
 * @param epoch the current epoch, from 0
 * @param supportViews embeddings {@code [batch, dim]}, in the labeller's head, of each support view
 *     the crop strategy made (see {@link org.wcl4j.api.augment.ViewBatch#support()}); empty when
 *     there are none. Detached, read-only and owned by the engine
 */
public record LabelContext(
        int[] datasetIndices, int[] trueLabels, int epoch, List<INDArray> supportViews) {

    public LabelContext {
        supportViews = List.copyOf(supportViews);
    }

    /** A context without support views. */
    public LabelContext(int[] datasetIndices, int[] trueLabels, int epoch) {
        this(datasetIndices, trueLabels, epoch, List.of());
    }

    /** This context with the given support-view embeddings. */
    public LabelContext withSupportViews(List<INDArray> views) {
        return new LabelContext(datasetIndices, trueLabels, epoch, views);
    }
}
