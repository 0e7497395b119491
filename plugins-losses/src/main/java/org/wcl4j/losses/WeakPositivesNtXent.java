package org.wcl4j.losses;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * NT-Xent with weak labels acting on its masks, the one implementation behind {@code adpclr} and
 * {@code fncancel}.
 *
 * <p>The two global views {@code [n, d]} are stacked into {@code m = 2n} rows; row {@code a = v n +
 * i} is image {@code i} in view {@code v}. Anchor {@code (v, i)} reads the weak labels of its own
 * view, {@code L_v = weakLabels.get(v)} (the labels the labeller found in that view's embeddings),
 * and the set {@code F(v, i) = {j : L_v.isPositive(i, j)}}, which need not be symmetric:
 *
 * <ul>
 *   <li>{@link Action#ATTRACTION}: {@code P(a)} = the other view of {@code i} plus both views of
 *       every {@code j in F(v, i)}; {@code D(a)} = every row but {@code a}.
 *   <li>{@link Action#ELIMINATION}: {@code P(a)} = the other view of {@code i}; {@code D(a)} =
 *       every row but {@code a} and both views of every {@code j in F(v, i)}. The anchor's own
 *       other view is never removed.
 * </ul>
 *
 * With {@code F} empty everywhere both are NT-Xent exactly. Every anchor has a positive, so the
 * value is the mean over all {@code 2n} anchors of {@link ContrastiveKernel}'s loss, and the
 * gradient comes from the kernel, split back per view. Local crops get zero gradients.
 */
final class WeakPositivesNtXent {

    /** What the detected positives do to an anchor's masks. */
    enum Action {
        /** They join the positives (AdpCLR; FNCancel's attraction). */
        ATTRACTION,
        /** They leave the candidates (FNCancel's elimination). */
        ELIMINATION
    }

    private WeakPositivesNtXent() {}

    /**
     * Computes the loss for one input.
     *
     * @param name the loss's plugin name, for messages
     * @throws IllegalArgumentException when the input lacks two global views of at least 2 images
     *     or weak labels of their size for both
     */
    static LossResult compute(
            String name, ContrastiveKernel kernel, Action action, LossInput input) {
        List<INDArray> views = LossInputs.twoGlobalViews(name, input);
        int n = Math.toIntExact(views.get(0).size(0));
        List<WeakLabels> labels = LossInputs.twoWeakLabels(name, input, n);

        // Masks over the stacked rows, then the kernel, then the gradient split per view.
        boolean[][] positives = new boolean[2 * n][2 * n];
        boolean[][] candidates = LossInputs.allButSelf(2 * n);
        for (int view = 0; view < 2; view++) {
            fillAnchorsOfView(view, n, labels.get(view), action, positives, candidates);
        }
        INDArray stacked = Nd4j.vstack(views.get(0), views.get(1));
        ContrastiveKernel.Result result = kernel.compute(stacked, positives, candidates);
        return new LossResult(
                result.value(),
                LossInputs.splitViews(result.gradient(), n),
                LossInputs.zeroLocalGradients(input));
    }

    private static void fillAnchorsOfView(
            int view,
            int n,
            WeakLabels labels,
            Action action,
            boolean[][] positives,
            boolean[][] candidates) {
        for (int i = 0; i < n; i++) {
            int anchor = view * n + i;
            positives[anchor][(1 - view) * n + i] = true;
            for (int j = 0; j < n; j++) {
                if (j == i || !labels.isPositive(i, j)) {
                    continue;
                }
                for (int other : new int[] {j, n + j}) {
                    if (action == Action.ATTRACTION) {
                        positives[anchor][other] = true;
                    } else {
                        candidates[anchor][other] = false;
                    }
                }
            }
        }
    }
}
