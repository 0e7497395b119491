package org.wcl4j.losses;

import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * The multi-crop instance-discrimination term {@code L_nce_mc} of WCL's Eq. 8 (Zheng et al., ICCV
 * 2021): NT-Xent between every local crop and every global view.
 *
 * <p>For each pair (global view {@code v}, local crop {@code m}), stacked as in {@link
 * MultiCropPairs} into rows {@code g_v,1..n} then {@code l_m,1..n}, the only positive of {@code
 * g_v,i} is {@code l_m,i} and the only positive of {@code l_m,i} is {@code g_v,i}; the candidates
 * are the other {@code 2n - 1} rows of the pair. With K-NN crops {@code l_m,i} is a crop of a
 * neighbour of image {@code i}, so that neighbour is a positive of {@code i}: over the {@code M}
 * local crops an image has positives from up to {@code K} other images. The value is the mean over
 * the {@code 2M} pairs; global views and local crops all get gradients. Needs two global views, at
 * least one local crop, and {@code n >= 2}.
 */
public final class MultiCropNtXentLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "nt-xent-multi-crop";

    private final ContrastiveKernel kernel;

    /**
     * @param temperature the softmax temperature, finite and positive
     */
    public MultiCropNtXentLoss(double temperature) {
        this.kernel = new ContrastiveKernel(temperature);
    }

    /** The softmax temperature. */
    public double temperature() {
        return kernel.temperature();
    }

    @Override
    public LossResult compute(LossInput input) {
        return MultiCropPairs.compute(NAME, kernel, input, (view, n) -> positives(n));
    }

    /** Row {@code i} and row {@code n + i} are each other's only positive. */
    static boolean[][] positives(int n) {
        boolean[][] mask = new boolean[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            mask[i][n + i] = true;
            mask[n + i][i] = true;
        }
        return mask;
    }

    @Override
    public String toString() {
        return "MultiCropNtXentLoss[temperature=" + temperature() + "]";
    }
}
