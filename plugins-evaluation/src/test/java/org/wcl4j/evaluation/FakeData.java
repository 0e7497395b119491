package org.wcl4j.evaluation;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.eval.FeatureExtractor;

/** Stand-ins for a data set and an encoder: labels only, and features fixed in advance. */
final class FakeData {

    private FakeData() {}

    /** A split that knows only its labels; its images are blank. */
    record LabelOnlySplit(int[] labels, int classCount) implements DatasetSplit {

        private static final ImageShape SHAPE = new ImageShape(1, 1, 1);

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public ImageShape shape() {
            return SHAPE;
        }

        @Override
        public Image image(int index) {
            return new Image(new float[1], SHAPE);
        }

        @Override
        public int label(int index) {
            return labels[index];
        }
    }

    record TwoSplits(DatasetSplit train, DatasetSplit test) implements Dataset {
        @Override
        public String name() {
            return "fake";
        }
    }

    /** Returns a copy of the features given for each split. */
    static final class FixedFeatures implements FeatureExtractor {

        private final Map<DatasetSplit, INDArray> features = new IdentityHashMap<>();

        FixedFeatures with(DatasetSplit split, INDArray splitFeatures) {
            features.put(split, splitFeatures);
            return this;
        }

        @Override
        public INDArray features(DatasetSplit split) {
            return features.get(split).dup();
        }
    }
}
