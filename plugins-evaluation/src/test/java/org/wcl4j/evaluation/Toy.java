package org.wcl4j.evaluation;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

/** Labelled Gaussian clusters as a data set with fixed features. */
final class Toy {

    /** The splits and the extractor that gives their features. */
    record Data(TwoSplits dataset, FixedFeatures features) {}

    private Toy() {}

    /**
     * {@code perClass} train and test points around each centre, with isotropic Gaussian noise of
     * deviation {@code noise}; classes cycle through the rows.
     */
    static Data clusters(double[][] centres, int perClass, double noise, long seed) {
        Random random = new Random(seed);
        int classes = centres.length;
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        LabelOnlySplit train = new LabelOnlySplit(labels, classes);
        LabelOnlySplit test = new LabelOnlySplit(labels.clone(), classes);
        return new Data(
                new TwoSplits(train, test),
                new FixedFeatures()
                        .with(train, points(centres, labels, noise, random))
                        .with(test, points(centres, labels, noise, random)));
    }

    static INDArray points(double[][] centres, int[] labels, double noise, Random random) {
        double[][] rows = new double[labels.length][centres[0].length];
        for (int i = 0; i < labels.length; i++) {
            for (int d = 0; d < rows[i].length; d++) {
                rows[i][d] = centres[labels[i]][d] + noise * random.nextGaussian();
            }
        }
        return Nd4j.create(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
