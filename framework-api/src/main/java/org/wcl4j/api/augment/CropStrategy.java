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

    /**
     * What the strategy carries from one epoch into the next (a feature bank and its neighbours),
     * as bytes for a checkpoint; written after {@link #endEpoch} and given back to {@link #restore}
     * when the run resumes, so a resumed run makes the views an uninterrupted one would. Default:
     * empty, for strategies whose views depend on the request alone.
     */
    default byte[] state() {
        return new byte[0];
    }

    /**
     * Takes back a {@link #state()} of a strategy with the same settings, before the first views of
     * a resumed run. Default: nothing.
     *
     * @param state bytes from {@link #state()}, never empty
     * @throws IllegalArgumentException when the bytes are not such a state
     */
    default void restore(byte[] state) {}
}
