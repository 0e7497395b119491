package org.wcl4j.labellers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;

/**
 * The oracle: positives are the batch members of the same true class, read from {@link
 * LabelContext#trueLabels()}. With a supervised-contrastive loss this is SupCon (Khosla et al.,
 * NeurIPS 2020), the upper bound that weak labels approach; it is not a self-supervised method.
 *
 * <p>The labels are {@link ComponentLabels} with one component per class present in the batch,
 * numbered in order of first appearance. A class with a single member in the batch gives that
 * member no positive. The embeddings are read only for the batch size. Stateless.
 */
public final class TrueLabelsLabeller implements WeakLabeller {

    /** The plugin name. */
    static final String NAME = "true-labels";

    /**
     * Labels one view by the true classes of its members.
     *
     * @param embeddings {@code [batch, dim]}, {@code batch >= 2}; only its row count is read
     * @param context must hold one non-negative class per batch member
     * @throws IllegalArgumentException when the batch has fewer than 2 members, or the true labels
     *     are missing, of another length or negative
     */
    @Override
    public ComponentLabels label(INDArray embeddings, LabelContext context) {
        if (embeddings.rank() != 2) {
            throw new IllegalArgumentException(
                    NAME
                            + " labeller: expected embeddings of shape [batch, dim], found rank "
                            + embeddings.rank()
                            + " "
                            + Arrays.toString(embeddings.shape())
                            + "; flatten them to one row per batch member");
        }
        int n = Math.toIntExact(embeddings.size(0));
        CosineRows.checkBatch(NAME, n);
        int[] classes = context.trueLabels();
        if (classes.length == 0) {
            throw new IllegalArgumentException(
                    NAME
                            + " labeller: expected the true class of each of the "
                            + n
                            + " batch members, found none; use a data set with class labels, or"
                            + " a labeller that needs none (for example nearest-neighbour)");
        }
        if (classes.length != n) {
            throw new IllegalArgumentException(
                    NAME
                            + " labeller: expected "
                            + n
                            + " true labels (one per batch member), found "
                            + classes.length
                            + "; the labels must belong to the batch being labelled");
        }
        for (int i = 0; i < n; i++) {
            if (classes[i] < 0) {
                throw new IllegalArgumentException(
                        NAME
                                + " labeller: expected non-negative classes, found "
                                + classes[i]
                                + " for batch member "
                                + i
                                + "; check the data set's labels");
            }
        }
        return new ComponentLabels(classes);
    }

    @Override
    public String toString() {
        return "TrueLabelsLabeller";
    }
}
