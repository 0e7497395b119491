package org.wcl4j.losses;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * WCL's graph loss (Zheng et al., ICCV 2021, Eq. 5-6): a supervised-contrastive loss within each
 * global view whose positives come from the other view's weak labels.
 *
 * <p>For view 1's embeddings {@code z1 [n, d]}, anchor {@code i}'s positives are the rows {@code j
 * != i} that view 2's labels put with {@code i} ({@code weakLabels.get(1).isPositive(i, j)}) and
 * its candidates are every other row of view 1; view 2 uses view 1's labels the same way. Anchors
 * without positives (singleton components) are skipped. The value is the mean of the two view
 * losses, and each view's gradient is half its kernel gradient. Local crops get zero gradients.
 * Needs exactly two global views, {@code n >= 2}, and weak labels of size {@code n} for both.
 */
public final class WclGraphLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "wcl-graph";

    private final ContrastiveKernel kernel;

    /**
     * @param temperature the softmax temperature, finite and positive (settings allow (0, 10])
     */
    public WclGraphLoss(double temperature) {
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
        List<INDArray> views = LossInputs.twoGlobalViews(NAME, input);
        int n = Math.toIntExact(views.get(0).size(0));
        List<WeakLabels> labels = LossInputs.twoWeakLabels(NAME, input, n);
        boolean[][] candidates = LossInputs.allButSelf(n);

        // Each view against the other view's labels (the swap), then the mean of the two.
        double value = 0;
        List<INDArray> gradients = new ArrayList<>(2);
        for (int view = 0; view < 2; view++) {
            boolean[][] positives = labels.get(1 - view).positiveMask();
            ContrastiveKernel.Result result =
                    kernel.compute(views.get(view), positives, candidates);
            value += 0.5 * result.value();
            gradients.add(result.gradient().muli(0.5));
        }
        return new LossResult(value, gradients, LossInputs.zeroLocalGradients(input));
    }

    @Override
    public String toString() {
        return "WclGraphLoss[temperature=" + temperature() + "]";
    }
}
