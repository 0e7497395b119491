package org.wcl4j.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;

/**
 * A 2-D t-SNE map of the frozen features of test images, a few hundred per class (the WCL paper's
 * Figure 4), computed exactly by {@link Tsne}.
 *
 * <p>{@code perClass} test images of every class are drawn by the seed ({@link ClassSubsets});
 * their features, scaled to unit length when {@code normalise} is set, are mapped to the plane. The
 * result's arrays are the map ({@link EvaluationResult#POINTS}, {@code [n, 2]}), the classes
 * ({@link EvaluationResult#POINT_LABELS}, {@code [n]}) and the test-split indices drawn ({@code
 * indices}, {@code [n]}). Metrics: {@code map-agreement}, the percentage of points whose nearest
 * other point on the map has their class; {@code feature-agreement}, the same among the features
 * (how much of it the map keeps); {@code kl}, the final {@code KL(P || Q)}.
 */
public final class TsneProtocol implements EvaluationProtocol {

    /** The registered name, also the {@link EvaluationResult#protocol()}. */
    public static final String NAME = "tsne";

    private static final Logger LOG = LoggerFactory.getLogger(TsneProtocol.class);

    private final TsneSettings settings;

    /**
     * @param settings must have no {@link TsneSettings#problems()}
     * @throws IllegalArgumentException listing the problems otherwise
     */
    public TsneProtocol(TsneSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException("tsne: invalid settings: " + settings.problems());
        }
        this.settings = settings;
    }

    /**
     * Maps the features of the drawn test images.
     *
     * @throws IllegalArgumentException when the test split is empty, its features are not one
     *     finite row per image, or fewer images are drawn than the perplexity needs
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        long start = System.nanoTime();
        DatasetSplit split = dataset.test();

        // draw the images and take their features
        LabelledFeatures all =
                LabelledFeatures.of(
                        extractor.features(split), split, split.classCount(), NAME, "test");
        int[] indices =
                ClassSubsets.draw(
                        all.labels(),
                        all.classCount(),
                        settings.perClass(),
                        settings.seed(),
                        false);
        LabelledFeatures drawn = all.rows(indices);
        double[][] points = new double[drawn.size()][drawn.dim()];
        for (int i = 0; i < points.length; i++) {
            double norm = 0;
            for (int d = 0; d < drawn.dim(); d++) {
                points[i][d] = drawn.values()[i * drawn.dim() + d];
                norm += points[i][d] * points[i][d];
            }
            if (settings.normalise()) {
                double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
                for (int d = 0; d < drawn.dim(); d++) {
                    points[i][d] *= scale;
                }
            }
        }

        // map them
        Tsne.Options options =
                new Tsne.Options(
                        settings.perplexity(),
                        settings.iterations(),
                        settings.learningRate(),
                        settings.exaggeration(),
                        settings.exaggerationIterations(),
                        settings.seed());
        Tsne.Map2d computed = Tsne.embed(points, options);
        double[][] map = computed.points();
        double kl = computed.divergence();

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("map-agreement", agreement(map, drawn.labels()));
        metrics.put("feature-agreement", agreement(points, drawn.labels()));
        metrics.put("kl", kl);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put(EvaluationResult.POINTS, Nd4j.create(map));
        arrays.put(EvaluationResult.POINT_LABELS, Nd4j.createFromArray(drawn.labels()));
        arrays.put("indices", Nd4j.createFromArray(indices));
        LOG.info(
                "tsne: {} points, map agreement {}%, KL {} in {} ms",
                map.length,
                metrics.get("map-agreement"),
                kl,
                (System.nanoTime() - start) / 1_000_000);
        return new EvaluationResult(NAME, metrics, arrays);
    }

    /**
     * The percentage of points whose nearest other point (squared Euclidean distance, ties to the
     * lower index) has the same label.
     */
    static double agreement(double[][] points, int[] labels) {
        double[][] distances = Tsne.squaredDistances(points);
        int agree = 0;
        for (int i = 0; i < points.length; i++) {
            int nearest = -1;
            for (int j = 0; j < points.length; j++) {
                if (j != i && (nearest < 0 || distances[i][j] < distances[i][nearest])) {
                    nearest = j;
                }
            }
            agree += nearest >= 0 && labels[nearest] == labels[i] ? 1 : 0;
        }
        return 100.0 * agree / points.length;
    }
}
