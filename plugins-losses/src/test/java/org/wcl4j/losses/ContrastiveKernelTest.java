package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.assertElementsClose;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;
import static org.wcl4j.losses.GradientChecks.numericGradient;
import static org.wcl4j.losses.GradientChecks.randomMask;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ContrastiveKernelTest {

    /** Rows (1, 0), (0, 2), (-3, 0): unit vectors e1, e2, -e1, so s01 = 0, s02 = -1, s12 = 0. */
    private static final double[][] THREE_ROWS = {{1, 0}, {0, 2}, {-3, 0}};

    private static final double A = 1 / (1 + Math.E); // e^-1 / (1 + e^-1)

    @Test
    void matchesHandComputedValueAndGradientForOneAnchor() {
        // P(0) = {1}, D(0) = {1, 2}, t = 1; anchors 1 and 2 have no positive and are skipped.
        // loss_0 = -log(e^0 / (e^0 + e^-1)) = ln(1 + e^-1) = 0.31326168751822286.
        // dloss/ds01 = q1 - 1 = -a and dloss/ds02 = q2 = a, with a = 1 / (1 + e).
        // du0 = -a u1 + a u2 = (-a, -a); minus its radial part along u0 = (1, 0): dz0 = (0, -a).
        // du1 = -a u0 = (-a, 0), already tangent; divided by |z1| = 2: dz1 = (-a / 2, 0).
        // du2 = a u0 = (a, 0), purely radial since u2 = (-1, 0): dz2 = (0, 0).
        boolean[][] positives = mask(3, new int[][] {{0, 1}});
        boolean[][] candidates = mask(3, new int[][] {{0, 1}, {0, 2}});

        ContrastiveKernel.Result result =
                new ContrastiveKernel(1.0)
                        .compute(Nd4j.createFromArray(THREE_ROWS), positives, candidates);

        assertThat(result.value()).isCloseTo(0.31326168751822286, within(1e-15));
        assertThat(result.anchors()).isEqualTo(1);
        assertElementsClose(
                result.gradient(), new double[][] {{0, -A}, {-A / 2, 0}, {0, 0}}, 1e-15);
    }

    @Test
    void matchesHandComputedGradientWithNonReciprocalPositives() {
        // P(0) = {1}, P(1) = {2}: neither is returned. D(0) = {1, 2}, D(1) = {0, 2}, t = 1.
        // loss_0 = ln(1 + e^-1); loss_1 = -0 + ln(e^0 + e^0) = ln 2; value = their mean.
        // W = dvalue/ds = 1/2 * [[0, -a, a], [1/2, 0, -1/2], [0, 0, 0]].
        // (W + W^T) u: g0 = 1/2 ((1/2 - a) u1 + a u2) = 1/2 (-a, 1/2 - a) -> dz0 = (0, (1/2 - a)/2)
        //              g1 = 1/2 ((1/2 - a) u0 - 1/2 u2) = 1/2 (1 - a, 0) -> dz1 = ((1 - a)/4, 0)
        //              g2 = 1/2 (a u0 - 1/2 u1) = 1/2 (a, -1/2); tangent (0, -1/4); / 3 -> dz2.
        boolean[][] positives = mask(3, new int[][] {{0, 1}, {1, 2}});
        boolean[][] candidates = mask(3, new int[][] {{0, 1}, {0, 2}, {1, 0}, {1, 2}});

        ContrastiveKernel.Result result =
                new ContrastiveKernel(1.0)
                        .compute(Nd4j.createFromArray(THREE_ROWS), positives, candidates);

        assertThat(result.value())
                .isCloseTo((Math.log(1 + Math.exp(-1)) + Math.log(2)) / 2, within(1e-15));
        assertThat(result.anchors()).isEqualTo(2);
        assertElementsClose(
                result.gradient(),
                new double[][] {{0, (0.5 - A) / 2}, {(1 - A) / 4, 0}, {0, -1.0 / 12}},
                1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void givesExactlyZeroWhenTheOnlyCandidateIsThePositive(String type) {
        // loss_i = -log(exp(s/t) / exp(s/t)) = 0; the softmax is 1 on the positive, so W = 0.
        INDArray z = gaussian(new Random(3), 6, 4, 1.0, DataType.valueOf(type));
        boolean[][] pairs = mask(6, new int[][] {{0, 3}, {1, 4}, {2, 5}, {3, 0}, {4, 1}, {5, 2}});

        ContrastiveKernel.Result result = new ContrastiveKernel(0.01).compute(z, pairs, pairs);

        assertThat(result.value()).isZero();
        assertThat(result.anchors()).isEqualTo(6);
        assertThat(flat(result.gradient())).containsOnly(0.0);
        assertThat(result.gradient().dataType()).isEqualTo(DataType.valueOf(type));
    }

    @Test
    void givesZeroValueAndZeroGradientWhenNoAnchorHasAPositive() {
        INDArray z = gaussian(new Random(4), 5, 3, 1.0, DataType.FLOAT);
        boolean[][] selfOnly = mask(5, new int[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});

        ContrastiveKernel.Result result =
                new ContrastiveKernel(0.1).compute(z, selfOnly, LossInputs.allButSelf(5));

        assertThat(result.value()).isZero();
        assertThat(result.anchors()).isZero();
        assertThat(result.gradient().shape()).containsExactly(5, 3);
        assertThat(flat(result.gradient())).containsOnly(0.0);
    }

    @Test
    void ignoresTheDiagonalOfBothMasks() {
        Random random = new Random(5);
        INDArray z = gaussian(random, 7, 4, 1.0, DataType.DOUBLE);
        boolean[][] positives = randomMask(random, 7, 0.4);
        boolean[][] candidates = randomMask(random, 7, 0.7);
        boolean[][] positivesWithSelf = copy(positives);
        boolean[][] candidatesWithSelf = copy(candidates);
        for (int i = 0; i < 7; i++) {
            positives[i][i] = false;
            candidates[i][i] = false;
            positivesWithSelf[i][i] = true;
            candidatesWithSelf[i][i] = true;
        }
        for (int i = 0; i < 7; i++) {
            candidates[i][(i + 1) % 7] = true;
            candidatesWithSelf[i][(i + 1) % 7] = true;
        }
        ContrastiveKernel kernel = new ContrastiveKernel(0.3);

        ContrastiveKernel.Result clean = kernel.compute(z, positives, candidates);
        ContrastiveKernel.Result withSelf =
                kernel.compute(z, positivesWithSelf, candidatesWithSelf);

        assertThat(withSelf.value()).isEqualTo(clean.value());
        assertThat(withSelf.anchors()).isEqualTo(clean.anchors());
        assertThat(flat(withSelf.gradient())).containsExactly(flat(clean.gradient()));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void gradientMatchesFiniteDifferencesWithRandomMasks(long seed) {
        // Random, non-reciprocal positives (some anchors without any) and random candidates; a
        // positive need not be a candidate. Every row gets at least one candidate.
        Random random = new Random(seed);
        int m = 8;
        INDArray z = gaussian(random, m, 4, 2.0, DataType.DOUBLE);
        boolean[][] positives = randomMask(random, m, 0.25);
        boolean[][] candidates = randomMask(random, m, 0.6);
        for (int i = 0; i < m; i++) {
            candidates[i][(i + 2) % m] = true;
        }
        ContrastiveKernel kernel = new ContrastiveKernel(0.2 + random.nextDouble());

        ContrastiveKernel.Result result = kernel.compute(z, positives, candidates);
        double[][] numeric =
                numericGradient(p -> kernel.compute(p, positives, candidates).value(), z, 1e-6);

        assertThat(result.anchors()).isBetween(1, m);
        assertRelativelyClose(result.gradient(), numeric, 1e-6);
    }

    @Test
    void smallTemperatureInFloatMatchesDoubleForWellSeparatedEmbeddings() {
        // Near-orthogonal random directions in 16 dimensions, plus an adversarial pair: the
        // positive of row 0 points the other way while a negative copies row 0, so s/t spans
        // [-100, 100] and loss_0 is about 200. A naive exp(s/t) overflows float32 at s/t > 88.
        Random random = new Random(31);
        double[][] values = gaussian(random, 8, 16, 3.0, DataType.DOUBLE).toDoubleMatrix();
        values[1] = negated(values[0]);
        values[2] = values[0].clone();
        boolean[][] positives = mask(8, new int[][] {{0, 1}, {1, 0}, {2, 3}, {4, 5}, {6, 7}});

        assertFloatMatchesDouble(values, positives, 1e-5);
    }

    @Test
    void smallTemperatureInFloatMatchesDoubleForNearIdenticalEmbeddings() {
        // All rows within 1e-3 of one direction: every s_ij is 1 - O(1e-6), so the logits differ
        // by O(1e-4) and the gradient is a small tangential remainder of large terms.
        Random random = new Random(32);
        double[] base = gaussian(random, 1, 16, 1.0, DataType.DOUBLE).toDoubleVector();
        double[][] values = new double[8][16];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 16; j++) {
                values[i][j] = base[j] + 1e-3 * random.nextGaussian();
            }
        }
        boolean[][] positives = mask(8, new int[][] {{0, 4}, {4, 0}, {1, 5}, {5, 1}, {2, 6}});

        assertFloatMatchesDouble(values, positives, 2e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void staysFiniteWhenSelfIsFarMoreSimilarThanEveryCandidate(String type) {
        // u0 = e1; the positive u1 and the other candidate u2 are both -e1. At t = 0.001 self
        // scores 1000 and the candidates -1000: with the maximum taken over self, exp(-2000)
        // would underflow to 0 and the log to -infinity. Masked first, the softmax over the two
        // equal candidates is (1/2, 1/2): loss_0 = 1000 + ln(2 e^-1000) = ln 2. Each row's
        // gradient is along its own direction (u1, u2 = -u0), which the normalisation removes.
        INDArray z =
                Nd4j.createFromArray(new double[][] {{2, 0}, {-1, 0}, {-3, 0}})
                        .castTo(DataType.valueOf(type));
        boolean[][] positives = mask(3, new int[][] {{0, 1}});
        boolean[][] candidates = mask(3, new int[][] {{0, 1}, {0, 2}});

        ContrastiveKernel.Result result =
                new ContrastiveKernel(0.001).compute(z, positives, candidates);

        assertThat(result.value()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(flat(result.gradient())).containsOnly(0.0);
    }

    /** Runs the kernel at t = 0.01 on float32 and on double copies of the same numbers. */
    private static void assertFloatMatchesDouble(
            double[][] values, boolean[][] positives, double gradientTolerance) {
        INDArray single = Nd4j.createFromArray(values).castTo(DataType.FLOAT);
        INDArray precise = single.castTo(DataType.DOUBLE);
        boolean[][] candidates = LossInputs.allButSelf(values.length);
        ContrastiveKernel kernel = new ContrastiveKernel(0.01);

        ContrastiveKernel.Result fast = kernel.compute(single, positives, candidates);
        ContrastiveKernel.Result exact = kernel.compute(precise, positives, candidates);

        assertThat(fast.value()).isFinite();
        assertThat(fast.gradient().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(Arrays.stream(flat(fast.gradient())).allMatch(Double::isFinite)).isTrue();
        assertThat(fast.value()).isCloseTo(exact.value(), within(1e-5 * (1 + exact.value())));
        assertRelativelyClose(
                fast.gradient(), exact.gradient().toDoubleMatrix(), gradientTolerance);
    }

    @Test
    void rejectsNaNNamingTheRow() {
        INDArray z = gaussian(new Random(6), 4, 3, 1.0, DataType.FLOAT);
        z.putScalar(new int[] {2, 1}, Float.NaN);

        assertThatThrownBy(() -> nearestPairs(z))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected finite embeddings")
                .hasMessageContaining("NaN in row 2, column 1")
                .hasMessageContaining("check the learning rate");
    }

    @Test
    void rejectsInfinityNamingTheRow() {
        INDArray z = gaussian(new Random(7), 4, 3, 1.0, DataType.DOUBLE);
        z.putScalar(new int[] {3, 0}, Double.NEGATIVE_INFINITY);

        assertThatThrownBy(() -> nearestPairs(z))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Infinity in row 3, column 0");
    }

    @Test
    void rejectsAnAllZeroRow() {
        INDArray z = gaussian(new Random(8), 4, 3, 1.0, DataType.FLOAT);
        z.getRow(1).assign(0);

        assertThatThrownBy(() -> nearestPairs(z))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found norm 0.0 in row 1")
                .hasMessageContaining("all-zero embedding");
    }

    @Test
    void rejectsAnAnchorWithPositivesButNoCandidate() {
        INDArray z = gaussian(new Random(9), 3, 2, 1.0, DataType.DOUBLE);
        boolean[][] positives = mask(3, new int[][] {{1, 0}});
        boolean[][] candidates = mask(3, new int[][] {{0, 1}, {1, 1}});

        assertThatThrownBy(() -> new ContrastiveKernel(1).compute(z, positives, candidates))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anchor 1 has 1 positive(s) but no candidate");
    }

    @Test
    void rejectsMasksOfTheWrongSizeAndBadArrays() {
        ContrastiveKernel kernel = new ContrastiveKernel(1);
        INDArray z = gaussian(new Random(10), 3, 2, 1.0, DataType.DOUBLE);

        assertThatThrownBy(() -> kernel.compute(z, new boolean[2][3], new boolean[3][3]))
                .hasMessageContaining("positives mask of 3 rows (one per embedding), found 2");
        assertThatThrownBy(() -> kernel.compute(z, new boolean[3][3], new boolean[][] {{}, {}, {}}))
                .hasMessageContaining("row 0 of the candidates mask to have 3 entries");
        assertThatThrownBy(
                        () ->
                                kernel.compute(
                                        Nd4j.ones(2, 2, 2), new boolean[2][2], new boolean[2][2]))
                .hasMessageContaining("expected embeddings of shape [m, d], found rank 3");
        assertThatThrownBy(
                        () ->
                                kernel.compute(
                                        Nd4j.ones(DataType.INT, 2, 2),
                                        new boolean[2][2],
                                        new boolean[2][2]))
                .hasMessageContaining("expected floating-point embeddings, found INT");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsATemperatureThatIsNotFiniteAndPositive(double temperature) {
        assertThatThrownBy(() -> new ContrastiveKernel(temperature))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected a finite positive temperature, found " + temperature);
    }

    private static ContrastiveKernel.Result nearestPairs(INDArray z) {
        int m = Math.toIntExact(z.size(0));
        boolean[][] positives = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            positives[i][i ^ 1] = true;
        }
        return new ContrastiveKernel(0.1).compute(z, positives, LossInputs.allButSelf(m));
    }

    /** An {@code [m][m]} mask true exactly at the given {anchor, other} pairs. */
    static boolean[][] mask(int m, int[][] pairs) {
        boolean[][] mask = new boolean[m][m];
        for (int[] pair : pairs) {
            mask[pair[0]][pair[1]] = true;
        }
        return mask;
    }

    private static boolean[][] copy(boolean[][] mask) {
        boolean[][] copy = new boolean[mask.length][];
        for (int i = 0; i < mask.length; i++) {
            copy[i] = mask[i].clone();
        }
        return copy;
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}
