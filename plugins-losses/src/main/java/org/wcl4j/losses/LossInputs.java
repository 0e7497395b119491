package org.wcl4j.losses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.LossInput;

/** Checks and helpers shared by the losses of this module. */
final class LossInputs {

    /** Largest temperature a settings record accepts; the smallest is any positive value. */
    static final double MAX_TEMPERATURE = 10.0;

    private LossInputs() {}

    /** One message when {@code temperature} is outside {@code (0, 10]}, else none. */
    static List<String> temperatureProblems(double temperature) {
        if (temperature > 0 && temperature <= MAX_TEMPERATURE) {
            return List.of();
        }
        return List.of("temperature: expected a value in (0, 10], found " + temperature);
    }

    /**
     * The two global views of {@code input}, checked: exactly two, each {@code [n, d]} with the
     * same shape and data type, and {@code n >= 2}.
     *
     * @param loss the loss's plugin name, for messages
     */
    static List<INDArray> twoGlobalViews(String loss, LossInput input) {
        List<INDArray> views = input.globalViews();
        if (views.size() != 2) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected exactly 2 global views, found "
                            + views.size()
                            + "; use a crop strategy that makes two global crops per image, for"
                            + " example two-views");
        }
        INDArray first = views.get(0);
        INDArray second = views.get(1);
        if (first.rank() != 2) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected global view embeddings of shape [n, dim], found shape "
                            + Arrays.toString(first.shape()));
        }
        if (!Arrays.equals(first.shape(), second.shape())
                || first.dataType() != second.dataType()) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected both global views with the same shape and data type,"
                            + " found "
                            + Arrays.toString(first.shape())
                            + " "
                            + first.dataType()
                            + " and "
                            + Arrays.toString(second.shape())
                            + " "
                            + second.dataType()
                            + "; both views must go through the same head");
        }
        if (first.size(0) < 2) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected a batch of at least 2 images, found "
                            + first.size(0)
                            + "; a contrastive loss needs other images as negatives, so raise"
                            + " the batch size (and drop no last batch of one)");
        }
        ContrastiveKernel.checkRows(loss + ", global view 1", first);
        ContrastiveKernel.checkRows(loss + ", global view 2", second);
        return views;
    }

    /**
     * The weak labels of both global views of {@code input}, checked: exactly two, each of size
     * {@code n}.
     *
     * @param loss the loss's plugin name, for messages
     */
    static List<WeakLabels> twoWeakLabels(String loss, LossInput input, int n) {
        List<WeakLabels> labels = input.weakLabels();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected weak labels for both global views, found none; configure"
                            + " a labeller in the run config, for example labeller: {name:"
                            + " nearest-neighbour, head: phi}");
        }
        if (labels.size() != 2) {
            throw new IllegalArgumentException(
                    loss
                            + ": expected weak labels for exactly 2 global views, found "
                            + labels.size());
        }
        for (int view = 0; view < 2; view++) {
            if (labels.get(view).size() != n) {
                throw new IllegalArgumentException(
                        loss
                                + ": expected weak labels of size "
                                + n
                                + " (the batch size) for global view "
                                + (view + 1)
                                + ", found "
                                + labels.get(view).size()
                                + "; label the same batch the loss reads");
            }
        }
        return labels;
    }

    /**
     * Splits a gradient of the two global views stacked into {@code [2n, d]} back into one {@code
     * [n, d]} array per view.
     */
    static List<INDArray> splitViews(INDArray stacked, int n) {
        INDArray first = stacked.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
        INDArray second = stacked.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()).dup();
        return List.of(first, second);
    }

    /** Zero gradients shaped and typed like each local crop's embeddings. */
    static List<INDArray> zeroLocalGradients(LossInput input) {
        List<INDArray> gradients = new ArrayList<>(input.localViews().size());
        for (INDArray local : input.localViews()) {
            gradients.add(Nd4j.zeros(local.dataType(), local.shape()));
        }
        return gradients;
    }

    /** {@code [m][m]} with every entry true except the diagonal. */
    static boolean[][] allButSelf(int m) {
        boolean[][] mask = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            Arrays.fill(mask[i], true);
            mask[i][i] = false;
        }
        return mask;
    }
}
