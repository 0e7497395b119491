package org.wcl4j.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.api.label.WeakLabels;

/**
 * A test labeller that needs support views, in the manner of FNCancel: the positive of anchor
 * {@code i} is the other batch member whose embedding is most cosine-similar to the mean of {@code
 * i}'s support embeddings. One positive per anchor, so the labels are not symmetric.
 */
final class SupportNeighbourLabeller implements WeakLabeller {

    @Override
    public WeakLabels label(INDArray embeddings, LabelContext context) {
        if (context.supportViews().isEmpty()) {
            throw new IllegalArgumentException(
                    "support-neighbour: expected support views in the label context, found none;"
                            + " use the support-set crop strategy");
        }
        int n = (int) embeddings.rows();
        INDArray mean = embeddings.castTo(DataType.DOUBLE).mul(0);
        for (INDArray support : context.supportViews()) {
            mean.addi(support.castTo(DataType.DOUBLE));
        }
        INDArray anchors = unit(mean);
        INDArray candidates = unit(embeddings.castTo(DataType.DOUBLE));
        INDArray similarity = anchors.mmul(candidates.transpose());
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (j != i
                        && (best < 0
                                || similarity.getDouble(i, j) > similarity.getDouble(i, best))) {
                    best = j;
                }
            }
            mask[i][best] = true;
        }
        return new MaskLabels(mask);
    }

    private static INDArray unit(INDArray rows) {
        return rows.divColumnVector(rows.norm2(1).reshape(rows.rows(), 1).addi(1e-12));
    }

    /** Labels given by a dense mask; the diagonal is ignored. */
    record MaskLabels(boolean[][] mask) implements WeakLabels {

        @Override
        public int size() {
            return mask.length;
        }

        @Override
        public boolean isPositive(int anchor, int candidate) {
            return anchor != candidate && mask[anchor][candidate];
        }
    }
}
