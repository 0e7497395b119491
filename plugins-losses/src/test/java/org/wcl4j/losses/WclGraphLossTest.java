package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;
import static org.wcl4j.losses.GradientChecks.numericGradient;
import static org.wcl4j.losses.GradientChecks.randomMask;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

class WclGraphLossTest {

    @Test
    void matchesHandComputedValueWithTheSwappedLabels() {
        // View 1: u = e1, e2, -e1 (s01 = 0, s02 = -1, s12 = 0), labels [0, 0, 1].
        // View 2: u = e1, e1, e2  (s01 = 1, s02 = 0, s12 = 0), labels [0, 1, 1].  t = 1.
        // View 1 uses view 2's labels: P(1) = {2}, P(2) = {1}, anchor 0 has none (skipped).
        //   loss_1 = -s12 + ln(e^s10 + e^s12) = ln 2; loss_2 = -s21 + ln(e^s20 + e^s21)
        //   = ln(1 + e^-1). View 1 loss = (ln 2 + ln(1 + e^-1)) / 2.
        // View 2 uses view 1's labels: P(0) = {1}, P(1) = {0}, anchor 2 skipped.
        //   loss_0 = loss_1 = -1 + ln(e + 1) = ln(1 + e^-1). View 2 loss = ln(1 + e^-1).
        // value = (ln 2 + 3 ln(1 + e^-1)) / 4 = 0.40823306077865346. Without the swap (each view
        // on its own labels) it would be (ln(1 + e^-1) + 2 ln 2 + ln(1 + e)) / 4 = 0.7532...
        INDArray view1 = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {-1, 0}});
        INDArray view2 = Nd4j.createFromArray(new double[][] {{1, 0}, {1, 0}, {0, 1}});
        List<WeakLabels> labels = List.of(labels(0, 0, 1), labels(0, 1, 1));

        LossResult result = new WclGraphLoss(1.0).compute(input(view1, view2, labels));

        double expected = (Math.log(2) + 3 * Math.log(1 + Math.exp(-1))) / 4;
        assertThat(expected).isCloseTo(0.40823306077865346, within(1e-15));
        assertThat(result.value()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void isTheMeanOfTwoKernelLossesOnTheOtherViewsLabels() {
        Random random = new Random(51);
        INDArray view1 = gaussian(random, 6, 4, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 6, 4, 1.0, DataType.FLOAT);
        ComponentLabels labels1 = labels(0, 0, 1, 1, 2, 2);
        ComponentLabels labels2 = labels(0, 1, 1, 0, 2, 2);
        ContrastiveKernel kernel = new ContrastiveKernel(0.1);
        boolean[][] candidates = LossInputs.allButSelf(6);

        LossResult result =
                new WclGraphLoss(0.1).compute(input(view1, view2, List.of(labels1, labels2)));
        ContrastiveKernel.Result first = kernel.compute(view1, labels2.positiveMask(), candidates);
        ContrastiveKernel.Result second = kernel.compute(view2, labels1.positiveMask(), candidates);

        assertThat(result.value()).isEqualTo(0.5 * (first.value() + second.value()));
        assertThat(flat(result.globalGradients().get(0)))
                .containsExactly(flat(first.gradient().mul(0.5)));
        assertThat(flat(result.globalGradients().get(1)))
                .containsExactly(flat(second.gradient().mul(0.5)));
    }

    @ParameterizedTest
    @ValueSource(longs = {52, 53})
    void gradientMatchesFiniteDifferencesForEachView(long seed) {
        // Component labels for view 1, random non-reciprocal labels (like top-K) for view 2.
        Random random = new Random(seed);
        INDArray view1 = gaussian(random, 6, 3, 1.5, DataType.DOUBLE);
        INDArray view2 = gaussian(random, 6, 3, 1.5, DataType.DOUBLE);
        boolean[][] directed = randomMask(random, 6, 0.3);
        List<WeakLabels> labels = List.of(labels(0, 1, 0, 2, 1, 3), new MaskLabels(directed));
        WclGraphLoss loss = new WclGraphLoss(0.25);

        LossResult result = loss.compute(input(view1, view2, labels));

        // Both views have anchors with positives, so both gradients are exercised.
        ContrastiveKernel kernel = new ContrastiveKernel(0.25);
        boolean[][] candidates = LossInputs.allButSelf(6);
        assertThat(kernel.compute(view1, labels.get(1).positiveMask(), candidates).anchors())
                .isPositive();
        assertThat(kernel.compute(view2, labels.get(0).positiveMask(), candidates).anchors())
                .isPositive();

        double[][] numeric1 =
                numericGradient(p -> loss.compute(input(p, view2, labels)).value(), view1, 1e-6);
        double[][] numeric2 =
                numericGradient(p -> loss.compute(input(view1, p, labels)).value(), view2, 1e-6);
        assertRelativelyClose(result.globalGradients().get(0), numeric1, 1e-6);
        assertRelativelyClose(result.globalGradients().get(1), numeric2, 1e-6);
    }

    @Test
    void givesZeroWhenEveryComponentIsASingleton() {
        Random random = new Random(55);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        List<WeakLabels> labels = List.of(labels(0, 1, 2, 3), labels(3, 2, 1, 0));
        INDArray local = gaussian(random, 4, 3, 1.0, DataType.FLOAT);

        LossResult result =
                new WclGraphLoss(0.1)
                        .compute(new LossInput(List.of(view1, view2), List.of(local), labels));

        assertThat(result.value()).isZero();
        assertThat(flat(result.globalGradients().get(0))).containsOnly(0.0);
        assertThat(flat(result.globalGradients().get(1))).containsOnly(0.0);
        assertThat(result.localGradients()).hasSize(1);
        assertThat(result.localGradients().get(0).shape()).containsExactly(4, 3);
        assertThat(flat(result.localGradients().get(0))).containsOnly(0.0);
    }

    @Test
    void needsWeakLabels() {
        assertThat(new WclGraphLoss(0.1).needsWeakLabels()).isTrue();
        assertThat(new NtXentLoss(0.1).needsWeakLabels()).isFalse();
    }

    @Test
    void rejectsMissingWeakLabelsPointingAtTheLabeller() {
        Random random = new Random(56);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);

        assertThatThrownBy(() -> new WclGraphLoss(0.1).compute(input(view1, view2, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wcl-graph: expected weak labels for both global views")
                .hasMessageContaining("found none; configure a labeller");
    }

    @Test
    void rejectsLabelsForOneViewOnly() {
        Random random = new Random(57);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        List<WeakLabels> labels = List.of(labels(0, 0, 1, 1));

        assertThatThrownBy(() -> new WclGraphLoss(0.1).compute(input(view1, view2, labels)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 2 global views, found 1");
    }

    @Test
    void rejectsLabelsOfAnotherBatchSize() {
        Random random = new Random(58);
        INDArray view1 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        List<WeakLabels> labels = List.of(labels(0, 0, 1, 1), labels(0, 0, 1, 1, 2));

        assertThatThrownBy(() -> new WclGraphLoss(0.1).compute(input(view1, view2, labels)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected weak labels of size 4 (the batch size)")
                .hasMessageContaining("global view 2, found 5");
    }

    @Test
    void rejectsOneGlobalViewABatchOfOneAndNaN() {
        Random random = new Random(59);
        INDArray view = gaussian(random, 4, 3, 1.0, DataType.FLOAT);
        List<WeakLabels> labels = List.of(labels(0, 0, 1, 1), labels(0, 0, 1, 1));
        WclGraphLoss loss = new WclGraphLoss(0.1);

        assertThatThrownBy(() -> loss.compute(new LossInput(List.of(view), List.of(), labels)))
                .hasMessageContaining("wcl-graph: expected exactly 2 global views, found 1");
        INDArray single = gaussian(random, 1, 3, 1.0, DataType.FLOAT);
        List<WeakLabels> one = List.of(labels(0), labels(0));
        assertThatThrownBy(() -> loss.compute(input(single, single.dup(), one)))
                .hasMessageContaining("expected a batch of at least 2 images, found 1");
        INDArray broken = view.dup();
        broken.putScalar(new int[] {3, 0}, Float.POSITIVE_INFINITY);
        assertThatThrownBy(() -> loss.compute(input(broken, view, labels)))
                .hasMessageContaining("wcl-graph, global view 1: expected finite embeddings")
                .hasMessageContaining("Infinity in row 3, column 0");
    }

    private static ComponentLabels labels(int... components) {
        return new ComponentLabels(components);
    }

    private static LossInput input(INDArray view1, INDArray view2, List<WeakLabels> labels) {
        return new LossInput(List.of(view1, view2), List.of(), labels);
    }

    /** Weak labels given by a directed mask, as a top-K labeller makes; the diagonal is ignored. */
    private record MaskLabels(boolean[][] mask) implements WeakLabels {

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
