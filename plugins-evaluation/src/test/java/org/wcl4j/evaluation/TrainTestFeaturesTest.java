package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

class TrainTestFeaturesTest {

    @Test
    void labelsBothSplitsWithTheLargerClassCount() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {2}, 3);
        FixedFeatures extractor =
                new FixedFeatures()
                        .with(train, Nd4j.createFromArray(new float[][] {{1}, {3}}))
                        .with(test, Nd4j.createFromArray(new float[][] {{5}}));

        TrainTestFeatures features =
                TrainTestFeatures.of(new TwoSplits(train, test), extractor::features, "linear");

        assertThat(features.train().classCount()).isEqualTo(3);
        assertThat(features.test().classCount()).isEqualTo(3);
        assertThat(features.train().labels()).containsExactly(0, 1);
        assertThat(features.test().labels()).containsExactly(2);
    }

    @Test
    void standardisesBothSplitsWithTheTrainMoments() {
        // Train features 1 and 3: mean 2, population deviation 1. So train becomes -1 and 1, and
        // the test feature 5 becomes (5 - 2) / 1 = 3, not 0 as its own moments would make it.
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[] {1}, 2);
        FixedFeatures extractor =
                new FixedFeatures()
                        .with(train, Nd4j.createFromArray(new float[][] {{1}, {3}}))
                        .with(test, Nd4j.createFromArray(new float[][] {{5}}));

        TrainTestFeatures standard =
                TrainTestFeatures.of(new TwoSplits(train, test), extractor::features, "linear")
                        .standardised();

        assertThat(standard.train().values()).containsExactly(-1f, 1f);
        assertThat(standard.test().values()).containsExactly(3f);
    }

    @Test
    void namesTheProtocolAndTheSplitThatIsEmpty() {
        LabelOnlySplit train = new LabelOnlySplit(new int[] {0, 1}, 2);
        LabelOnlySplit test = new LabelOnlySplit(new int[0], 2);
        FixedFeatures extractor =
                new FixedFeatures()
                        .with(train, Nd4j.createFromArray(new float[][] {{1}, {3}}))
                        .with(test, Nd4j.create(DataType.FLOAT, 0, 1));

        assertThatThrownBy(
                        () ->
                                TrainTestFeatures.of(
                                        new TwoSplits(train, test),
                                        extractor::features,
                                        "few-shot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("few-shot: expected a non-empty test split");
    }
}
