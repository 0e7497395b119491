package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.AdpclrLossTest.input;
import static org.wcl4j.losses.GradientChecks.flat;
import static org.wcl4j.losses.GradientChecks.gaussian;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

class FncancelLossTest {

    @Test
    void eliminationDropsBothViewsOfTheDetectedFromTheDenominator() {
        // The batch of AdpclrLossTest (t = 1; s01 = 0, s02 = 1, s03 = -1, s12 = 0, s13 = 0,
        // s23 = -1), view 1's labels 0 -> 1, view 2's none:
        // anchor 0: P = {2}, D = {1, 2, 3} minus {1, 3} = {2}: ln(e^1) - 1 = 0
        // anchors 1, 2, 3 as NT-Xent: ln 3, ln(e + 1 + 1/e) - 1, ln(1 + 2/e)
        // value = (0 + ln 3 + ln(1 + e + 1/e) - 1 + ln(1 + 2/e)) / 4
        //       = (1.0986123 + 0.4076060 + 0.5514447) / 4 = 0.5144157417611352.
        WeakLabels first = DirectedTestLabels.of(new int[][] {{1}, {}});

        LossResult result = fncancel(1.0, "elimination").compute(input(first, none(2)));

        double e = Math.E;
        double expected = (Math.log(3) + Math.log(1 + e + 1 / e) - 1 + Math.log(1 + 2 / e)) / 4;
        assertThat(expected).isCloseTo(0.5144157417611352, within(1e-15));
        assertThat(result.value()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void attractionAddsBothViewsOfTheDetectedToThePositives() {
        // As adpclr in AdpclrLossTest: (2A - 1 + ln 3 + ln(1 + 2/e)) / 4 with A = ln(1 + e + 1/e).
        WeakLabels first = DirectedTestLabels.of(new int[][] {{1}, {}});

        LossResult result = fncancel(1.0, "attraction").compute(input(first, none(2)));

        assertThat(result.value()).isCloseTo(0.8663172328722304, within(1e-15));
    }

    @Test
    void eliminationNeverRemovesTheAnchorsOwnOtherView() {
        // Labels that mark every pair, even the anchor itself (a labeller breaking its contract):
        // each anchor keeps only its other view as a candidate, which is also its positive, so
        // every loss_i = ln(e^s / e^s) = 0.
        boolean[][] all = new boolean[2][2];
        for (boolean[] row : all) {
            Arrays.fill(row, true);
        }
        WeakLabels everything = new DirectedTestLabels(all);

        LossResult result = fncancel(0.5, "elimination").compute(input(everything, everything));

        assertThat(result.value()).isEqualTo(0.0);
        assertThat(flat(result.globalGradients().get(0))).containsOnly(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"elimination", "attraction"})
    void equalsNtXentExactlyWhenTheLabelsMarkNoPositives(String action) {
        Random random = new Random(6);
        INDArray view1 = gaussian(random, 5, 3, 1.0, DataType.DOUBLE);
        INDArray view2 = gaussian(random, 5, 3, 1.0, DataType.DOUBLE);
        LossInput unlabelled =
                new LossInput(List.of(view1, view2), List.of(), List.of(none(5), none(5)));

        LossResult fncancel = fncancel(0.1, action).compute(unlabelled);
        LossResult ntXent = new NtXentLoss(0.1).compute(unlabelled);

        assertThat(fncancel.value()).isEqualTo(ntXent.value());
        for (int v = 0; v < 2; v++) {
            assertThat(flat(fncancel.globalGradients().get(v)))
                    .containsExactly(flat(ntXent.globalGradients().get(v)));
        }
    }

    @Test
    void reportsEveryInvalidSetting() {
        assertThat(new FncancelSettings(0.0, "repulsion").problems())
                .containsExactly(
                        "temperature: expected a value in (0, 10], found 0.0",
                        "action: expected one of [elimination, attraction], found 'repulsion'");
        assertThatThrownBy(() -> new FncancelLoss(new FncancelSettings(0.1, "both")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'both'");
    }

    @Test
    void isRegisteredWithEliminationByDefault() {
        FncancelLossProvider provider = new FncancelLossProvider();

        assertThat(provider.name()).isEqualTo("fncancel");
        assertThat(provider.defaults()).isEqualTo(new FncancelSettings(0.1, "elimination"));
        FncancelLoss loss = (FncancelLoss) provider.create(new FncancelSettings(0.2, "attraction"));
        assertThat(loss.temperature()).isEqualTo(0.2);
        assertThat(loss.action()).isEqualTo("attraction");
        assertThat(loss.needsWeakLabels()).isTrue();
    }

    private static FncancelLoss fncancel(double temperature, String action) {
        return new FncancelLoss(new FncancelSettings(temperature, action));
    }

    private static WeakLabels none(int n) {
        return DirectedTestLabels.none(n);
    }
}
