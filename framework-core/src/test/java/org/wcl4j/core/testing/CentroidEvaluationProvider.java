package org.wcl4j.core.testing;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.plugin.NoSettings;

/** {@code centroid}: accuracy (percent) of the nearest class centroid of training features. */
public final class CentroidEvaluationProvider implements EvaluationProtocolProvider<NoSettings> {

    @Override
    public String name() {
        return "centroid";
    }

    @Override
    public String description() {
        return "test double: nearest class centroid";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public EvaluationProtocol create(NoSettings settings) {
        return (extractor, dataset) -> {
            DatasetSplit train = dataset.train();
            DatasetSplit test = dataset.test();
            INDArray trainFeatures = extractor.features(train);
            INDArray testFeatures = extractor.features(test);
            int classes = train.classCount();
            int dim = (int) trainFeatures.size(1);
            double[][] centroids = new double[classes][dim];
            int[] counts = new int[classes];
            for (int i = 0; i < train.size(); i++) {
                counts[train.label(i)]++;
                for (int d = 0; d < dim; d++) {
                    centroids[train.label(i)][d] += trainFeatures.getDouble(i, d);
                }
            }
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double distance = 0;
                    for (int d = 0; d < dim; d++) {
                        double delta =
                                testFeatures.getDouble(i, d)
                                        - centroids[c][d] / Math.max(1, counts[c]);
                        distance += delta * delta;
                    }
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                correct += best == test.label(i) ? 1 : 0;
            }
            return new EvaluationResult("centroid", Map.of("top1", 100.0 * correct / test.size()));
        };
    }
}
