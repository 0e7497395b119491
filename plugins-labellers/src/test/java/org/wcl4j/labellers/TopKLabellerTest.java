package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.labellers.NearestNeighbourLabellerTest.angles;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.LabelContext;

/** Hand-made batches whose top-K neighbours were worked out on paper. */
class TopKLabellerTest {

    @Test
    void givesNonReciprocalNeighbours() {
        // Angles 0, 10, 30, 60 degrees; angular gaps: 0-1 10, 0-2 30, 0-3 60, 1-2 20, 1-3 50,
        // 2-3 30. k = 1: 0 -> 1 (10), 1 -> 0 (10), 2 -> 1 (20), 3 -> 2 (30). So 1 is a positive
        // of 2 but 2 is not one of 1.
        DirectedLabels labels = label(1, 0, angles(0, 10, 30, 60));

        assertThat(positives(labels)).isDeepEqualTo(new int[][] {{1}, {0}, {1}, {2}});
        assertThat(labels.isPositive(2, 1)).isTrue();
        assertThat(labels.isPositive(1, 2)).isFalse();
        assertThat(labels.isSymmetric()).isFalse();
    }

    @Test
    void takesTheKNearestInOrderOfSimilarity() {
        // Angles 0, 10, 45, 100, 170. Gaps from 0: 10, 45, 100, 170 -> {1, 2}; from 10 (1): 10,
        // 35, 90, 160 -> {0, 2}; from 45 (2): 45, 35, 55, 125 -> {1, 0}; from 100 (3): 100, 90,
        // 55, 70 -> {2, 4}; from 170 (4): 170, 160, 125, 70 -> {3, 2}.
        DirectedLabels labels = label(2, 0, angles(0, 10, 45, 100, 170));

        assertThat(positives(labels))
                .isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {0, 1}, {2, 4}, {2, 3}});
    }

    @Test
    void comparesDirectionsNotLengths() {
        // Row 1 is long and would win every raw dot product; by angle (0, 45, 18.1, 50.2 degrees)
        // the nearest are 0 -> 2, 1 -> 3, 2 -> 0, 3 -> 1.
        INDArray embeddings =
                Nd4j.create(new double[][] {{1, 0}, {10, 10}, {0.95, 0.31}, {0.5, 0.6}});

        assertThat(positives(label(1, 0, embeddings)))
                .isDeepEqualTo(new int[][] {{2}, {3}, {0}, {1}});
    }

    @Test
    void breaksTiesByTheLowestIndexAndPairsDuplicates() {
        // u0 = (1, 1, 1, 0)/sqrt3, u1 = u3 = e2 (duplicates), u2 = u4 = e3 (duplicates).
        // s(0, j) = 1/sqrt3 = 0.577 for every j. s(1, 3) = s(2, 4) = 1, s(1, 0) = 0.577,
        // s(1, 2) = s(1, 4) = 0, and likewise for 2, 3, 4.
        // k = 3: row 0 ties four ways -> {1, 2, 3}; row 1 -> 3 (1), 0 (0.577), then 2 and 4 tie
        // at 0 -> 2; row 2 -> 4, 0, then 1 (tie with 3); row 3 -> 1, 0, 2; row 4 -> 2, 0, 1.
        INDArray embeddings =
                Nd4j.create(
                        new float[][] {
                            {1, 1, 1, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}
                        });

        assertThat(positives(label(3, 0, embeddings)))
                .isDeepEqualTo(new int[][] {{1, 2, 3}, {0, 2, 3}, {0, 1, 4}, {0, 1, 2}, {0, 1, 2}});
        // k = 1: the duplicates pick each other; row 0 takes the lowest of its four ties.
        assertThat(positives(label(1, 0, embeddings)))
                .isDeepEqualTo(new int[][] {{1}, {3}, {4}, {1}, {2}});
    }

    @Test
    void treatsAZeroRowAsSimilarityZeroToAll() {
        // Row 0 is zero: s(0, j) = 0 for all j, so it takes row 1 (lowest of the ties). Rows 1 and
        // 2
        // are orthogonal (s = 0) and both prefer row 3 (cos 45 degrees).
        INDArray embeddings = Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});

        assertThat(positives(label(1, 0, embeddings)))
                .isDeepEqualTo(new int[][] {{1}, {3}, {3}, {1}});
    }

    @Test
    void givesNoPositivesBeforeTheStartEpoch() {
        INDArray embeddings = angles(0, 10, 30, 60);
        TopKLabeller labeller = new TopKLabeller(new TopKSettings(1, 2));

        DirectedLabels before = labeller.label(embeddings, context(4, 1));
        DirectedLabels from = labeller.label(embeddings, context(4, 2));

        assertThat(before).isEqualTo(DirectedLabels.none(4));
        assertThat(positives(from)).isDeepEqualTo(new int[][] {{1}, {0}, {1}, {2}});
    }

    @Test
    void rejectsAKLargerThanTheBatchAllows() {
        assertThatThrownBy(() -> label(3, 0, angles(0, 10, 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected k <= batch size - 1 = 2")
                .hasMessageContaining("found k = 3 for a batch of 3")
                .hasMessageContaining("lower k or raise the batch size");
    }

    @Test
    void rejectsABatchOfOne() {
        assertThatThrownBy(() -> label(1, 0, angles(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top-k labeller: expected a batch of at least 2")
                .hasMessageContaining("found 1");
    }

    @Test
    void rejectsNaN() {
        INDArray embeddings = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, Double.NaN}});

        assertThatThrownBy(() -> label(1, 0, embeddings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found NaN at [row 2, column 1]");
    }

    @Test
    void reportsInvalidSettings() {
        assertThat(new TopKSettings(0, -1).problems())
                .containsExactly(
                        "k: expected a value >= 1, found 0",
                        "startEpoch: expected a value >= 0, found -1");
        assertThat(TopKSettings.defaults()).isEqualTo(new TopKSettings(1, 0));
        assertThatThrownBy(() -> new TopKLabeller(new TopKSettings(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k: expected a value >= 1, found 0");
    }

    private static DirectedLabels label(int k, int startEpoch, INDArray embeddings) {
        int n = (int) embeddings.size(0);
        return new TopKLabeller(new TopKSettings(k, startEpoch)).label(embeddings, context(n, 0));
    }

    private static LabelContext context(int n, int epoch) {
        return new LabelContext(new int[n], new int[0], epoch);
    }

    static int[][] positives(DirectedLabels labels) {
        int[][] result = new int[labels.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = labels.positives(i);
        }
        return result;
    }
}
