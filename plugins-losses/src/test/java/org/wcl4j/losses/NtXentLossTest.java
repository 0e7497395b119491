package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;
import static org.wcl4j.losses.GradientChecks.numericGradient;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

class NtXentLossTest {

    @Test
    void matchesHandComputedValue() {
        // Stacked rows u0 = e1, u1 = e2 (view 1) and u2 = e1, u3 = -e1 (view 2); t = 1.
        // s01 = 0, s02 = 1, s03 = -1, s12 = 0, s13 = 0, s23 = -1; positives 0<->2 and 1<->3.
        // loss_0 = -1 + ln(e^0 + e^1 + e^-1)      loss_1 = -0 + ln(e^0 + e^0 + e^0) = ln 3
        // loss_2 = -1 + ln(e^1 + e^0 + e^-1)      loss_3 = -0 + ln(e^-1 + e^0 + e^-1)
        // value = (2 (ln(1 + e + 1/e) - 1) + ln 3 + ln(1 + 2/e)) / 4 = 0.6163172328722304.
        INDArray view1 = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        INDArray view2 = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0}});

        LossResult result = new NtXentLoss(1.0).compute(input(view1, view2));

        double e = Math.E;
        double expected =
                (2 * (Math.log(1 + e + 1 / e) - 1) + Math.log(3) + Math.log(1 + 2 / e)) / 4;
        assertThat(expected).isCloseTo(0.6163172328722304, within(1e-15));
        assertThat(result.value()).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 16})
    void identicalEmbeddingsGiveTheLogOfTheCandidateCount(int n) {
        // All similarities equal: every anchor's softmax is uniform over its 2n - 1 candidates.
        INDArray row = Nd4j.createFromArray(new float[] {0.3f, -1.2f, 0.5f, 2.0f});
        INDArray view = Nd4j.vstack(java.util.Collections.nCopies(n, row.reshape(1, 4)));

        LossResult result = new NtXentLoss(0.1).compute(input(view, view.dup()));

        assertThat(result.value()).isCloseTo(Math.log(2 * n - 1), within(1e-5));
        assertThat(result.globalGradients()).hasSize(2);
        assertThat(result.globalGradients().get(0).dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void gradientMatchesFiniteDifferencesForEachView() {
        Random random = new Random(41);
        INDArray view1 = gaussian(random, 4, 3, 1.5, DataType.DOUBLE);
        INDArray view2 = gaussian(random, 4, 3, 1.5, DataType.DOUBLE);
        NtXentLoss loss = new NtXentLoss(0.3);

        LossResult result = loss.compute(input(view1, view2));

        double[][] numeric1 =
                numericGradient(p -> loss.compute(input(p, view2)).value(), view1, 1e-6);
        double[][] numeric2 =
                numericGradient(p -> loss.compute(input(view1, p)).value(), view2, 1e-6);
        assertRelativelyClose(result.globalGradients().get(0), numeric1, 1e-6);
        assertRelativelyClose(result.globalGradients().get(1), numeric2, 1e-6);
    }

    @Test
    void isSymmetricInTheTwoViews() {
        Random random = new Random(42);
        INDArray view1 = gaussian(random, 6, 3, 1.0, DataType.DOUBLE);
        INDArray view2 = gaussian(random, 6, 3, 1.0, DataType.DOUBLE);
        NtXentLoss loss = new NtXentLoss(0.2);

        LossResult forward = loss.compute(input(view1, view2));
        LossResult swapped = loss.compute(input(view2, view1));

        assertThat(swapped.value()).isCloseTo(forward.value(), within(1e-12));
        assertRelativelyClose(
                swapped.globalGradients().get(0),
                forward.globalGradients().get(1).toDoubleMatrix(),
                1e-12);
    }

    @Test
    void givesZeroGradientsShapedLikeTheLocalCrops() {
        Random random = new Random(43);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        List<INDArray> locals =
                List.of(
                        gaussian(random, 4, 3, 1.0, DataType.FLOAT),
                        gaussian(random, 4, 3, 1.0, DataType.FLOAT));

        LossResult result =
                new NtXentLoss(0.1)
                        .compute(new LossInput(List.of(view1, view2), locals, List.of()));

        assertThat(result.localGradients()).hasSize(2);
        for (INDArray gradient : result.localGradients()) {
            assertThat(gradient.shape()).containsExactly(4, 3);
            assertThat(gradient.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(flat(gradient)).containsOnly(0.0);
        }
        assertThat(result.globalGradients().get(1).shape()).containsExactly(4, 3);
    }

    @Test
    void leavesItsInputsUnchanged() {
        Random random = new Random(44);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        double[] before1 = flat(view1);
        double[] before2 = flat(view2);

        new NtXentLoss(0.1).compute(input(view1, view2));

        assertThat(flat(view1)).containsExactly(before1);
        assertThat(flat(view2)).containsExactly(before2);
    }

    @Test
    void rejectsOneGlobalView() {
        INDArray view = gaussian(new Random(45), 4, 3, 1.0, DataType.FLOAT);

        assertThatThrownBy(
                        () ->
                                new NtXentLoss(0.1)
                                        .compute(
                                                new LossInput(List.of(view), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nt-xent: expected exactly 2 global views, found 1")
                .hasMessageContaining("two-views");
    }

    @Test
    void rejectsABatchOfOne() {
        INDArray view = gaussian(new Random(46), 1, 3, 1.0, DataType.FLOAT);

        assertThatThrownBy(() -> new NtXentLoss(0.1).compute(input(view, view.dup())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a batch of at least 2 images, found 1");
    }

    @Test
    void rejectsViewsOfDifferentShapes() {
        Random random = new Random(47);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 5, 3, 1.0, DataType.FLOAT);

        assertThatThrownBy(() -> new NtXentLoss(0.1).compute(input(view1, view2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found [4, 3] FLOAT and [5, 3] FLOAT");
    }

    @Test
    void rejectsANaNEmbeddingNamingItsViewAndRow() {
        Random random = new Random(48);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        view2.putScalar(new int[] {1, 2}, Float.NaN);

        assertThatThrownBy(() -> new NtXentLoss(0.1).compute(input(view1, view2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nt-xent, global view 2: expected finite embeddings")
                .hasMessageContaining("NaN in row 1, column 2");
    }

    private static LossInput input(INDArray view1, INDArray view2) {
        return new LossInput(List.of(view1, view2), List.of(), List.of());
    }
}
