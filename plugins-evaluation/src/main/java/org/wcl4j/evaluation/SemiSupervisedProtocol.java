package org.wcl4j.evaluation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;

/**
 * Classification from a few labels (the WCL paper's semi-supervised table, Sec. 4.2): for each
 * fraction, a class-balanced subset of the train split keeps its labels, and a linear classifier on
 * the frozen features of that subset is tested on the test split. The features are the encoder's
 * pooled ones, or, with {@code layer}, the output of a head's vertex such as the first layer of the
 * projection head (the paper's second setting).
 *
 * <p>A fraction of {@code p} percent keeps {@code max(1, round(p / 100 * trainSize / classes))}
 * images of every class, drawn by the seed ({@link ClassSubsets}), so that the same seed gives
 * every run the same images. Features are standardised with the moments of the whole train split
 * (its images are available, only their labels are not), then a {@link SoftmaxClassifier} is
 * trained as in {@link LinearProtocol}.
 *
 * <p>Metrics per fraction, in percent of the test split: {@code <p>%/top1}, {@code <p>%/top5}.
 * Arrays: {@code subset-<p>}, the train-split indices that kept their labels, so they can be saved
 * beside the results.
 */
public final class SemiSupervisedProtocol implements EvaluationProtocol {

    /** The registered name, also the {@link EvaluationResult#protocol()}. */
    public static final String NAME = "semi-supervised";

    private static final Logger LOG = LoggerFactory.getLogger(SemiSupervisedProtocol.class);

    private final SemiSupervisedSettings settings;

    /**
     * @param settings must have no {@link SemiSupervisedSettings#problems()}
     * @throws IllegalArgumentException listing the problems otherwise
     */
    public SemiSupervisedProtocol(SemiSupervisedSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(
                    "semi-supervised: invalid settings: " + settings.problems());
        }
        this.settings = settings;
    }

    /**
     * Trains one classifier per fraction and tests each.
     *
     * @throws IllegalArgumentException when a split is empty, the features are not one finite row
     *     per image, or a class has fewer images than a fraction asks for
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        TrainTestFeatures features =
                TrainTestFeatures.of(
                        dataset, split -> extractor.features(split, settings.layer()), NAME);
        LabelledFeatures train = features.train();
        int classCount = train.classCount();
        TrainTestFeatures standard = features.standardised();
        LabelledFeatures standardTrain = standard.train();
        LabelledFeatures standardTest = standard.test();

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (double percent : settings.percents()) {
            // the labelled subset, then a classifier on it
            int perClass = (int) Math.max(1, Math.round(percent / 100 * train.size() / classCount));
            int[] subset =
                    ClassSubsets.draw(train.labels(), classCount, perClass, settings.seed(), true);
            SoftmaxClassifier classifier =
                    SoftmaxClassifier.train(
                            standardTrain.rows(subset),
                            new SoftmaxClassifier.Schedule(
                                    settings.epochs(),
                                    settings.batchSize(),
                                    settings.learningRate(),
                                    0.9,
                                    settings.seed()),
                            NAME);
            double[] accuracy = classifier.accuracy(standardTest);

            String label = format(percent);
            metrics.put(label + "%/top1", accuracy[0]);
            metrics.put(label + "%/top5", accuracy[1]);
            arrays.put("subset-" + label.replace('.', '_'), Nd4j.createFromArray(subset));
            LOG.info(
                    "semi-supervised: {}% of the labels ({} per class): top-1 {}%, top-5 {}%",
                    label, perClass, accuracy[0], accuracy[1]);
        }
        return new EvaluationResult(NAME, metrics, arrays);
    }

    /** {@code 1} for 1.0, {@code 0.5} for 0.5. */
    static String format(double percent) {
        return percent == Math.rint(percent)
                ? Long.toString((long) percent)
                : String.format(Locale.ROOT, "%s", percent);
    }
}
