package org.wcl4j.evaluation;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;

/**
 * Frozen features of one split with their classes, as plain Java arrays: row {@code i} is {@code
 * values[i * dim .. (i + 1) * dim)}, its class {@code labels[i]}. Immutable by convention: the
 * arrays are not copied and must not be changed.
 *
 * @param values {@code [size * dim]}, row-major
 * @param dim the feature length
 * @param labels {@code [size]}, each in {@code [0, classCount)}
 * @param classCount number of classes
 */
record LabelledFeatures(float[] values, int dim, int[] labels, int classCount) {

    /** Number of rows. */
    int size() {
        return labels.length;
    }

    /**
     * Checks the features an extractor gave for a split and copies them out.
     *
     * @param protocol names the protocol in messages
     * @param split names the split in messages
     * @throws IllegalArgumentException when the split is empty, the features are not one finite row
     *     per image, or a label lies outside {@code [0, classCount)}
     */
    static LabelledFeatures of(
            INDArray features, DatasetSplit images, int classCount, String protocol, String split) {
        if (images.size() == 0) {
            throw new IllegalArgumentException(
                    protocol + ": expected a non-empty " + split + " split, found no images");
        }
        if (features.rank() != 2 || features.rows() != images.size()) {
            throw new IllegalArgumentException(
                    protocol
                            + ": expected "
                            + split
                            + " features of shape ["
                            + images.size()
                            + ", dim], one row per image, found "
                            + Arrays.toString(features.shape()));
        }
        float[] values = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException(
                        protocol
                                + ": expected finite "
                                + split
                                + " features, found "
                                + values[k]
                                + " in row "
                                + k / features.columns()
                                + "; the encoder has diverged");
            }
        }
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(
                        protocol
                                + ": expected "
                                + split
                                + " labels in [0, "
                                + classCount
                                + "), found "
                                + labels[i]
                                + " at index "
                                + i);
            }
        }
        return new LabelledFeatures(values, features.columns(), labels, classCount);
    }

    /** The rows at {@code indices}, in that order. */
    LabelledFeatures rows(int[] indices) {
        float[] picked = new float[indices.length * dim];
        int[] pickedLabels = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(values, indices[r] * dim, picked, r * dim, dim);
            pickedLabels[r] = labels[indices[r]];
        }
        return new LabelledFeatures(picked, dim, pickedLabels, classCount);
    }

    /**
     * The per-dimension mean and standard deviation of these rows, {@code [2][dim]}; a dimension
     * that does not vary gets deviation 1, so standardising leaves it at zero.
     */
    double[][] moments() {
        double[] mean = new double[dim];
        double[] deviation = new double[dim];
        int n = size();
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += values[i * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                double centred = values[i * dim + d] - mean[d];
                deviation[d] += centred * centred;
            }
        }
        for (int d = 0; d < dim; d++) {
            double sd = Math.sqrt(deviation[d] / n);
            deviation[d] = sd > 1e-12 ? sd : 1.0;
        }
        return new double[][] {mean, deviation};
    }

    /** These rows with {@code (x - mean) / deviation} applied per dimension. */
    LabelledFeatures standardised(double[][] moments) {
        float[] scaled = new float[values.length];
        for (int i = 0; i < size(); i++) {
            for (int d = 0; d < dim; d++) {
                scaled[i * dim + d] =
                        (float) ((values[i * dim + d] - moments[0][d]) / moments[1][d]);
            }
        }
        return new LabelledFeatures(scaled, dim, labels, classCount);
    }
}
