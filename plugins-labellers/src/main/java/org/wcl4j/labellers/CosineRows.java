package org.wcl4j.labellers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Embeddings {@code [batch, dim]} as L2-normalised rows in double precision, for the labellers that
 * rank batch members by cosine similarity. Every similarity is a plain dot product summed in the
 * same order for every pair, so {@code s(i, j) == s(j, i)} exactly and duplicate rows have exactly
 * equal similarities: ties are real ties, broken by index, never by rounding. A row of zeros stays
 * zero (the norm is clamped at {@code 1e-12}), so its similarity to every row is 0.
 *
 * <p>Cost: {@code O(batch^2 * dim)} multiply-adds per labelling, in plain Java (no BLAS), so it
 * grows with the square of the batch (see the README's limits for measured times).
 */
final class CosineRows {

    private static final double MIN_NORM = 1e-12;

    private CosineRows() {}

    /**
     * The rows of {@code embeddings}, each divided by its L2 norm.
     *
     * @param labeller the labeller's plugin name, leading every message
     * @param what what the array is, for messages (for example "embeddings", "support view 2")
     * @param embeddings {@code [batch, dim]}, finite; not modified
     * @throws IllegalArgumentException when the array is not a matrix or holds NaN or infinity
     */
    static double[][] unitRows(String labeller, String what, INDArray embeddings) {
        if (embeddings.rank() != 2) {
            throw new IllegalArgumentException(
                    labeller
                            + " labeller: expected "
                            + what
                            + " of shape [batch, dim], found rank "
                            + embeddings.rank()
                            + " "
                            + Arrays.toString(embeddings.shape())
                            + "; flatten them to one row per batch member");
        }
        double[][] rows = embeddings.toDoubleMatrix();
        for (int i = 0; i < rows.length; i++) {
            double squares = 0;
            for (int j = 0; j < rows[i].length; j++) {
                double value = rows[i][j];
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(
                            labeller
                                    + " labeller: expected finite "
                                    + what
                                    + ", found "
                                    + value
                                    + " at [row "
                                    + i
                                    + ", column "
                                    + j
                                    + "]; the embeddings upstream have diverged (lower the"
                                    + " learning rate)");
                }
                squares += value * value;
            }
            double norm = Math.max(Math.sqrt(squares), MIN_NORM);
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] /= norm;
            }
        }
        return rows;
    }

    /**
     * The cosine similarity of two rows returned by {@link #unitRows}. Four running sums (one per
     * position modulo 4) let the processor overlap the additions; the order is the same for every
     * pair, so the result is still symmetric and equal rows still tie exactly.
     */
    static double similarity(double[] a, double[] b) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            sum0 += a[k] * b[k];
            sum1 += a[k + 1] * b[k + 1];
            sum2 += a[k + 2] * b[k + 2];
            sum3 += a[k + 3] * b[k + 3];
        }
        for (; k < a.length; k++) {
            sum0 += a[k] * b[k];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }

    /**
     * The {@code [batch][batch]} cosine similarities of rows returned by {@link #unitRows}, each
     * pair computed once and mirrored, so the matrix is exactly symmetric.
     */
    static double[][] similarities(double[][] units) {
        int n = units.length;
        double[][] result = new double[n][n];
        for (int i = 0; i < n; i++) {
            result[i][i] = similarity(units[i], units[i]);
            for (int j = i + 1; j < n; j++) {
                double value = similarity(units[i], units[j]);
                result[i][j] = value;
                result[j][i] = value;
            }
        }
        return result;
    }

    /**
     * Rejects a batch of fewer than two members.
     *
     * @param labeller the labeller's plugin name, leading the message
     */
    static void checkBatch(String labeller, int n) {
        if (n < 2) {
            throw new IllegalArgumentException(
                    labeller
                            + " labeller: expected a batch of at least 2 embeddings, found "
                            + n
                            + "; a single member has no other member to be its positive, so use a"
                            + " batch size of 2 or more");
        }
    }

    /**
     * Rejects a {@code k} that leaves too few other members to choose from.
     *
     * @param labeller the labeller's plugin name, leading the message
     */
    static void checkK(String labeller, int k, int n) {
        if (k > n - 1) {
            throw new IllegalArgumentException(
                    labeller
                            + " labeller: expected k <= batch size - 1 = "
                            + (n - 1)
                            + " (each anchor's positives are other members of its batch); found"
                            + " k = "
                            + k
                            + " for a batch of "
                            + n
                            + "; lower k or raise the batch size");
        }
    }

    /**
     * The {@code k} members {@code j != self} of highest score, best first; among equal scores the
     * lower index ranks first.
     *
     * @param scores one score per batch member
     * @param self the anchor, never chosen
     * @param k how many to choose, {@code 1 <= k <= scores.length - 1}
     */
    static int[] topK(double[] scores, int self, int k) {
        int[] best = new int[k];
        int filled = 0;
        for (int j = 0; j < scores.length; j++) {
            if (j == self) {
                continue;
            }
            double score = scores[j];

            // Visiting j in increasing order, a later member displaces an earlier one only when
            // strictly better, so equal scores keep the lower index ahead.
            if (filled == k && !(score > scores[best[k - 1]])) {
                continue;
            }
            int position = Math.min(filled, k - 1);
            while (position > 0 && score > scores[best[position - 1]]) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = j;
            filled = Math.min(filled + 1, k);
        }
        return best;
    }
}
