package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureBankTest {

    /**
     * Five images on the unit circle at 0, 15, 40, 90 and 100 degrees, image 0 shrunk to a tenth
     * and image 3 stretched ten times, so that dot products would rank them differently from
     * cosines (for image 2, image 3's dot product 6.4 beats image 1's 0.91).
     */
    static INDArray features() {
        double[] degrees = {0, 15, 40, 90, 100};
        double[] lengths = {0.1, 1, 1, 10, 1};
        float[][] rows = new float[5][2];
        for (int i = 0; i < 5; i++) {
            double angle = Math.toRadians(degrees[i]);
            rows[i][0] = (float) (lengths[i] * Math.cos(angle));
            rows[i][1] = (float) (lengths[i] * Math.sin(angle));
        }
        return Nd4j.createFromArray(rows);
    }

    @Test
    void nearestImagesByCosineAsReadOffTheAngles() {
        FeatureBank bank = new FeatureBank(5);
        bank.write(new int[] {0, 1, 2, 3, 4}, features());

        int[][] nearest = bank.nearest(2);

        // Angular distances: 0-15: 15, 15-40: 25, 0-40: 40, 40-90: 50, 90-100: 10, 40-100: 60.
        assertThat(nearest).isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {1, 0}, {4, 2}, {3, 2}});
    }

    @Test
    void noImageIsItsOwnNeighbourEvenWithIdenticalFeatures() {
        FeatureBank bank = new FeatureBank(4);
        bank.write(new int[] {0, 1, 2, 3}, Nd4j.ones(4, 3));

        int[][] nearest = bank.nearest(3);

        for (int i = 0; i < 4; i++) {
            assertThat(nearest[i]).hasSize(3).doesNotContain(i);
        }
        // Equal similarities go to the lower index.
        assertThat(nearest[2]).containsExactly(0, 1, 3);
    }

    @Test
    void keepsOneRowPerImageAndOnlyTheLatest() {
        FeatureBank bank = new FeatureBank(3);
        bank.write(new int[] {2, 0}, Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
        bank.write(new int[] {2}, Nd4j.createFromArray(new float[][] {{5, 6}}));

        assertThat(bank.row(2)).containsExactly(5, 6);
        assertThat(bank.row(0)).containsExactly(3, 4);
        assertThat(bank.row(1)).containsExactly(0, 0);
    }

    @Test
    void imagesNeverWrittenNeitherGetNorAreNeighbours() {
        FeatureBank bank = new FeatureBank(6);
        INDArray features = features();
        bank.write(new int[] {0, 1, 2, 3, 4}, features);

        int[][] nearest = bank.nearest(5);

        assertThat(nearest[5]).isEmpty();
        for (int i = 0; i < 5; i++) {
            // Four other written images exist, fewer than the five asked for.
            assertThat(nearest[i]).hasSize(4).doesNotContain(i, 5);
        }
    }

    @Test
    void rejectsFeaturesOfAnotherWidthOrAnIndexOutsideTheBank() {
        FeatureBank bank = new FeatureBank(3);
        bank.write(new int[] {0}, Nd4j.ones(1, 4));

        assertThatThrownBy(() -> bank.write(new int[] {1}, Nd4j.ones(1, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 4 features per image, found 5");
        assertThatThrownBy(() -> bank.write(new int[] {3}, Nd4j.ones(1, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected indices in [0, 3), found 3");
    }
}
