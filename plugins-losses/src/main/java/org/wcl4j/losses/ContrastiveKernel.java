package org.wcl4j.losses;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The masked contrastive loss that every loss of this module is built on, with its analytic
 * gradient.
 *
 * <p>For embeddings {@code z} of shape {@code [m, d]} (raw head outputs, not normalised), a
 * positive mask {@code P} and a candidate mask {@code D} (both {@code [m][m]}, row = anchor), and a
 * temperature {@code t}:
 *
 * <pre>
 *   u_i    = z_i / |z_i|
 *   s_ij   = u_i . u_j
 *   loss_i = -1/|P(i)| * sum_{p in P(i)} log( exp(s_ip / t) / sum_{k in D(i)} exp(s_ik / t) )
 *   value  = mean of loss_i over the anchors i with a non-empty P(i)
 * </pre>
 *
 * This is the "outside" supervised-contrastive loss of Khosla et al. (NeurIPS 2020, Eq. 2); with a
 * single positive per anchor it is SimCLR's NT-Xent (Chen et al., ICML 2020, Eq. 1), and with the
 * other view's weak labels as positives it is the graph loss of WCL (Zheng et al., ICCV 2021, Eq.
 * 5-6).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>An embedding is never its own positive nor its own candidate: the diagonal of both masks is
 *       ignored. Masks need not be symmetric, and a positive need not be a candidate.
 *   <li>Anchors without positives are skipped. When no anchor has a positive the value is 0 and the
 *       gradient is zero.
 *   <li>An anchor with positives but no candidate is rejected (its loss would be infinite).
 *   <li>Similarities and gradient products are computed with ND4J in the embeddings' data type
 *       (float32 usually, double for gradient checks); the masked log-sum-exp runs in double with
 *       each row's maximum taken over its candidates only, so small temperatures (0.01) neither
 *       overflow nor underflow.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContrastiveKernel {

    private final double temperature;

    /**
     * @param temperature the divisor of the cosine similarities, finite and positive
     * @throws IllegalArgumentException when the temperature is not finite and positive
     */
    public ContrastiveKernel(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "contrastive kernel: expected a finite positive temperature, found "
                            + temperature);
        }
        this.temperature = temperature;
    }

    /** The temperature {@code t}. */
    public double temperature() {
        return temperature;
    }

    /**
     * The loss value, its gradient and how many anchors contributed.
     *
     * @param value mean loss over the anchors that have at least one positive; 0 when none has
     * @param gradient {@code dValue/dz}, shaped and typed like the embeddings; owned by the caller
     * @param anchors number of anchors with at least one positive
     */
    public record Result(double value, INDArray gradient, int anchors) {}

    /**
     * Computes the loss and its gradient with respect to the raw embeddings.
     *
     * @param embeddings {@code [m, d]}, floating point, finite, no all-zero row; read-only
     * @param positives {@code [m][m]}: {@code positives[i][j]} when {@code j} is a positive of
     *     anchor {@code i}; the diagonal is ignored
     * @param candidates {@code [m][m]}: {@code candidates[i][k]} when {@code k} is in the
     *     denominator of anchor {@code i}; the diagonal is ignored
     * @throws IllegalArgumentException when shapes disagree, an embedding holds NaN or infinity or
     *     is all zero, or an anchor has positives but no candidate
     */
    public Result compute(INDArray embeddings, boolean[][] positives, boolean[][] candidates) {
        int m = checkEmbeddings(embeddings);
        checkMask("positives", positives, m);
        checkMask("candidates", candidates, m);
        DataType type = embeddings.dataType();

        // Detached from any workspace the caller has open: the gradient belongs to the caller.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {

            // Normalise: u = z / |z|, rejecting rows that cannot be normalised.
            INDArray norms = embeddings.norm2(true, 1);
            checkRows("contrastive kernel", embeddings, norms);
            INDArray units = embeddings.divColumnVector(norms);

            // Similarities s = u u^T, then the masked softmax in double.
            double[][] similarities = Nd4j.gemm(units, units, false, true).toDoubleMatrix();
            double[][] weights = new double[m][m];
            double total = 0;
            int anchors = 0;
            for (int i = 0; i < m; i++) {
                int positiveCount = positiveCount(i, positives[i]);
                if (positiveCount > 0) {
                    total +=
                            anchorLoss(
                                    i,
                                    positiveCount,
                                    similarities[i],
                                    positives[i],
                                    candidates[i],
                                    weights[i]);
                    anchors++;
                }
            }
            if (anchors == 0) {
                return new Result(0.0, Nd4j.zeros(type, m, embeddings.size(1)), 0);
            }

            // Back through s = u u^T (symmetric): dValue/du = (W + W^T) u, with W = dValue/ds.
            double scale = 1.0 / anchors;
            INDArray w = Nd4j.createFromArray(weights).muli(scale).castTo(type);
            INDArray unitGradient = Nd4j.gemm(w.add(w.transpose()), units, false, false);

            // Back through the normalisation: dz = (g - u (u . g)) / |z|.
            INDArray radial = unitGradient.mul(units).sum(true, 1);
            INDArray gradient =
                    unitGradient.subi(units.mulColumnVector(radial)).divColumnVector(norms);
            return new Result(total * scale, gradient, anchors);
        }
    }

    private static int positiveCount(int i, boolean[] positive) {
        int count = 0;
        for (int j = 0; j < positive.length; j++) {
            if (j != i && positive[j]) {
                count++;
            }
        }
        return count;
    }

    /** Loss of anchor {@code i}; writes its (unscaled) {@code dloss_i/ds_ik} into {@code row}. */
    private double anchorLoss(
            int i,
            int positiveCount,
            double[] similarity,
            boolean[] positive,
            boolean[] candidate,
            double[] row) {
        int m = similarity.length;

        // Row maximum over the candidates only (self and non-candidates masked out).
        double[] logits = new double[m];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            logits[k] = similarity[k] / temperature;
            if (k != i && candidate[k]) {
                max = Math.max(max, logits[k]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "contrastive kernel: anchor "
                            + i
                            + " has "
                            + positiveCount
                            + " positive(s) but no candidate; every anchor with a positive needs"
                            + " at least one candidate (check the candidate mask's row "
                            + i
                            + ")");
        }

        // log sum_{k in D(i)} exp(logit_k), stable: the largest term is exp(0) = 1.
        double sum = 0;
        for (int k = 0; k < m; k++) {
            if (k != i && candidate[k]) {
                sum += Math.exp(logits[k] - max);
            }
        }
        double logSum = max + Math.log(sum);

        // loss_i = logSum - mean_p logit_p; dloss_i/ds_ik = (softmax_k - [k in P] / |P|) / t.
        double loss = 0;
        for (int k = 0; k < m; k++) {
            if (k == i) {
                continue;
            }
            if (candidate[k]) {
                row[k] += Math.exp(logits[k] - max) / sum / temperature;
            }
            if (positive[k]) {
                loss -= logits[k] - logSum;
                row[k] -= 1.0 / (positiveCount * temperature);
            }
        }
        return loss / positiveCount;
    }

    private static int checkEmbeddings(INDArray embeddings) {
        if (embeddings.rank() != 2) {
            throw new IllegalArgumentException(
                    "contrastive kernel: expected embeddings of shape [m, d], found rank "
                            + embeddings.rank()
                            + "; flatten the head output to [batch, dim]");
        }
        if (!embeddings.dataType().isFPType()) {
            throw new IllegalArgumentException(
                    "contrastive kernel: expected floating-point embeddings, found "
                            + embeddings.dataType()
                            + "; cast them to FLOAT or DOUBLE");
        }
        if (embeddings.size(0) < 1 || embeddings.size(1) < 1) {
            throw new IllegalArgumentException(
                    "contrastive kernel: expected at least one embedding of at least one"
                            + " dimension, found shape "
                            + Arrays.toString(embeddings.shape()));
        }
        return Math.toIntExact(embeddings.size(0));
    }

    private static void checkMask(String name, boolean[][] mask, int m) {
        if (mask.length != m) {
            throw new IllegalArgumentException(
                    "contrastive kernel: expected a "
                            + name
                            + " mask of "
                            + m
                            + " rows (one per embedding), found "
                            + mask.length);
        }
        for (int i = 0; i < m; i++) {
            if (mask[i].length != m) {
                throw new IllegalArgumentException(
                        "contrastive kernel: expected row "
                                + i
                                + " of the "
                                + name
                                + " mask to have "
                                + m
                                + " entries (one per embedding), found "
                                + mask[i].length);
            }
        }
    }

    /**
     * Rejects rows with NaN or infinite entries, and rows whose norm is zero or overflows.
     *
     * @param context what the rows are, leading each message (for example "nt-xent, view 2")
     */
    static void checkRows(String context, INDArray embeddings) {
        checkRows(context, embeddings, embeddings.norm2(true, 1));
    }

    private static void checkRows(String context, INDArray embeddings, INDArray norms) {
        double[] values = norms.toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            double norm = values[i];
            if (norm > 0 && Double.isFinite(norm)) {
                continue;
            }
            double[] row = embeddings.getRow(i).toDoubleVector();
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            context
                                    + ": expected finite embeddings, found "
                                    + row[j]
                                    + " in row "
                                    + i
                                    + ", column "
                                    + j
                                    + "; check the learning rate and the head's inputs for a"
                                    + " diverged step");
                }
            }
            throw new IllegalArgumentException(
                    context
                            + ": expected rows with a positive finite norm, found norm "
                            + norm
                            + " in row "
                            + i
                            + (norm == 0
                                    ? "; an all-zero embedding has no direction (check the head,"
                                            + " for example a ReLU as its last layer)"
                                    : "; the embedding is too large to normalise in "
                                            + embeddings.dataType()
                                            + " (check for a diverged step)"));
        }
    }
}
