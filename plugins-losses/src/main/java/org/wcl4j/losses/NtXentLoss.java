package org.wcl4j.losses;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * SimCLR's NT-Xent loss (Chen et al., ICML 2020, Eq. 1), the instance-discrimination term of WCL
 * (Zheng et al., ICCV 2021).
 *
 * <p>The two global views {@code [n, d]} are stacked into {@code m = 2n} rows; row {@code i}'s only
 * positive is the other view of the same image ({@code i + n} or {@code i - n}) and its candidates
 * are every other row. The value is the mean over all {@code 2n} anchors, so identical embeddings
 * give {@code ln(2n - 1)}. The gradient is split back into one {@code [n, d]} array per view; local
 * crops get zero gradients. Needs exactly two global views and {@code n >= 2}.
 */
public final class NtXentLoss implements Loss {

    /** The plugin name. */
    static final String NAME = "nt-xent";

    private final ContrastiveKernel kernel;

    /**
     * @param temperature the softmax temperature, finite and positive (settings allow (0, 10])
     */
    public NtXentLoss(double temperature) {
        this.kernel = new ContrastiveKernel(temperature);
    }

    /** The softmax temperature. */
    public double temperature() {
        return kernel.temperature();
    }

    @Override
    public LossResult compute(LossInput input) {
        List<INDArray> views = LossInputs.twoGlobalViews(NAME, input);
        int n = Math.toIntExact(views.get(0).size(0));
        int m = 2 * n;

        // Stack the views; the positive of row i is the same image in the other view.
        INDArray stacked = Nd4j.vstack(views.get(0), views.get(1));
        boolean[][] positives = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            positives[i][(i + n) % m] = true;
        }

        // Kernel, then split the gradient back per view.
        ContrastiveKernel.Result result =
                kernel.compute(stacked, positives, LossInputs.allButSelf(m));
        INDArray gradient = result.gradient();
        INDArray first = gradient.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
        INDArray second = gradient.get(NDArrayIndex.interval(n, m), NDArrayIndex.all()).dup();
        return new LossResult(
                result.value(), List.of(first, second), LossInputs.zeroLocalGradients(input));
    }

    @Override
    public String toString() {
        return "NtXentLoss[temperature=" + temperature() + "]";
    }
}
