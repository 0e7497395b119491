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
                        new SemiSupervisedSettings(List.of(5.0, 50.0), "pooled", 30, 256, 0.1, 2));

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
}
