package org.wcl4j.api.augment;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a batch of dataset indices into views (step 1 of the training step). Must be safe to call
 * from a background thread while the engine trains on the previous batch, and deterministic given
 * the request.
 */
public interface CropStrategy {

    /** Makes the views of one batch. */
    ViewBatch views(CropRequest request);

    /**
     * Receives the detached pooled features of the first global view of a batch after its forward
     * pass, for strategies that keep a feature bank (K-NN multi-crop). Default: ignored.
     *
     * @param indices dataset positions of the batch members
     * @param features {@code [batch, featureSize]}, owned by the caller: copy what you keep
     */
    default void observe(int[] indices, INDArray features) {}

    /** Called once after the last batch of each epoch. Default: nothing. */
    default void endEpoch(int epoch) {}
}
