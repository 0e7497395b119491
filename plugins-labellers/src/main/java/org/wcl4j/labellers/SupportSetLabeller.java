package org.wcl4j.labellers;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;

/**
 * False-negative detection with a support set, as in FNCancel (Huynh et al., "Boosting Contrastive
 * Self-Supervised Learning with False Negative Cancellation", WACV 2022, Sec. 3.2): extra views of
 * each image vote on which other images of the batch are really of the same kind.
 *
 * <p>For the labelled view's embeddings {@code z [n, dim]} and {@code S} support views {@code
 * a_1..a_S}, each {@code [n, dim]} in the same head (from {@link LabelContext#supportViews()}):
 *
 * <pre>
 *   score(i, j) = aggregate over s of cos(a_s[i], z[j])      for j != i, aggregate = mean or max
 * </pre>
 *
 * and the detected false negatives of anchor {@code i} are, by {@code selection}: {@code top-k},
 * the {@code k} candidates of highest score; {@code threshold}, every candidate with {@code score
 * >= threshold}; {@code both}, the {@code k} highest that also reach the threshold. Among equal
 * scores the lower index ranks first. An anchor is never its own false negative, and the relation
 * is directed ({@link DirectedLabels}). Before epoch {@code startEpoch} nothing is detected.
 *
 * <p>Cosines are computed in double precision (see {@link CosineRows}). Deterministic, stateless
 * and safe to share between threads.
 */
public final class SupportSetLabeller implements WeakLabeller {

    /** The plugin name. */
    static final String NAME = "support-set";

    private final SupportSetSettings settings;

    /**
     * @param settings settings without {@linkplain SupportSetSettings#problems() problems}
     * @throws IllegalArgumentException when the settings have problems
     */
    public SupportSetLabeller(SupportSetSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    NAME + " labeller: invalid settings: " + String.join("; ", problems));
        }
        this.settings = settings;
    }

    /**
     * Labels one view with the false negatives its support views detect.
     *
     * @param embeddings {@code [n, dim]} of the labelled view, {@code n >= 2}, finite; not modified
     * @param context must hold at least one support view of shape {@code [n, dim]}
     * @throws IllegalArgumentException when there are no support views, shapes disagree, values are
     *     not finite, the batch has fewer than 2 members, or a ranking selection's {@code k}
     *     exceeds the batch size minus 1
     */
    @Override
    public DirectedLabels label(INDArray embeddings, LabelContext context) {
        double[][] z = CosineRows.unitRows(NAME, "embeddings", embeddings);
        int n = z.length;
        CosineRows.checkBatch(NAME, n);
        double[][][] support = supportUnits(context.supportViews(), embeddings);
        if (settings.ranks()) {
            CosineRows.checkK(NAME, settings.k(), n);
        }
        if (context.epoch() < settings.startEpoch()) {
            return DirectedLabels.none(n);
        }

        // Score every candidate j by the anchor's support views, then select.
        int[][] detected = new int[n][];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scores[j] = score(support, i, z[j]);
            }
            detected[i] = select(scores, i);
        }
        return new DirectedLabels(detected);
    }

    private double score(double[][][] support, int anchor, double[] candidate) {
        boolean max = settings.aggregation().equals("max");
        double result = max ? Double.NEGATIVE_INFINITY : 0;
        for (double[][] view : support) {
            double cosine = CosineRows.similarity(view[anchor], candidate);
            result = max ? Math.max(result, cosine) : result + cosine;
        }
        return max ? result : result / support.length;
    }

    private int[] select(double[] scores, int anchor) {
        double threshold = settings.threshold();
        if (!settings.ranks()) {
            int[] above = new int[scores.length];
            int count = 0;
            for (int j = 0; j < scores.length; j++) {
                if (j != anchor && scores[j] >= threshold) {
                    above[count++] = j;
                }
            }
            return Arrays.copyOf(above, count);
        }
        int[] best = CosineRows.topK(scores, anchor, settings.k());
        if (!settings.thresholds()) {
            return best;
        }
        return Arrays.stream(best).filter(j -> scores[j] >= threshold).toArray();
    }

    private static double[][][] supportUnits(List<INDArray> views, INDArray embeddings) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException(
                    NAME
                            + " labeller: expected support views (extra views of each image in the"
                            + " labeller's head), found none; set crops: {name: support-set,"
                            + " settings: {views: 2}}");
        }
        double[][][] units = new double[views.size()][][];
        for (int s = 0; s < views.size(); s++) {
            INDArray view = views.get(s);
            if (!Arrays.equals(view.shape(), embeddings.shape())) {
                throw new IllegalArgumentException(
                        NAME
                                + " labeller: expected support view "
                                + (s + 1)
                                + " shaped like the labelled view, "
                                + Arrays.toString(embeddings.shape())
                                + ", found "
                                + Arrays.toString(view.shape())
                                + "; support views must come from the same batch and head");
            }
            units[s] = CosineRows.unitRows(NAME, "support view " + (s + 1), view);
        }
        return units;
    }

    @Override
    public String toString() {
        return "SupportSetLabeller" + settings;
    }
}
