package org.wcl4j.labellers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;

/**
 * AdpCLR-style top-K positives: every anchor takes the {@code k} other batch members most similar
 * to it, by cosine similarity in the labeller head's space, as its positives.
 *
 * <p>For embeddings {@code z [batch, dim]}: {@code s_ij = z_i . z_j / (|z_i| |z_j|)}, and {@code
 * P(i)} = the {@code k} indices {@code j != i} of largest {@code s_ij}. Among equal similarities
 * the lower index is taken first, so duplicate rows rank by their position in the batch. The
 * relation is directed: {@code j in P(i)} does not imply {@code i in P(j)}, and the labels ({@link
 * DirectedLabels}) do not pretend otherwise. Before epoch {@code startEpoch} no anchor has a
 * positive, so a loss on these labels reduces to its plain instance-discrimination form.
 *
 * <p>Similarities are computed in double precision (see {@link CosineRows}). Deterministic,
 * stateless and safe to share between threads.
 */
public final class TopKLabeller implements WeakLabeller {

    /** The plugin name. */
    static final String NAME = "top-k";

    private final int k;
    private final int startEpoch;

    /**
     * @param settings settings without {@linkplain TopKSettings#problems() problems}
     * @throws IllegalArgumentException when the settings have problems
     */
    public TopKLabeller(TopKSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    NAME + " labeller: invalid settings: " + String.join("; ", problems));
        }
        this.k = settings.k();
        this.startEpoch = settings.startEpoch();
    }

    /**
     * Labels one view with each member's top-K neighbours.
     *
     * @param embeddings {@code [batch, dim]} with {@code 2 <= batch} and {@code k <= batch - 1},
     *     finite; not modified
     * @param context its epoch decides whether positives are given yet
     * @throws IllegalArgumentException when the embeddings are not a finite matrix, the batch has
     *     fewer than 2 members or {@code k} exceeds the batch size minus 1
     */
    @Override
    public DirectedLabels label(INDArray embeddings, LabelContext context) {
        double[][] units = CosineRows.unitRows(NAME, "embeddings", embeddings);
        int n = units.length;
        CosineRows.checkBatch(NAME, n);
        CosineRows.checkK(NAME, k, n);
        if (context.epoch() < startEpoch) {
            return DirectedLabels.none(n);
        }

        // The similarity matrix, then each anchor's k best other members.
        double[][] similarities = CosineRows.similarities(units);
        int[][] positives = new int[n][];
        for (int i = 0; i < n; i++) {
            positives[i] = CosineRows.topK(similarities[i], i, k);
        }
        return new DirectedLabels(positives);
    }

    @Override
    public String toString() {
        return "TopKLabeller[k=" + k + ", startEpoch=" + startEpoch + "]";
    }
}
