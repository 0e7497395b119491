package org.wcl4j.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;

/**
 * Few-shot transfer with a linear SVM on frozen features: for each {@code k} of {@code shots}, a
 * one-vs-rest {@link LinearSvm} is trained on {@code k} labelled train images of every class and
 * tested on the whole test split; {@code draws} subsets (drawn by the seed, {@link ClassSubsets})
 * give the mean and the spread. With {@code full}, one more machine is trained on the whole train
 * split. Features are standardised with the moments of the whole train split.
 *
 * <p>Metrics, top-1 in percent of the test split: {@code k<k>/mean} and {@code k<k>/std} (sample
 * standard deviation over the draws, 0 for one draw) per {@code k}; {@code full} for the whole
 * split.
 */
public final class FewShotProtocol implements EvaluationProtocol {

    /** The registered name, also the {@link EvaluationResult#protocol()}. */
    public static final String NAME = "few-shot";

    private static final Logger LOG = LoggerFactory.getLogger(FewShotProtocol.class);

    /** The largest projected gradient at which a machine counts as trained. */
    private static final double TOLERANCE = 0.1;

    private final FewShotSettings settings;

    /**
     * @param settings must have no {@link FewShotSettings#problems()}
     * @throws IllegalArgumentException listing the problems otherwise
     */
    public FewShotProtocol(FewShotSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(
                    "few-shot: invalid settings: " + settings.problems());
        }
        this.settings = settings;
    }

    /**
     * Trains and tests the machines of every {@code k}.
     *
     * @throws IllegalArgumentException when a split is empty, the features are not one finite row
     *     per image, or a class of the train split has fewer than {@code k} images
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        TrainTestFeatures features = TrainTestFeatures.of(dataset, extractor::features, NAME);
        LabelledFeatures train = features.train();
        int classCount = train.classCount();
        requireShots(train);
        TrainTestFeatures standard = features.standardised();
        LabelledFeatures standardTrain = standard.train();
        LabelledFeatures standardTest = standard.test();

        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : settings.shots()) {
            DescriptiveStatistics accuracy = new DescriptiveStatistics();
            for (int draw = 0; draw < settings.draws(); draw++) {
                // its own subset per draw, the same on every call
                long seed = settings.seed() * 1_000_003L + 7919L * k + draw;
                int[] subset = ClassSubsets.draw(train.labels(), classCount, k, seed, true);
                LinearSvm svm =
                        LinearSvm.train(
                                standardTrain.rows(subset),
                                settings.cost(),
                                TOLERANCE,
                                settings.maxPasses(),
                                seed);
                accuracy.addValue(svm.accuracy(standardTest));
            }
            metrics.put("k" + k + "/mean", accuracy.getMean());
            metrics.put(
                    "k" + k + "/std", accuracy.getN() > 1 ? accuracy.getStandardDeviation() : 0);
            LOG.info(
                    "few-shot: k = {}: top-1 {}% +- {} over {} draws",
                    k, accuracy.getMean(), metrics.get("k" + k + "/std"), settings.draws());
        }
        if (settings.full()) {
            LinearSvm svm =
                    LinearSvm.train(
                            standardTrain,
                            settings.cost(),
                            TOLERANCE,
                            settings.maxPasses(),
                            settings.seed());
            metrics.put("full", svm.accuracy(standardTest));
            LOG.info("few-shot: all {} train images: top-1 {}%", train.size(), metrics.get("full"));
        }
        return new EvaluationResult(NAME, metrics);
    }

    /** Fails, naming the class and what to do, when a class has fewer images than some k. */
    private void requireShots(LabelledFeatures train) {
        int[] perClass = new int[train.classCount()];
        for (int label : train.labels()) {
            perClass[label]++;
        }
        int largest = settings.shots().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] > 0 && perClass[c] < largest) {
                throw new IllegalArgumentException(
                        "few-shot: expected at least k = "
                                + largest
                                + " train images of every class, found "
                                + perClass[c]
                                + " of class "
                                + c
                                + "; drop the larger values from 'shots' or train on more"
                                + " images");
            }
        }
    }
}
