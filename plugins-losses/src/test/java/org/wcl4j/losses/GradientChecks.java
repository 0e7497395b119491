package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite differences, random inputs and array comparisons shared by the loss tests. */
final class GradientChecks {

    private GradientChecks() {}

    /** Central differences of {@code f} at {@code point} (double), one element at a time. */
    static double[][] numericGradient(ToDoubleFunction<INDArray> f, INDArray point, double step) {
        int rows = Math.toIntExact(point.size(0));
        int cols = Math.toIntExact(point.size(1));
        double[][] gradient = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double original = point.getDouble(i, j);
                INDArray plus = point.dup();
                plus.putScalar(new int[] {i, j}, original + step);
                INDArray minus = point.dup();
                minus.putScalar(new int[] {i, j}, original - step);
                gradient[i][j] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * step);
            }
        }
        return gradient;
    }

    /** All elements of {@code array} in row-major order, as doubles. */
    static double[] flat(INDArray array) {
        return array.dup('c').reshape(array.length()).toDoubleVector();
    }

    /** A {@code [rows, cols]} array of standard normal values scaled by {@code scale}. */
    static INDArray gaussian(Random random, int rows, int cols, double scale, DataType type) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return Nd4j.createFromArray(values).castTo(type);
    }

    /** A random {@code [m][m]} mask with the given density (the diagonal may be set too). */
    static boolean[][] randomMask(Random random, int m, double density) {
        boolean[][] mask = new boolean[m][m];
        for (boolean[] row : mask) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble() < density;
            }
        }
        return mask;
    }

    /** Asserts every element within {@code tolerance * max(1, |expected|)} of the expectation. */
    static void assertElementsClose(INDArray actual, double[][] expected, double tolerance) {
        double[][] values = actual.toDoubleMatrix();
        assertThat(values.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                double allowed = tolerance * Math.max(1.0, Math.abs(expected[i][j]));
                assertThat(values[i][j])
                        .as("element [%d, %d]", i, j)
                        .isCloseTo(expected[i][j], within(allowed));
            }
        }
    }

    /**
     * Asserts every element within {@code relative * |expected|} plus {@code relative} times the
     * largest magnitude of the expectation (for elements near zero).
     */
    static void assertRelativelyClose(INDArray actual, double[][] expected, double relative) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[][] values = actual.toDoubleMatrix();
        assertThat(values.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(values[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                double allowed = relative * (Math.abs(expected[i][j]) + scale);
                assertThat(values[i][j])
                        .as("element [%d, %d]", i, j)
                        .isCloseTo(expected[i][j], within(allowed));
            }
        }
    }
}
