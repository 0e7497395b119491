package org.wcl4j.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTunedClassifier;
import org.wcl4j.api.eval.FineTuner;

/**
 * Classification from a few labels (the WCL paper's semi-supervised table, Sec. 4.2): for each
 * fraction, a class-balanced subset of the train split keeps its labels, a classifier is trained on
 * that subset and tested on the test split.
 *
 * <p>A fraction of {@code p} percent keeps {@code max(1, round(p / 100 * trainSize / classes))}
 * images of every class, drawn by the seed ({@link ClassSubsets}), so that the same seed gives
 * every run the same images. Two modes:
 *
 * <ul>
 *   <li>{@code fine-tune} (default, the paper's protocol after SimCLR): the extractor's {@link
 *       FineTuner} trains a copy of the whole network, from the pooled features or from a head
 *       vertex ({@code layer}) with a new linear softmax classifier on top, on the labelled images;
 *       the test split is scored in inference mode. The trained network itself is not changed.
 *   <li>{@code linear}: the frozen features at {@code layer} are standardised with the moments of
 *       the whole train split (its images are available, only their labels are not), then a {@link
 *       SoftmaxClassifier} is trained on the subset's features as in {@link LinearProtocol}.
 * </ul>
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
     * @throws IllegalArgumentException when a split is empty, the features or scores are not one
     *     finite row per image, a class has fewer images than a fraction asks for, or {@code
     *     fine-tune} mode is asked of an extractor without a network to fine-tune
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        if (settings.mode().equals(SemiSupervisedSettings.LINEAR)) {
            return linear(extractor, dataset);
        }
        FineTuner fineTuner =
                extractor
                        .fineTuner()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "semi-supervised: mode fine-tune expected features"
                                                        + " from a network it can fine-tune, found"
                                                        + " features without one; set"
                                                        + " mode=linear"));
        DatasetSplit train = dataset.train();
        DatasetSplit test = dataset.test();
        int classCount = Math.max(train.classCount(), test.classCount());
        int[] trainLabels = labels(train, classCount, "train");
        int[] testLabels = labels(test, classCount, "test");

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (double percent : settings.percents()) {
            // the labelled subset, then a fine-tuned copy of the network on it
            int perClass = perClass(percent, train.size(), classCount);
            int[] subset =
                    ClassSubsets.draw(trainLabels, classCount, perClass, settings.seed(), true);
            FineTunedClassifier classifier =
                    fineTuner.fineTune(train, subset, settings.fineTuneSettings());
            double[] accuracy = accuracy(classifier.scores(test), testLabels);
            record(metrics, arrays, percent, subset, accuracy, perClass);
        }
        return new EvaluationResult(NAME, metrics, arrays);
    }

    private EvaluationResult linear(FeatureExtractor extractor, Dataset dataset) {
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
            // the labelled subset, then a classifier on its frozen features
            int perClass = perClass(percent, train.size(), classCount);
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
            record(metrics, arrays, percent, subset, classifier.accuracy(standardTest), perClass);
        }
        return new EvaluationResult(NAME, metrics, arrays);
    }

    private static int perClass(double percent, int trainSize, int classCount) {
        return (int) Math.max(1, Math.round(percent / 100 * trainSize / classCount));
    }

    private void record(
            Map<String, Double> metrics,
            Map<String, INDArray> arrays,
            double percent,
            int[] subset,
            double[] accuracy,
            int perClass) {
        String label = format(percent);
        metrics.put(label + "%/top1", accuracy[0]);
        metrics.put(label + "%/top5", accuracy[1]);
        arrays.put("subset-" + label.replace('.', '_'), Nd4j.createFromArray(subset));
        LOG.info(
                "semi-supervised ({}): {}% of the labels ({} per class): top-1 {}%, top-5 {}%",
                settings.mode(), label, perClass, accuracy[0], accuracy[1]);
    }

    /** The labels of a split, checked against the class count. */
    private static int[] labels(DatasetSplit split, int classCount, String name) {
        if (split.size() == 0) {
            throw new IllegalArgumentException(
                    NAME + ": expected images in the " + name + " split, found none");
        }
        int[] labels = new int[split.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = split.label(i);
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(
                        NAME
                                + ": expected labels in [0, "
                                + classCount
                                + ") in the "
                                + name
                                + " split, found "
                                + labels[i]
                                + " at image "
                                + i);
            }
        }
        return labels;
    }

    /**
     * Top-1 and top-5 accuracy in percent from class scores {@code [n, classes]}: the rank of the
     * true class among the classes by decreasing score, ties to the lower class, as {@link
     * SoftmaxClassifier} counts it.
     */
    static double[] accuracy(INDArray scores, int[] labels) {
        if (scores.rank() != 2 || scores.size(0) != labels.length) {
            throw new IllegalArgumentException(
                    NAME
                            + ": expected one row of class scores per image of the test split ("
                            + labels.length
                            + "), found shape "
                            + Arrays.toString(scores.shape()));
        }
        double[][] rows = scores.castTo(DataType.DOUBLE).toDoubleMatrix();
        int top1 = 0;
        int top5 = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] z = rows[i];
            int label = labels[i];
            if (label >= z.length) {
                throw new IllegalArgumentException(
                        NAME
                                + ": expected a score for class "
                                + label
                                + ", found "
                                + z.length
                                + " scores");
            }
            int rank = 0;
            for (int c = 0; c < z.length; c++) {
                if (!Double.isFinite(z[c])) {
                    throw new IllegalArgumentException(
                            NAME
                                    + ": expected finite class scores, found "
                                    + z[c]
                                    + " for image "
                                    + i);
                }
                if (z[c] > z[label] || (z[c] == z[label] && c < label)) {
                    rank++;
                }
            }
            top1 += rank == 0 ? 1 : 0;
            top5 += rank < 5 ? 1 : 0;
        }
        return new double[] {100.0 * top1 / rows.length, 100.0 * top5 / rows.length};
    }

    /** {@code 1} for 1.0, {@code 0.5} for 0.5. */
    static String format(double percent) {
        return percent == Math.rint(percent)
                ? Long.toString((long) percent)
                : String.format(Locale.ROOT, "%s", percent);
    }
}
