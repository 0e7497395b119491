package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearSvmTest {

    @Test
    void findsTheMaximumMarginOfTwoPoints() {
        // x = (2, 0) of class 0 and (0, 0) of class 1, bias regularised. For class 0 against
        // the rest, minimise (w1^2 + w2^2 + b^2) / 2 subject to 2 w1 + b >= 1 and -b >= 1. By
        // hand: w2 = 0; b = -1 - t with t >= 0 needs w1 >= 1 + t / 2, and the objective grows
        // with t, so w = (1, 0), b = -1. With C = 1000 no slack is worth it, so the soft machine
        // is the hard one; class 1's machine is the mirror image.
        LabelledFeatures data =
                new LabelledFeatures(new float[] {2, 0, 0, 0}, 2, new int[] {0, 1}, 2);

        LinearSvm svm = LinearSvm.train(data, 1000, 1e-9, 10_000, 1);

        assertThat(svm.weights(0)).containsExactly(new double[] {1, 0, -1}, within(1e-6));
        assertThat(svm.weights(1)).containsExactly(new double[] {-1, 0, 1}, within(1e-6));
        assertThat(svm.accuracy(data)).isEqualTo(100.0);
    }

    @Test
    void separatesFourClustersOneVersusRest() {
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}, {0, -3}};
        Toy.Data toy = Toy.clusters(centres, 50, 0.4, 2);
        LabelledFeatures train =
                LabelledFeatures.of(
                        toy.features().features(toy.dataset().train()),
                        toy.dataset().train(),
                        4,
                        "test",
                        "train");
        LabelledFeatures test =
                LabelledFeatures.of(
                        toy.features().features(toy.dataset().test()),
                        toy.dataset().test(),
                        4,
                        "test",
                        "test");

        LinearSvm svm = LinearSvm.train(train, 1, 0.01, 1000, 3);

        assertThat(svm.accuracy(test)).isEqualTo(100.0);
    }
}
