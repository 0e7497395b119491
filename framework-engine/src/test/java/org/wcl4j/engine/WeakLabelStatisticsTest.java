package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;

class WeakLabelStatisticsTest {

    /**
     * Six members, directed positive pairs 0->1, 1->0, 2->3, 3->4, 4->3 (2->3 unanswered); classes
     * 0, 0, 1, 1, 0, 1.
     */
    private static WeakLabels asymmetric() {
        boolean[][] mask = new boolean[6][6];
        mask[0][1] = true;
        mask[1][0] = true;
        mask[2][3] = true;
        mask[3][4] = true;
        mask[4][3] = true;
        return new SupportNeighbourLabeller.MaskLabels(mask);
    }

    private static final int[] CLASSES = {0, 0, 1, 1, 0, 1};

    @Test
    void countsReciprocityComponentSizesPrecisionAndRecallOfOneAsymmetricView() {
        WeakLabelStatistics statistics = new WeakLabelStatistics();

        statistics.add(asymmetric(), CLASSES);

        // 5 predicted pairs; reversed also predicted: (0,1), (1,0), (3,4), (4,3) -> 4/5
        assertThat(statistics.reciprocity()).isCloseTo(0.8, within(1e-12));
        // undirected components {0,1}, {2,3,4}, {5}
        assertThat(statistics.meanComponents()).isEqualTo(3.0);
        // members in a component of size 1: {5}; 2: {0,1}; 3-4: {2,3,4}
        assertThat(statistics.sizeShares())
                .containsExactly(
                        Map.entry("weak/size-1", 1.0 / 6),
                        Map.entry("weak/size-2", 2.0 / 6),
                        Map.entry("weak/size-3-4", 3.0 / 6),
                        Map.entry("weak/size-5-8", 0.0),
                        Map.entry("weak/size-9-16", 0.0),
                        Map.entry("weak/size-17+", 0.0));
        // same class among predicted: (0,1), (1,0), (2,3) -> precision 3/5; same-class ordered
        // pairs: class 0 {0,1,4} gives 3*2 = 6, class 1 {2,3,5} gives 6 -> recall 3/12
        assertThat(statistics.hasClasses()).isTrue();
        assertThat(statistics.precision()).isCloseTo(0.6, within(1e-12));
        assertThat(statistics.recall()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void sumsPairCountsAndAveragesSizeSharesOverViews() {
        WeakLabelStatistics statistics = new WeakLabelStatistics();

        statistics.add(asymmetric(), CLASSES);
        // all six members in one component: 30 predicted pairs, all reciprocated, 12 same-class
        statistics.add(new ComponentLabels(new int[] {0, 0, 0, 0, 0, 0}), CLASSES);

        // reciprocity (4 + 30) / (5 + 30); precision (3 + 12) / 35; recall (3 + 12) / (12 + 12)
        assertThat(statistics.reciprocity()).isCloseTo(34.0 / 35, within(1e-12));
        assertThat(statistics.precision()).isCloseTo(15.0 / 35, within(1e-12));
        assertThat(statistics.recall()).isCloseTo(15.0 / 24, within(1e-12));
        assertThat(statistics.meanComponents()).isEqualTo(2.0);
        // shares per view averaged: size-1 (1/6 + 0) / 2, size-2 (2/6 + 0) / 2,
        // size-3-4 (3/6 + 0) / 2, size-5-8 (0 + 1) / 2
        Map<String, Double> shares = statistics.sizeShares();
        assertThat(shares.get("weak/size-1")).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(shares.get("weak/size-2")).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(shares.get("weak/size-3-4")).isCloseTo(0.25, within(1e-12));
        assertThat(shares.get("weak/size-5-8")).isCloseTo(0.5, within(1e-12));
        assertThat(shares.get("weak/size-9-16")).isZero();
        assertThat(shares.get("weak/size-17+")).isZero();
    }

    @Test
    void binsComponentSizesAtTheirBounds() {
        // components of 17, 8, 4 and 1 members (30 in all), then of 16 and 9 (25), then of 5
        WeakLabelStatistics first = new WeakLabelStatistics();
        first.add(new ComponentLabels(ids(17, 8, 4, 1)), new int[0]);
        WeakLabelStatistics second = new WeakLabelStatistics();
        second.add(new ComponentLabels(ids(16, 9)), new int[0]);
        WeakLabelStatistics third = new WeakLabelStatistics();
        third.add(new ComponentLabels(ids(5)), new int[0]);

        assertThat(first.sizeShares().get("weak/size-17+")).isCloseTo(17.0 / 30, within(1e-12));
        assertThat(first.sizeShares().get("weak/size-5-8")).isCloseTo(8.0 / 30, within(1e-12));
        assertThat(first.sizeShares().get("weak/size-3-4")).isCloseTo(4.0 / 30, within(1e-12));
        assertThat(first.sizeShares().get("weak/size-1")).isCloseTo(1.0 / 30, within(1e-12));
        assertThat(second.sizeShares().get("weak/size-9-16")).isCloseTo(1.0, within(1e-12));
        assertThat(third.sizeShares().get("weak/size-5-8")).isCloseTo(1.0, within(1e-12));
        // component labels are symmetric; without classes there is no precision
        assertThat(first.reciprocity()).isEqualTo(1.0);
        assertThat(first.hasClasses()).isFalse();
        assertThat(first.meanComponents()).isEqualTo(4.0);
    }

    @Test
    void noPredictedPairLeavesPrecisionUndefined() {
        WeakLabelStatistics statistics = new WeakLabelStatistics();

        // classes 0, 0, 1, 1: two same-class ordered pairs per class, none predicted
        statistics.add(
                new SupportNeighbourLabeller.MaskLabels(new boolean[4][4]), new int[] {0, 0, 1, 1});

        assertThat(statistics.reciprocity()).isNaN();
        assertThat(statistics.precision()).isNaN();
        assertThat(statistics.recall()).isEqualTo(0.0);
        assertThat(statistics.sizeShares().get("weak/size-1")).isEqualTo(1.0);
        assertThat(statistics.meanComponents()).isEqualTo(4.0);
    }

    /** Component ids for consecutive components of the given sizes. */
    private static int[] ids(int... sizes) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        int[] ids = new int[total];
        int at = 0;
        for (int c = 0; c < sizes.length; c++) {
            for (int k = 0; k < sizes[c]; k++) {
                ids[at++] = c;
            }
        }
        return ids;
    }
}
