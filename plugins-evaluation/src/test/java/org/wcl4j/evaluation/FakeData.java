package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTunedClassifier;
import org.wcl4j.api.eval.FineTuner;

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
        private final List<int[]> subsets = new ArrayList<>();

        FixedFeatures with(DatasetSplit split, INDArray splitFeatures) {
            features.put(split, splitFeatures);
            return this;
        }

        @Override
        public INDArray features(DatasetSplit split) {
            return features.get(split).dup();
        }

        /**
         * Fine-tuning of an encoder without parameters: the features are fixed, so only the
         * classifier on top learns ({@link SoftmaxClassifier}, with the settings' epochs, batch
         * size, rate, momentum and seed). Remembers the labelled indices of each call.
         */
        @Override
        public Optional<FineTuner> fineTuner() {
            return Optional.of(
                    (split, labelled, settings) -> {
                        subsets.add(labelled.clone());
                        LabelledFeatures train =
                                LabelledFeatures.of(
                                        features(split),
                                        split,
                                        split.classCount(),
                                        "fixed",
                                        "train");
                        SoftmaxClassifier classifier =
                                SoftmaxClassifier.train(
                                        train.rows(labelled),
                                        new SoftmaxClassifier.Schedule(
                                                settings.epochs(),
                                                settings.batchSize(),
                                                settings.learningRate(),
                                                settings.momentum(),
                                                settings.seed()),
                                        "fixed");
                        return new FineTunedClassifier() {
                            @Override
                            public INDArray scores(DatasetSplit other) {
                                LabelledFeatures data =
                                        LabelledFeatures.of(
                                                features(other),
                                                other,
                                                split.classCount(),
                                                "fixed",
                                                "test");
                                double[][] rows = new double[data.size()][];
                                for (int i = 0; i < rows.length; i++) {
                                    rows[i] = classifier.scores(data, i);
                                }
                                return Nd4j.create(rows);
                            }

                            @Override
                            public double trainLoss() {
                                return classifier.lastEpochLoss();
                            }
                        };
                    });
        }

        /** The labelled indices of every fine-tuning so far, in call order. */
        List<int[]> subsets() {
            return subsets;
        }
    }
}
