package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.labellers.TopKLabellerTest.positives;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.LabelContext;

/**
 * One hand-made batch scored on paper. The labelled view is z = (e1, e2, -e1, -e2), so for a
 * support vector a = (x, y) the cosines to z0..z3 are (x, y, -x, -y). Two support views per image:
 *
 * <pre>
 *   anchor 0: a1 = (0, 1)        -> ( 0,  1,  0, -1)
 *             a2 = (-4, -3) / 5  -> (-.8, -.6, .8, .6)
 *             mean over s: ( -.4, .2, .4, -.2 )   max: ( 0, 1, .8, .6 )
 *   anchor 1: a1 = a2 = (1, 0)   -> mean = max = ( 1, 0, -1, 0 )
 *   anchor 2: a1 = (0, 1), a2 = (0, -1)
 *                                -> mean ( 0, 0, 0, 0 )   max ( 0, 1, 0, 1 )
 *   anchor 3: a1 = a2 = (0, -1)  -> mean = max = ( 0, -1, 0, 1 )
 * </pre>
 *
 * The anchor's own entry is never a candidate: anchor 3 scores itself 1, its best, and still picks
 * another member.
 */
class SupportSetLabellerTest {

    private static final INDArray VIEW =
            Nd4j.create(new double[][] {{1, 0}, {0, 1}, {-1, 0}, {0, -1}});
    private static final INDArray SUPPORT1 =
            Nd4j.create(new double[][] {{0, 1}, {1, 0}, {0, 1}, {0, -1}});
    private static final INDArray SUPPORT2 =
            Nd4j.create(new double[][] {{-4, -3}, {2, 0}, {0, -1}, {0, -3}});

    @Test
    void meanTopOnePicksTheBestAverageAndNeverTheAnchor() {
        // Candidates (self excluded): anchor 0 {1: .2, 2: .4, 3: -.2} -> 2; anchor 1 -> 0 (1);
        // anchor 2: all 0, lowest index -> 0; anchor 3 {0: 0, 1: -1, 2: 0} -> 0 (tie with 2).
        assertThat(positives(label("mean", "top-k", 1, 0.7)))
                .isDeepEqualTo(new int[][] {{2}, {0}, {0}, {0}});
    }

    @Test
    void maxTopOnePicksTheBestSingleView() {
        // Anchor 0 {1: 1, 2: .8, 3: .6} -> 1; anchor 2 {0: 0, 1: 1, 3: 1} -> 1 (tie with 3).
        DirectedLabels labels = label("max", "top-k", 1, 0.7);

        assertThat(positives(labels)).isDeepEqualTo(new int[][] {{1}, {0}, {1}, {0}});
        assertThat(labels.isSymmetric()).isFalse(); // 2 -> 1 but 1 -> 0
    }

    @Test
    void thresholdKeepsEveryScoreAtOrAboveIt() {
        // mean >= 0.3: anchor 0 {2 (.4)}; anchor 1 {0 (1)}; anchors 2 and 3 none.
        assertThat(positives(label("mean", "threshold", 1, 0.3)))
                .isDeepEqualTo(new int[][] {{2}, {0}, {}, {}});
        // max >= 0.7: anchor 0 {1 (1), 2 (.8)}; anchor 1 {0}; anchor 2 {1, 3}; anchor 3 none.
        assertThat(positives(label("max", "threshold", 1, 0.7)))
                .isDeepEqualTo(new int[][] {{1, 2}, {0}, {1, 3}, {}});
        // max >= 1: a score exactly at the threshold is kept (anchor 0's 1 is e2 . e2).
        assertThat(positives(label("max", "threshold", 1, 1.0)))
                .isDeepEqualTo(new int[][] {{1}, {0}, {1, 3}, {}});
    }

    @Test
    void bothKeepsTheTopKThatReachTheThreshold() {
        // mean, k = 1, >= .5: anchor 0's best is 2 at .4 < .5 -> none; anchor 1's is 0 at 1;
        // anchors 2 and 3's best are at 0.
        assertThat(positives(label("mean", "both", 1, 0.5)))
                .isDeepEqualTo(new int[][] {{}, {0}, {}, {}});
        // max, k = 2, >= .7: anchor 0 top two {1 (1), 2 (.8)}; anchor 1 {0 (1), 3 (0)} -> {0};
        // anchor 2 {1 (1), 3 (1)}; anchor 3 {0 (0), 2 (0)} -> none.
        assertThat(positives(label("max", "both", 2, 0.7)))
                .isDeepEqualTo(new int[][] {{1, 2}, {0}, {1, 3}, {}});
    }

    @Test
    void pairsDuplicateRowsByTheLowerIndex() {
        // z = (e1, e1, e2); every support view of anchor 2 is e1, so candidates 0 and 1 tie at 1.
        INDArray view = Nd4j.create(new double[][] {{1, 0}, {1, 0}, {0, 1}});
        INDArray support = Nd4j.create(new double[][] {{0, 1}, {0, 1}, {1, 0}});
        SupportSetLabeller labeller =
                new SupportSetLabeller(new SupportSetSettings("mean", "top-k", 1, 0.7, 0));

        DirectedLabels labels = labeller.label(view, context(3, 0, List.of(support, support)));

        // Anchors 0 and 1 score (0, 0, 1) -> 2.
        assertThat(positives(labels)).isDeepEqualTo(new int[][] {{2}, {2}, {0}});
    }

    @Test
    void detectsNothingBeforeTheStartEpoch() {
        SupportSetLabeller labeller =
                new SupportSetLabeller(new SupportSetSettings("mean", "top-k", 1, 0.7, 3));

        assertThat(labeller.label(VIEW, context(4, 2, List.of(SUPPORT1, SUPPORT2))))
                .isEqualTo(DirectedLabels.none(4));
        assertThat(positives(labeller.label(VIEW, context(4, 3, List.of(SUPPORT1, SUPPORT2)))))
                .isDeepEqualTo(new int[][] {{2}, {0}, {0}, {0}});
    }

    @Test
    void explainsHowToGetSupportViewsWhenThereAreNone() {
        SupportSetLabeller labeller = new SupportSetLabeller(SupportSetSettings.defaults());

        assertThatThrownBy(() -> labeller.label(VIEW, context(4, 0, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected support views")
                .hasMessageContaining("found none")
                .hasMessageContaining("set crops: {name: support-set, settings: {views: 2}}");
    }

    @Test
    void rejectsASupportViewOfAnotherShape() {
        SupportSetLabeller labeller = new SupportSetLabeller(SupportSetSettings.defaults());
        INDArray wrong = Nd4j.create(new double[][] {{1, 0}, {0, 1}});

        assertThatThrownBy(() -> labeller.label(VIEW, context(4, 0, List.of(SUPPORT1, wrong))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("support view 2 shaped like the labelled view, [4, 2],")
                .hasMessageContaining("found [2, 2]");
    }

    @Test
    void rejectsAKLargerThanTheBatchAllowsOnlyWhenItRanks() {
        SupportSetLabeller ranking =
                new SupportSetLabeller(new SupportSetSettings("mean", "both", 4, 0.7, 0));
        SupportSetLabeller thresholding =
                new SupportSetLabeller(new SupportSetSettings("mean", "threshold", 4, 0.3, 0));
        LabelContext context = context(4, 0, List.of(SUPPORT1, SUPPORT2));

        assertThatThrownBy(() -> ranking.label(VIEW, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected k <= batch size - 1 = 3")
                .hasMessageContaining("found k = 4")
                .hasMessageContaining("lower k or raise the batch size");
        assertThat(positives(thresholding.label(VIEW, context)))
                .isDeepEqualTo(new int[][] {{2}, {0}, {}, {}});
    }

    @Test
    void reportsEveryInvalidSetting() {
        assertThat(new SupportSetSettings("median", "all", 0, 1.5, -1).problems())
                .containsExactly(
                        "aggregation: expected one of [mean, max], found 'median'",
                        "selection: expected one of [top-k, threshold, both], found 'all'",
                        "k: expected a value >= 1, found 0",
                        "threshold: expected a value in [-1, 1], found 1.5",
                        "startEpoch: expected a value >= 0, found -1");
        assertThat(SupportSetSettings.defaults())
                .isEqualTo(new SupportSetSettings("mean", "top-k", 1, 0.7, 0));
        assertThat(SupportSetSettings.defaults().problems()).isEmpty();
    }

    private static DirectedLabels label(
            String aggregation, String selection, int k, double threshold) {
        SupportSetLabeller labeller =
                new SupportSetLabeller(
                        new SupportSetSettings(aggregation, selection, k, threshold, 0));
        return labeller.label(VIEW, context(4, 0, List.of(SUPPORT1, SUPPORT2)));
    }

    private static LabelContext context(int n, int epoch, List<INDArray> support) {
        return new LabelContext(new int[n], new int[0], epoch, support);
    }
}
