package org.wcl4j.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;

/**
 * Weighted k-nearest-neighbour accuracy on frozen features, the monitor of instance discrimination
 * (Wu, Xiong, Yu and Lin, "Unsupervised Feature Learning via Non-Parametric Instance
 * Discrimination", CVPR 2018, Sec. 3.4) used by most contrastive methods since.
 *
 * <p>The train split's features form the bank {@code [trainSize, dim]} and the test split's the
 * queries {@code [testSize, dim]}; both are L2-normalised. For each query the {@code k} bank rows
 * of highest cosine similarity (ties to the lower index; {@code k} clipped to the bank size) vote
 * for their class with weight {@code exp(similarity / temperature)}. Classes are ranked by summed
 * weight (ties to the lower class). A query counts for top-1 when its class ranks first and for
 * top-5 when it ranks among the first five of the classes that received votes, so a class without
 * votes never counts, however few classes were voted for.
 *
 * <p>Metrics, in percent of the test split: {@code top1}, {@code top5}. Similarities come from one
 * single-precision matrix product per {@code queryBatch} queries; weights are summed in double
 * precision.
 */
public final class KnnProtocol implements EvaluationProtocol {

    /** The registered name, also the {@link EvaluationResult#protocol()}. */
    public static final String NAME = "knn";

    private static final Logger LOG = LoggerFactory.getLogger(KnnProtocol.class);

    private static final double MIN_NORM = 1e-12;

    private final KnnSettings settings;

    /**
     * @param settings must have no {@link KnnSettings#problems()}
     * @throws IllegalArgumentException listing the problems otherwise
     */
    public KnnProtocol(KnnSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException("knn: invalid settings: " + settings.problems());
        }
        this.settings = settings;
    }

    /**
     * Classifies every test image by its neighbours among the train images.
     *
     * @return {@code top1} and {@code top5} accuracy in percent
     * @throws IllegalArgumentException when a split is empty, the features do not have one finite
     *     row per image, the two splits' feature sizes differ, or a label is out of range
     */
    @Override
    public EvaluationResult evaluate(FeatureExtractor extractor, Dataset dataset) {
        long start = System.nanoTime();
        DatasetSplit train = dataset.train();
        DatasetSplit test = dataset.test();
        int classCount = Math.max(train.classCount(), test.classCount());

        // Extract and normalise: the bank from the train split, the queries from the test split.
        INDArray bank = unitRows(extractor.features(train), train.size(), "train");
        INDArray queries = unitRows(extractor.features(test), test.size(), "test");
        if (bank.columns() != queries.columns()) {
            throw new IllegalArgumentException(
                    "knn: expected train and test features of one size, found "
                            + bank.columns()
                            + " and "
                            + queries.columns());
        }
        int[] bankLabels = labels(train, classCount, "train");
        int[] queryLabels = labels(test, classCount, "test");

        // Classify chunk by chunk: one matrix product, then top-k and votes per row.
        int bankSize = bank.rows();
        int k = Math.min(settings.k(), bankSize);
        int chunkRows = (int) Math.min(settings.queryBatch(), (Integer.MAX_VALUE - 8L) / bankSize);
        NeighbourHeap neighbours = new NeighbourHeap(k);
        double[] weights = new double[classCount];
        boolean[] voted = new boolean[classCount];
        int top1 = 0;
        int top5 = 0;
        for (int first = 0; first < queryLabels.length; first += chunkRows) {
            int rows = Math.min(chunkRows, queryLabels.length - first);
            INDArray chunk =
                    queries.get(NDArrayIndex.interval(first, first + rows), NDArrayIndex.all())
                            .dup('c');
            INDArray similarity = Nd4j.createUninitialized(DataType.FLOAT, rows, bankSize);
            Nd4j.gemm(chunk, bank, similarity, false, true, 1.0, 0.0);
            float[] values = similarity.data().asFloat();
            for (int row = 0; row < rows; row++) {
                neighbours.clear();
                int offset = row * bankSize;
                for (int j = 0; j < bankSize; j++) {
                    neighbours.offer(values[offset + j], j);
                }
                int rank =
                        rankOfTrueClass(
                                neighbours, bankLabels, queryLabels[first + row], weights, voted);
                if (rank == 0) {
                    top1++;
                }
                if (rank >= 0 && rank < 5) {
                    top5++;
                }
            }
        }

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("top1", 100.0 * top1 / queryLabels.length);
        metrics.put("top5", 100.0 * top5 / queryLabels.length);
        LOG.info(
                "knn: top-1 {}%, top-5 {}% for {} queries against {} references (k = {}) in {} ms",
                metrics.get("top1"),
                metrics.get("top5"),
                queryLabels.length,
                bankSize,
                k,
                (System.nanoTime() - start) / 1_000_000);
        return new EvaluationResult(NAME, metrics);
    }

    /**
     * Sums the neighbours' weighted votes and ranks the true class among the voted classes.
     *
     * @return 0 for the top class, 1 for the next, ...; -1 when the true class got no vote
     */
    private int rankOfTrueClass(
            NeighbourHeap neighbours,
            int[] bankLabels,
            int trueClass,
            double[] weights,
            boolean[] voted) {
        Arrays.fill(weights, 0.0);
        Arrays.fill(voted, false);
        for (int slot = 0; slot < neighbours.size(); slot++) {
            int label = bankLabels[neighbours.index(slot)];
            weights[label] += Math.exp(neighbours.similarity(slot) / settings.temperature());
            voted[label] = true;
        }
        if (!voted[trueClass]) {
            return -1;
        }
        int rank = 0;
        double own = weights[trueClass];
        for (int c = 0; c < weights.length; c++) {
            if (voted[c] && (weights[c] > own || (weights[c] == own && c < trueClass))) {
                rank++;
            }
        }
        return rank;
    }

    /** Checks the features of one split and divides every row by its L2 norm. */
    private static INDArray unitRows(INDArray features, int expectedRows, String split) {
        if (expectedRows == 0) {
            throw new IllegalArgumentException(
                    "knn: expected a non-empty " + split + " split, found no images");
        }
        if (features.rank() != 2 || features.rows() != expectedRows) {
            throw new IllegalArgumentException(
                    "knn: expected "
                            + split
                            + " features of shape ["
                            + expectedRows
                            + ", dim], one row per image, found "
                            + Arrays.toString(features.shape()));
        }
        INDArray rows = features.castTo(DataType.FLOAT);
        INDArray norms = rows.norm2(1);
        float[] normValues = norms.toFloatVector();
        for (int i = 0; i < normValues.length; i++) {
            if (!Float.isFinite(normValues[i])) {
                throw new IllegalArgumentException(
                        "knn: expected finite "
                                + split
                                + " features, found NaN, infinity or an overflowing norm in row "
                                + i
                                + "; the encoder has diverged");
            }
        }
        return rows.divColumnVector(
                Transforms.max(norms, MIN_NORM, false).reshape(normValues.length, 1));
    }

    private static int[] labels(DatasetSplit split, int classCount, String name) {
        int[] labels = new int[split.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = split.label(i);
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(
                        "knn: expected "
                                + name
                                + " labels in [0, "
                                + classCount
                                + "), found "
                                + labels[i]
                                + " at index "
                                + i);
            }
        }
        return labels;
    }
}
