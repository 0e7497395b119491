package org.wcl4j.labellers;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;

/**
 * The weak labeller of Weakly Supervised Contrastive Learning (Zheng et al., ICCV 2021, Sec. 3.2):
 * links every batch member to its nearest neighbour by cosine similarity and labels each connected
 * component of the resulting graph as one weak class.
 *
 * <p>For embeddings {@code [batch, dim]} it L2-normalises the rows, forms the cosine similarity
 * matrix {@code [batch, batch]} with one matrix product, and picks for each row {@code i} the
 * column {@code nn(i) != i} of largest similarity; among equal similarities the lowest index wins.
 * The edges {@code i - nn(i)} are taken as undirected, and the components of that graph (found by
 * union-find) are the labels. Since every member has an edge, every component has at least two
 * members. The result depends only on the embeddings: the same embeddings give the same labels.
 *
 * <p>Similarities are computed in single precision, {@value #BLOCK} rows at a time, so memory grows
 * with the batch size rather than its square. A row of zeros stays zero after normalisation (the
 * norm is clamped at {@code 1e-12}), so its similarity to every row is 0. Stateless and safe to
 * share between threads.
 */
public final class NearestNeighbourLabeller implements WeakLabeller {

    private static final double MIN_NORM = 1e-12;

    /** Rows of the similarity matrix computed at once. */
    static final int BLOCK = 512;

    /**
     * Labels one view by the components of its 1-nearest-neighbour graph.
     *
     * @param embeddings {@code [batch, dim]} with {@code batch >= 2}, finite, not necessarily
     *     normalised; not modified
     * @param context not used: this labeller sees only the embeddings
     * @return one component id per batch member, numbered in order of first appearance
     * @throws IllegalArgumentException when the embeddings are not a matrix, have fewer than two
     *     rows, or contain NaN or infinite values
     */
    @Override
    public ComponentLabels label(INDArray embeddings, LabelContext context) {
        int[] nearest = nearestNeighbours(embeddings);

        // Undirected edges i - nn(i); their connected components are the weak labels.
        UnionFind components = new UnionFind(nearest.length);
        for (int i = 0; i < nearest.length; i++) {
            components.union(i, nearest[i]);
        }
        return new ComponentLabels(components.roots());
    }

    /**
     * The nearest neighbour of every row by cosine similarity, itself excluded, ties broken by the
     * lowest index.
     *
     * @param embeddings {@code [batch, dim]}, {@code batch >= 2}
     * @return {@code [batch]} indices, entry {@code i} never equal to {@code i}
     */
    static int[] nearestNeighbours(INDArray embeddings) {
        if (embeddings.rank() != 2) {
            throw new IllegalArgumentException(
                    "nearest-neighbour labeller: expected embeddings of shape [batch, dim], found"
                            + " rank "
                            + embeddings.rank()
                            + " "
                            + Arrays.toString(embeddings.shape())
                            + "; flatten them to one row per batch member");
        }
        int n = embeddings.rows();
        if (n < 2) {
            throw new IllegalArgumentException(
                    "nearest-neighbour labeller: expected a batch of at least 2 embeddings, found "
                            + n
                            + "; a single member has no neighbour, so use a batch size of 2 or"
                            + " more");
        }

        // Normalise: divide every row by its L2 norm, after checking the norms are finite.
        INDArray rows = embeddings.castTo(DataType.FLOAT);
        INDArray norms = rows.norm2(1);
        float[] normValues = norms.toFloatVector();
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(normValues[i])) {
                throw new IllegalArgumentException(nonFiniteRowMessage(rows, i));
            }
        }
        INDArray unit = rows.divColumnVector(Transforms.max(norms, MIN_NORM, false).reshape(n, 1));

        // Similarity, a block of rows at a time: one matrix product per block into a row-major
        // [rows, n] array, read in place, so that memory stays at BLOCK * n floats for any batch.
        int[] nearest = new int[n];
        int block = Math.min(n, BLOCK);
        INDArray similarity = Nd4j.createUninitialized(DataType.FLOAT, block, n);
        for (int from = 0; from < n; from += block) {
            int count = Math.min(block, n - from);
            INDArray anchors =
                    unit.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
            if (count < block) {
                similarity.close();
                similarity = Nd4j.createUninitialized(DataType.FLOAT, count, n);
            }
            Nd4j.gemm(anchors, unit, similarity, false, true, 1.0, 0.0);
            FloatBuffer s = similarity.data().asNioFloat();

            // 1-NN per row: self is skipped (as if its similarity were -infinity); a later
            // column replaces the best only when strictly larger, so ties go to the lowest index.
            for (int r = 0; r < count; r++) {
                int i = from + r;
                int offset = r * n;
                float best = Float.NEGATIVE_INFINITY;
                int bestIndex = i == 0 ? 1 : 0;
                for (int j = 0; j < n; j++) {
                    float value = s.get(offset + j);
                    if (j != i && value > best) {
                        best = value;
                        bestIndex = j;
                    }
                }
                nearest[i] = bestIndex;
            }
        }
        similarity.close();
        return nearest;
    }

    private static String nonFiniteRowMessage(INDArray rows, int row) {
        float[] values = rows.getRow(row).toFloatVector();
        for (int j = 0; j < values.length; j++) {
            if (Float.isNaN(values[j])) {
                return "nearest-neighbour labeller: expected finite embeddings, found NaN at [row "
                        + row
                        + ", column "
                        + j
                        + "]; the embeddings upstream have diverged (lower the learning rate)";
            }
        }
        for (int j = 0; j < values.length; j++) {
            if (Float.isInfinite(values[j])) {
                return "nearest-neighbour labeller: expected finite embeddings, found "
                        + values[j]
                        + " at [row "
                        + row
                        + ", column "
                        + j
                        + "]; the embeddings upstream have diverged (lower the learning rate)";
            }
        }
        return "nearest-neighbour labeller: expected embeddings whose row norms fit in single"
                + " precision, found an overflowing norm in row "
                + row
                + "; the embeddings upstream have diverged (lower the learning rate)";
    }
}
