package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

class AdpclrLossTest {

    /** View 1: u0 = e1, u1 = e2; view 2: u2 = e1, u3 = -e1 (rows of the stacked [4, 2]). */
    static final INDArray VIEW1 = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});

    static final INDArray VIEW2 = Nd4j.createFromArray(new double[][] {{1, 0}, {-1, 0}});

    @Test
    void addsBothViewsOfTheAnchorsOwnViewsNeighboursToItsPositives() {
        // t = 1; s01 = 0, s02 = 1, s03 = -1, s12 = 0, s13 = 0, s23 = -1. View 1's labels: 0 -> 1
        // only (not reciprocal); view 2's: none. With A = ln(e^0 + e^1 + e^-1):
        // anchor 0: P = {2, 1, 3}, D = {1, 2, 3}: A - (1 + 0 - 1)/3 = A
        // anchor 1: P = {3}, D = {0, 2, 3}: ln 3 - 0
        // anchor 2: P = {0}, D = {0, 1, 3}: ln(e + 1 + 1/e) - 1 = A - 1
        // anchor 3: P = {1}, D = {0, 1, 2}: ln(1/e + 1 + 1/e) - 0
        // value = (2A - 1 + ln 3 + ln(1 + 2/e)) / 4 = 0.8663172328722304, NT-Xent's + 1/4.
        WeakLabels first = DirectedTestLabels.of(new int[][] {{1}, {}});

        LossResult result = new AdpclrLoss(1.0).compute(input(first, DirectedTestLabels.none(2)));

        double e = Math.E;
        double a = Math.log(1 + e + 1 / e);
        double expected = (2 * a - 1 + Math.log(3) + Math.log(1 + 2 / e)) / 4;
        assertThat(expected).isCloseTo(0.8663172328722304, within(1e-15));
        assertThat(result.value()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void equalsNtXentExactlyWhenTheLabelsMarkNoPositives() {
        Random random = new Random(5);
        INDArray view1 = gaussian(random, 6, 4, 1.0, DataType.FLOAT);
        INDArray view2 = gaussian(random, 6, 4, 1.0, DataType.FLOAT);
        LossInput none =
                new LossInput(
                        List.of(view1, view2),
                        List.of(),
                        List.of(DirectedTestLabels.none(6), DirectedTestLabels.none(6)));

        LossResult adpclr = new AdpclrLoss(0.2).compute(none);
        LossResult ntXent = new NtXentLoss(0.2).compute(none);

        assertThat(adpclr.value()).isEqualTo(ntXent.value());
        for (int v = 0; v < 2; v++) {
            assertThat(flat(adpclr.globalGradients().get(v)))
                    .containsExactly(flat(ntXent.globalGradients().get(v)));
        }
    }

    @Test
    void needsWeakLabelsAndSaysHowToGetThem() {
        Loss loss = new AdpclrLoss(0.1);
        LossInput unlabelled = new LossInput(List.of(VIEW1, VIEW2), List.of(), List.of());

        assertThat(loss.needsWeakLabels()).isTrue();
        assertThatThrownBy(() -> loss.compute(unlabelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adpclr: expected weak labels for both global views")
                .hasMessageContaining("labeller:");
    }

    @Test
    void rejectsLabelsOfAnotherBatchSize() {
        LossInput input =
                input(
                        DirectedTestLabels.none(2),
                        DirectedTestLabels.of(new int[][] {{1}, {2}, {}}));

        assertThatThrownBy(() -> new AdpclrLoss(0.1).compute(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected weak labels of size 2")
                .hasMessageContaining("for global view 2, found 3");
    }

    @Test
    void isRegisteredWithTheNtXentSettings() {
        AdpclrLossProvider provider = new AdpclrLossProvider();

        assertThat(provider.name()).isEqualTo("adpclr");
        assertThat(provider.defaults()).isEqualTo(new NtXentSettings(0.1));
        assertThat(((AdpclrLoss) provider.create(new NtXentSettings(0.3))).temperature())
                .isEqualTo(0.3);
    }

    static LossInput input(WeakLabels first, WeakLabels second) {
        return new LossInput(List.of(VIEW1, VIEW2), List.of(), List.of(first, second));
    }
}
