package org.wcl4j.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;

/**
 * The linear evaluation of the WCL paper (Sec. 4.1, Table 1): a linear classifier trained on the
 * frozen encoder's pooled features of the whole train split, accuracy on the test split.
 *
 * <p>The encoder is only read: features come from the extractor, which runs it in inference mode,
 * so neither its weights nor its BatchNorm statistics change. Features are standardised with the
 * train split's per-dimension mean and deviation (an affine map a linear classifier could learn
 * itself; it lets one learning rate fit every encoder), then a {@link SoftmaxClassifier} is trained
 * with SGD, momentum 0.9, a cosine schedule and no weight decay. Unlike the paper, the classifier
 * sees each training image as stored, without random crops or flips, since the features are
 * computed once.
 *
 * <p>Metrics, in percent of the test split: {@code top1}, {@code top5} (the true class among the
 * five highest scores); and {@code train-loss}, the mean cross-entropy of the last epoch.
 */
public final class LinearProtocol implements EvaluationProtocol {

    /** The registered name, also the {@link EvaluationResult#protocol()}. */
    public static final String NAME = "linear";

    private static final Logger LOG = LoggerFactory.getLogger(LinearProtocol.class);

    private final LinearSettings settings;

    /**
     * @param settings must have no {@link LinearSettings#problems()}
     * @throws IllegalArgumentException listing the problems otherwise
     */
    public LinearProtocol(LinearSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException("linear: invalid settings: " + settings.problems());
        }
        this.settings = settings;
    }

    /**
     * Trains the classifier on the train split's features and tests it on the test split's.
     *
     * @return {@code top1}, {@code top5} in percent and {@code train-loss}
     * @throws IllegalArgumentException when a split is empty, the features are not one finite row
     *     per image, the splits' feature sizes differ, or a label is out of range
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        long start = System.nanoTime();
        // frozen features of both splits, standardised with the train split's moments
        TrainTestFeatures features = TrainTestFeatures.of(dataset, extractor::features, NAME);
        LabelledFeatures train = features.train();
        LabelledFeatures test = features.test();
        if (train.dim() != test.dim()) {
            throw new IllegalArgumentException(
                    "linear: expected train and test features of one size, found "
                            + train.dim()
                            + " and "
                            + test.dim());
        }
        TrainTestFeatures standard = features.standardised();

        // train the classifier, then test it
        SoftmaxClassifier classifier = SoftmaxClassifier.train(standard.train(), schedule(), NAME);
        double[] accuracy = classifier.accuracy(standard.test());

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("top1", accuracy[0]);
        metrics.put("top5", accuracy[1]);
        metrics.put("train-loss", classifier.lastEpochLoss());
        LOG.info(
                "linear: top-1 {}%, top-5 {}% on {} test images after {} epochs on {} in {} ms",
                accuracy[0],
                accuracy[1],
                test.size(),
                settings.epochs(),
                train.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new EvaluationResult(NAME, metrics);
    }

    private SoftmaxClassifier.Schedule schedule() {
        return new SoftmaxClassifier.Schedule(
                settings.epochs(),
                settings.batchSize(),
                settings.learningRate(),
                settings.momentum(),
                settings.seed());
    }
}
