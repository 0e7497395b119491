package org.wcl4j.api.label;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Infers weak labels for one view of a batch from its (detached) embeddings, between the forward
 * and the backward pass. Not differentiable. Must be deterministic: the same embeddings give the
 * same labels.
 */
public interface WeakLabeller {

    /**
     * Labels one view.
     *
     * @param embeddings {@code [batch, dim]}, not normalised; read-only and owned by the caller
     * @param context dataset indices, true labels (oracle only) and epoch
     * @return labels of size {@code batch}
     * @throws IllegalArgumentException when the batch is too small for this labeller
     */
    WeakLabels label(INDArray embeddings, LabelContext context);
}
