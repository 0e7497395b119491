package org.wcl4j.losses;

import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * AdpCLR's loss: NT-Xent whose positives also include the weak-label neighbours of each anchor,
 * typically from the {@code top-k} labeller.
 *
 * <p>The two global views {@code [n, d]} are stacked into {@code 2n} rows. Anchor {@code (v, i)}
 * (image {@code i} in view {@code v}) reads the weak labels of its own view, {@code
 * weakLabels.get(v)}: its positives are the other view of {@code i} and both views of every {@code
 * j} with {@code isPositive(i, j)}; its candidates are all rows but itself. Labels need not be
 * symmetric. The value is the mean over the {@code 2n} anchors; with labels that mark no positives
 * it equals {@link NtXentLoss} exactly. Needs two global views, {@code n >= 2} and weak labels of
 * size {@code n} for both; local crops get zero gradients. See {@link WeakPositivesNtXent}.
 */
public final class AdpclrLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "adpclr";

    private final ContrastiveKernel kernel;

    /**
     * @param temperature the softmax temperature, finite and positive (settings allow (0, 10])
     */
    public AdpclrLoss(double temperature) {
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
        return WeakPositivesNtXent.compute(
                NAME, kernel, WeakPositivesNtXent.Action.ATTRACTION, input);
    }

    @Override
    public String toString() {
        return "AdpclrLoss[temperature=" + temperature() + "]";
    }
}
