package org.wcl4j.losses;

import java.util.List;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * The multi-crop graph term {@code L_graph_mc} of WCL's Eq. 8 (Zheng et al., ICCV 2021): a
 * supervised-contrastive loss between every local crop and every global view, on the weak labels of
 * the other global view.
 *
 * <p>For each pair (global view {@code v}, local crop {@code m}), stacked as in {@link
 * MultiCropPairs} into rows {@code g_v,1..n} then {@code l_m,1..n}, let {@code W} be the weak
 * labels of global view {@code 1 - v} (the swap of the two-view graph loss). The positives of a row
 * of image {@code i} are the other rows of the pair whose image {@code j} is {@code i} itself (the
 * other crop of the same image: {@code g_v,i} and {@code l_m,i} are positives of each other) or
 * lies in {@code i}'s component of {@code W} ({@code W.isPositive(i, j)}), in either view. The
 * candidates are the other {@code 2n - 1} rows. Every anchor has at least its own other crop as a
 * positive. With K-NN crops {@code l_m,i} is a crop of a neighbour of image {@code i}, so it counts
 * as a positive of {@code i} and of {@code i}'s component. The value is the mean over the {@code
 * 2M} pairs. Needs two global views with weak labels, at least one local crop, and {@code n >= 2}.
 */
public final class MultiCropGraphLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "wcl-graph-multi-crop";

    private final ContrastiveKernel kernel;

    /**
     * @param temperature the softmax temperature, finite and positive
     */
    public MultiCropGraphLoss(double temperature) {
        this.kernel = new ContrastiveKernel(temperature);
    }

    /** The softmax temperature. */
    public double temperature() {
        return kernel.temperature();
    }

    @Override
    public boolean needsWeakLabels() {
        return true;
    }

    @Override
    public LossResult compute(LossInput input) {
        List<WeakLabels> labels = input.weakLabels();
        long n = input.batchSize();
        if (labels.size() != 2 || labels.get(0).size() != n || labels.get(1).size() != n) {
            throw new IllegalArgumentException(
                    NAME
                            + ": expected weak labels of size "
                            + n
                            + " for both global views, found "
                            + labels.size()
                            + " label sets; configure a labeller in the run config, for example"
                            + " labeller: {name: nearest-neighbour, head: phi}");
        }
        return MultiCropPairs.compute(
                NAME, kernel, input, (view, rows) -> positives(rows, labels.get(1 - view)));
    }

    /** The positive mask of one pair under labels {@code w} (see the class notes). */
    static boolean[][] positives(int n, WeakLabels w) {
        boolean[][] mask = new boolean[2 * n][2 * n];
        for (int a = 0; a < 2 * n; a++) {
            for (int b = 0; b < 2 * n; b++) {
                int i = a % n;
                int j = b % n;
                mask[a][b] = a != b && (i == j || w.isPositive(i, j));
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return "MultiCropGraphLoss[temperature=" + temperature() + "]";
    }
}
