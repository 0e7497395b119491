package org.wcl4j.evaluation;

import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;

/**
 * The checked frozen features of a dataset's train and test splits, labelled with one class count
 * (the larger of the two splits'), as the protocols that train a classifier read them.
 *
 * @param train the train split's features {@code [trainSize, dim]}
 * @param test the test split's features {@code [testSize, dim]}
 */
record TrainTestFeatures(LabelledFeatures train, LabelledFeatures test) {

    /**
     * Takes the features of the train split, then of the test split, and checks each.
     *
     * @param features the features of a split, {@code [split.size(), dim]}
     * @param protocol names the protocol in messages
     * @throws IllegalArgumentException as {@link LabelledFeatures#of} does
     */
    static TrainTestFeatures of(
            Dataset dataset, Function<DatasetSplit, INDArray> features, String protocol) {
        DatasetSplit trainSplit = dataset.train();
        DatasetSplit testSplit = dataset.test();
        int classCount = Math.max(trainSplit.classCount(), testSplit.classCount());
        LabelledFeatures train =
                LabelledFeatures.of(
                        features.apply(trainSplit), trainSplit, classCount, protocol, "train");
        LabelledFeatures test =
                LabelledFeatures.of(
                        features.apply(testSplit), testSplit, classCount, protocol, "test");
        return new TrainTestFeatures(train, test);
    }

    /**
     * Both splits standardised with the train split's per-dimension moments ({@link
     * LabelledFeatures#moments()}), since the images of the whole train split are available even
     * where its labels are not.
     */
    TrainTestFeatures standardised() {
        double[][] moments = train.moments();
        return new TrainTestFeatures(train.standardised(moments), test.standardised(moments));
    }
}
