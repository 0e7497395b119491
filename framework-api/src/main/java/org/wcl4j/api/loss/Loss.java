package org.wcl4j.api.loss;

/**
 * A contrastive loss on the embeddings of one head: a pure function from embeddings (and weak
 * labels) to a value and its analytic gradient. The engine multiplies both by the configured weight
 * and feeds the gradient back through the head as an external error.
 */
public interface Loss {

    /** Whether {@link LossInput#weakLabels()} must be filled (a labeller must be configured). */
    default boolean needsWeakLabels() {
        return false;
    }

    /**
     * Computes the loss.
     *
     * @throws IllegalArgumentException when the batch is too small for the loss, or an embedding
     *     holds NaN or infinity
     */
    LossResult compute(LossInput input);
}
