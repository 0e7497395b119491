package org.wcl4j.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A linear classifier on frozen features, {@code z = W x + b} with {@code W [classes, dim]},
 * trained on the softmax cross-entropy {@code -log(exp(z_y) / sum_c exp(z_c))} by mini-batch SGD
 * with momentum ({@code v = momentum * v + g; w = w - rate * v}, PyTorch's convention), no weight
 * decay, and a cosine rate {@code rate_t = rate_0 * (1 + cos(pi * t / T)) / 2} over all {@code T}
 * steps. Weights start at zero, so training depends only on the data, the settings and the seed
 * that orders the batches (the last batch of an epoch may be smaller).
 *
 * <p>Plain Java in double precision; {@link #rankOfTrueClass} gives the ranks top-k accuracies are
 * counted from.
 */
final class SoftmaxClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(SoftmaxClassifier.class);

    /**
     * How to train.
     *
     * @param epochs passes over the data
     * @param batchSize rows per step
     * @param learningRate the initial rate of the cosine schedule
     * @param momentum SGD momentum
     * @param seed orders the rows of every epoch
     */
    record Schedule(int epochs, int batchSize, double learningRate, double momentum, long seed) {

        /**
         * Adds to {@code problems} one message per setting of a schedule out of range: {@code
         * epochs} in {@code [1, 10000]}, {@code batchSize} positive, {@code learningRate} in {@code
         * (0, 100]}; the checks every protocol that trains this classifier makes of its settings.
         */
        static void checkSettings(
                List<String> problems, int epochs, int batchSize, double learningRate) {
            if (epochs < 1 || epochs > 10_000) {
                problems.add("epochs: expected a value in [1, 10000], found " + epochs);
            }
            if (batchSize < 1) {
                problems.add(
                        "batchSize: expected a positive number of features, found " + batchSize);
            }
            if (!(learningRate > 0 && learningRate <= 100)) {
                problems.add("learningRate: expected a value in (0, 100], found " + learningRate);
            }
        }
    }

    private final int classes;
    private final int dim;
    private final double[] weights;
    private final double[] bias;
    private double lastEpochLoss = Double.NaN;

    private SoftmaxClassifier(int classes, int dim) {
        this.classes = classes;
        this.dim = dim;
        this.weights = new double[classes * dim];
        this.bias = new double[classes];
    }

    /**
     * Trains a classifier on {@code data}.
     *
     * @param name names the protocol in the log's progress lines
     */
    static SoftmaxClassifier train(LabelledFeatures data, Schedule schedule, String name) {
        SoftmaxClassifier model = new SoftmaxClassifier(data.classCount(), data.dim());
        int n = data.size();
        int batch = Math.min(schedule.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        long totalSteps = (long) stepsPerEpoch * schedule.epochs();
        double[] velocityW = new double[model.weights.length];
        double[] velocityB = new double[model.classes];
        double[] gradW = new double[model.weights.length];
        double[] gradB = new double[model.classes];
        double[] p = new double[model.classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(schedule.seed());
        int logEvery = Math.max(1, schedule.epochs() / 10);
        long step = 0;
        for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            for (int first = 0; first < n; first += batch) {
                int last = Math.min(n, first + batch);
                double rate =
                        schedule.learningRate()
                                * 0.5
                                * (1 + Math.cos(Math.PI * step / (double) totalSteps));

                // gradient of the mean cross-entropy over the batch
                Arrays.fill(gradW, 0);
                Arrays.fill(gradB, 0);
                for (int r = first; r < last; r++) {
                    int row = order[r];
                    int offset = row * model.dim;
                    int label = data.labels()[row];
                    lossSum += model.probabilities(data.values(), offset, p, label);
                    p[label] -= 1;
                    for (int c = 0; c < model.classes; c++) {
                        double g = p[c];
                        gradB[c] += g;
                        int base = c * model.dim;
                        for (int d = 0; d < model.dim; d++) {
                            gradW[base + d] += g * data.values()[offset + d];
                        }
                    }
                }

                // momentum step
                double scale = 1.0 / (last - first);
                for (int k = 0; k < gradW.length; k++) {
                    velocityW[k] = schedule.momentum() * velocityW[k] + gradW[k] * scale;
                    model.weights[k] -= rate * velocityW[k];
                }
                for (int c = 0; c < model.classes; c++) {
                    velocityB[c] = schedule.momentum() * velocityB[c] + gradB[c] * scale;
                    model.bias[c] -= rate * velocityB[c];
                }
                step++;
            }
            model.lastEpochLoss = lossSum / n;
            if ((epoch + 1) % logEvery == 0 || epoch + 1 == schedule.epochs()) {
                LOG.info(
                        "{}: epoch {}/{}, mean cross-entropy {}",
                        name,
                        epoch + 1,
                        schedule.epochs(),
                        String.format(Locale.ROOT, "%.4f", model.lastEpochLoss));
            }
        }
        return model;
    }

    /** The mean cross-entropy of the last training epoch. */
    double lastEpochLoss() {
        return lastEpochLoss;
    }

    /**
     * The rank of row {@code row}'s true class among the classes ordered by decreasing score (ties
     * to the lower class): 0 when it is predicted, below 5 when it is in the top five.
     */
    int rankOfTrueClass(LabelledFeatures data, int row) {
        double[] z = new double[classes];
        scores(data.values(), row * dim, z);
        int label = data.labels()[row];
        int rank = 0;
        for (int c = 0; c < classes; c++) {
            if (z[c] > z[label] || (z[c] == z[label] && c < label)) {
                rank++;
            }
        }
        return rank;
    }

    /** Top-1 and top-5 accuracy on {@code data}, in percent. */
    double[] accuracy(LabelledFeatures data) {
        int top1 = 0;
        int top5 = 0;
        for (int i = 0; i < data.size(); i++) {
            int rank = rankOfTrueClass(data, i);
            top1 += rank == 0 ? 1 : 0;
            top5 += rank < 5 ? 1 : 0;
        }
        return new double[] {100.0 * top1 / data.size(), 100.0 * top5 / data.size()};
    }

    /** The scores {@code W x + b} of row {@code row} of {@code data}, one per class. */
    double[] scores(LabelledFeatures data, int row) {
        double[] z = new double[classes];
        scores(data.values(), row * dim, z);
        return z;
    }

    /** The scores {@code W x + b} of the row at {@code offset}. */
    private void scores(float[] values, int offset, double[] z) {
        for (int c = 0; c < classes; c++) {
            double sum = bias[c];
            int base = c * dim;
            for (int d = 0; d < dim; d++) {
                sum += weights[base + d] * values[offset + d];
            }
            z[c] = sum;
        }
    }

    /** Fills {@code p} with the softmax of the row's scores; returns its cross-entropy. */
    private double probabilities(float[] values, int offset, double[] p, int label) {
        scores(values, offset, p);
        double trueScore = p[label];
        double max = Double.NEGATIVE_INFINITY;
        for (double z : p) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        double logSum = Math.log(sum) + max;
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        return logSum - trueScore;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
