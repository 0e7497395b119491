package org.wcl4j.losses;

import java.util.List;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * FNCancel's loss (Huynh et al., "Boosting Contrastive Self-Supervised Learning with False Negative
 * Cancellation", WACV 2022, Sec. 3.1): NT-Xent in which the false negatives that the {@code
 * support-set} labeller detected are either removed from the denominator or made positives.
 *
 * <p>The two global views {@code [n, d]} are stacked into {@code 2n} rows. Anchor {@code (v, i)}
 * (image {@code i} in view {@code v}) reads the weak labels of its own view, {@code
 * weakLabels.get(v)}, and its detected set {@code F = {j : isPositive(i, j)}}:
 *
 * <ul>
 *   <li>{@code elimination}: the positive is the other view of {@code i} only; the candidates are
 *       all rows but the anchor and both views of every {@code j in F} (the other view of {@code i}
 *       always stays).
 *   <li>{@code attraction}: the positives are the other view of {@code i} and both views of every
 *       {@code j in F}; the candidates are all rows but the anchor (as {@link AdpclrLoss}).
 * </ul>
 *
 * The value is the mean over the {@code 2n} anchors; with labels that mark no positives it equals
 * {@link NtXentLoss} exactly. Needs two global views, {@code n >= 2} and weak labels of size {@code
 * n} for both; local crops get zero gradients. See {@link WeakPositivesNtXent}.
 */
public final class FncancelLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "fncancel";

    private final ContrastiveKernel kernel;
    private final String action;

    /**
     * @param settings settings without {@linkplain FncancelSettings#problems() problems}
     * @throws IllegalArgumentException when the settings have problems
     */
    public FncancelLoss(FncancelSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    NAME + ": invalid settings: " + String.join("; ", problems));
        }
        this.kernel = new ContrastiveKernel(settings.temperature());
        this.action = settings.action();
    }

    /** The softmax temperature. */
    public double temperature() {
        return kernel.temperature();
    }

    /** {@code elimination} or {@code attraction}. */
    public String action() {
        return action;
    }

    @Override
    public boolean needsWeakLabels() {
        return true;
    }

    @Override
    public LossResult compute(LossInput input) {
        WeakPositivesNtXent.Action masks =
                action.equals("attraction")
                        ? WeakPositivesNtXent.Action.ATTRACTION
                        : WeakPositivesNtXent.Action.ELIMINATION;
        return WeakPositivesNtXent.compute(NAME, kernel, masks, input);
    }

    @Override
    public String toString() {
        return "FncancelLoss[temperature=" + temperature() + ", action=" + action + "]";
    }
}
