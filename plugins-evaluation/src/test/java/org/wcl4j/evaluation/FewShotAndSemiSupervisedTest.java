package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.eval.EvaluationResult;

class FewShotAndSemiSupervisedTest {

    /** Ten classes around the axes of a 10-D space, 40 train and 40 test images each. */
    private static final Toy.Data TOY = toy();

    private static Toy.Data toy() {
        double[][] centres = new double[10][10];
        for (int c = 0; c < 10; c++) {
            centres[c][c] = 3;
        }
        return Toy.clusters(centres, 40, 1.0, 8);
    }

    @Test
    void fewShotReportsMeanAndSpreadPerKAndImprovesWithMoreShots() {
        FewShotProtocol fewShot =
                new FewShotProtocol(new FewShotSettings(List.of(1, 16), true, 3, 1.0, 200, 4));

        EvaluationResult result = fewShot.evaluate(TOY.features(), TOY.dataset());

        assertThat(result.metrics().keySet())
                .containsExactly("k1/mean", "k1/std", "k16/mean", "k16/std", "full");
        assertThat(result.metrics().values()).allMatch(v -> v >= 0 && v <= 100);
        assertThat(result.metrics().get("k1/std")).isPositive();
        assertThat(result.metrics().get("k16/mean"))
                .isGreaterThan(result.metrics().get("k1/mean"))
                .isGreaterThan(80.0);
        assertThat(fewShot.evaluate(TOY.features(), TOY.dataset()).metrics())
                .isEqualTo(result.metrics());
    }

    @Test
    void fewShotRefusesMoreShotsThanAClassHas() {
        FewShotProtocol fewShot =
                new FewShotProtocol(new FewShotSettings(List.of(1, 64), false, 1, 1.0, 10, 1));

        assertThatThrownBy(() -> fewShot.evaluate(TOY.features(), TOY.dataset()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least k = 64 train images of every class")
                .hasMessageContaining("found 40 of class 0")
                .hasMessageContaining("drop the larger values");
    }

    @Test
    void semiSupervisedDrawsTheSameBalancedSubsetsOnEveryCall() {
        SemiSupervisedProtocol semi =
                new SemiSupervisedProtocol(
                        SemiSupervisedSettings.linear(
                                List.of(5.0, 50.0), "pooled", 30, 256, 0.1, 2));

        EvaluationResult first = semi.evaluate(TOY.features(), TOY.dataset());
        EvaluationResult second = semi.evaluate(TOY.features(), TOY.dataset());

        assertThat(first.metrics().keySet())
                .containsExactly("5%/top1", "5%/top5", "50%/top1", "50%/top5");
        assertThat(second.metrics()).isEqualTo(first.metrics());
        INDArray small = first.arrays().get("subset-5");
        // 5% of 400 images over 10 classes: 2 per class; 50%: 20 per class
        assertThat(small.length()).isEqualTo(20);
        assertThat(first.arrays().get("subset-50").length()).isEqualTo(200);
        assertThat(second.arrays().get("subset-5")).isEqualTo(small);
        int[] perClass = new int[10];
        for (int index : small.toIntVector()) {
            perClass[TOY.dataset().train().label(index)]++;
        }
        assertThat(perClass).containsOnly(2);
        assertThat(first.metrics().get("50%/top1"))
                .isGreaterThanOrEqualTo(first.metrics().get("5%/top1"))
                .isGreaterThan(80.0);
    }

    @Test
    void fineTuneModeTrainsOnTheSavedSubsetAndCountsTopKFromTheScores() {
        SemiSupervisedSettings d = SemiSupervisedSettings.defaults();
        SemiSupervisedProtocol semi =
                new SemiSupervisedProtocol(
                        new SemiSupervisedSettings(
                                List.of(5.0),
                                "fine-tune",
                                "pooled",
                                1,
                                1,
                                0.1,
                                40,
                                16,
                                0.1,
                                0.0,
                                false,
                                2));
        FakeData.FixedFeatures features = TOY.features();
        int before = features.subsets().size();

        EvaluationResult result = semi.evaluate(features, TOY.dataset());

        // the fine-tuner saw exactly the subset that is saved beside the results
        assertThat(features.subsets()).hasSize(before + 1);
        assertThat(features.subsets().get(before))
                .containsExactly(result.arrays().get("subset-5").toIntVector());
        assertThat(result.metrics().keySet()).containsExactly("5%/top1", "5%/top5");
        // two labelled points per class, centres 3 apart with noise 1: far above chance (10%)
        assertThat(result.metrics().get("5%/top1")).isGreaterThan(50.0);
        assertThat(result.metrics().get("5%/top5")).isGreaterThan(result.metrics().get("5%/top1"));
        assertThat(d.mode()).isEqualTo("fine-tune");
    }

    @Test
    void topKCountsTheRankOfTheTrueClassWithTiesToTheLowerClass() {
        // image 0: class 2 scores highest, rank 0; image 1: class 0 ties with class 1 and wins
        // the tie, so true class 1 has rank 1; image 2: five classes score above class 5
        INDArray scores =
                org.nd4j.linalg.factory.Nd4j.create(
                        new double[][] {
                            {0.1, 0.2, 0.9, 0, 0, 0, 0},
                            {0.5, 0.5, 0.1, 0, 0, 0, 0},
                            {0.9, 0.8, 0.7, 0.6, 0.5, 0.1, 0}
                        });

        double[] accuracy = SemiSupervisedProtocol.accuracy(scores, new int[] {2, 1, 5});

        // top-1: 1 of 3; top-5: images 0 and 1 (rank 5 of image 2 is outside)
        assertThat(accuracy[0]).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(accuracy[1]).isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fineTuneModeNeedsANetworkBehindTheFeatures() {
        SemiSupervisedProtocol semi = new SemiSupervisedProtocol(SemiSupervisedSettings.defaults());
        FakeData.FixedFeatures plain = TOY.features();
        org.wcl4j.api.eval.FeatureExtractor withoutNetwork = plain::features;

        assertThatThrownBy(() -> semi.evaluate(withoutNetwork, TOY.dataset()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode fine-tune")
                .hasMessageContaining("set mode=linear");
    }

    @Test
    void settingsNameEachBadValue() {
        SemiSupervisedSettings bad =
                new SemiSupervisedSettings(
                        List.of(1.0), "finetune", "pooled", 10, 16, 0.1, 0, 16, -1, 2, false, 1);

        assertThat(bad.problems())
                .containsExactlyInAnyOrder(
                        "mode: expected 'fine-tune' or 'linear', found 'finetune'",
                        "fineTuneEpochs: expected a value in [1, 10000], found 0",
                        "fineTuneLearningRate: expected a value in (0, 100], found -1.0",
                        "weightDecay: expected a value in [0, 1], found 2.0");
    }
}
