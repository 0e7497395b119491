package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

class LinearProtocolTest {

    private static final LinearSettings SHORT = LinearSettings.defaults().withEpochs(20);

    @Test
    void separatesLinearlySeparableClustersPerfectly() {
        // Six classes at +-4 on three axes of a 5-D space, noise 0.5: the half-spaces between
        // the centres are 4 deviations of noise from every point, so a linear classifier exists
        // that makes (with probability 1 - 1e-4 over these 1200 points) no error.
        double[][] centres = new double[6][5];
        for (int c = 0; c < 6; c++) {
            centres[c][c / 2] = c % 2 == 0 ? 4 : -4;
        }
        Toy.Data toy = Toy.clusters(centres, 100, 0.5, 11);

        Map<String, Double> metrics =
                new LinearProtocol(SHORT).evaluate(toy.features(), toy.dataset()).metrics();

        assertThat(metrics.keySet()).containsExactly("top1", "top5", "train-loss");
        assertThat(metrics.get("top1")).isEqualTo(100.0);
        assertThat(metrics.get("top5")).isEqualTo(100.0);
        // a tenth of the loss of guessing among six classes, log(6) = 1.79
        assertThat(metrics.get("train-loss")).isLessThan(Math.log(6) / 10);
    }

    @Test
    void reachesTheBayesAccuracyOfTwoOverlappingGaussians() {
        // Two classes with means (+1, 0, 0, 0) and (-1, 0, 0, 0) and identity covariance: the
        // best classifier of all is linear (the sign of the first coordinate) and is right with
        // probability Phi(1) = 0.841345 (standard normal table). On 4000 test points the
        // accuracy of that rule itself has a deviation of 0.58 points; a trained linear
        // classifier should land within about three of them.
        double[][] centres = {{1, 0, 0, 0}, {-1, 0, 0, 0}};
        Toy.Data toy = Toy.clusters(centres, 2000, 1.0, 5);

        double top1 =
                new LinearProtocol(SHORT)
                        .evaluate(toy.features(), toy.dataset())
                        .metrics()
                        .get("top1");

        assertThat(top1).isCloseTo(84.13, within(2.0));
    }

    @Test
    void aSeedGivesTheSameClassifierTwice() {
        double[][] centres = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}};
        Toy.Data toy = Toy.clusters(centres, 100, 1.0, 3);

        EvaluationResult first = new LinearProtocol(SHORT).evaluate(toy.features(), toy.dataset());
        EvaluationResult second = new LinearProtocol(SHORT).evaluate(toy.features(), toy.dataset());

        assertThat(second.metrics()).isEqualTo(first.metrics());
    }

    @Test
    void countsTopFiveAmongTheFiveHighestScores() {
        // Seven classes, one point each, identical features: every score ties for every point,
        // so classes 0-4 rank in the top five (ties go to the lower class) and 5-6 do not; class
        // 0 alone ranks first.
        int[] labels = {0, 1, 2, 3, 4, 5, 6};
        LabelOnlySplit train = new LabelOnlySplit(labels, 7);
        LabelOnlySplit test = new LabelOnlySplit(labels.clone(), 7);
        FixedFeatures features =
                new FixedFeatures().with(train, Nd4j.ones(7, 3)).with(test, Nd4j.ones(7, 3));

        Map<String, Double> metrics =
                new LinearProtocol(SHORT).evaluate(features, new TwoSplits(train, test)).metrics();

        assertThat(metrics.get("top1")).isCloseTo(100.0 / 7, within(1e-9));
        assertThat(metrics.get("top5")).isCloseTo(500.0 / 7, within(1e-9));
    }

    @Test
    void rejectsFeaturesThatAreNotFinite() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {0, 1}, 2);
        FixedFeatures features =
                new FixedFeatures()
                        .with(train, Nd4j.create(new double[][] {{1, 0}, {Double.NaN, 1}}))
                        .with(test, Nd4j.ones(2, 2));

        assertThatThrownBy(
                        () ->
                                new LinearProtocol(SHORT)
                                        .evaluate(features, new TwoSplits(train, test)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected finite train features")
                .hasMessageContaining("row 1");
    }

    @Test
    void rejectsInvalidSettingsWithEveryProblem() {
        assertThat(new LinearSettings(0, 0, -1, 1, 1).problems())
                .hasSize(4)
                .anyMatch(p -> p.startsWith("epochs:"))
                .anyMatch(p -> p.startsWith("momentum:"));
    }
}
