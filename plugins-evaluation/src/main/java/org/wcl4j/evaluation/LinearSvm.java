package org.wcl4j.evaluation;

import java.util.SplittableRandom;

/**
 * A one-vs-rest linear support vector machine: for each class {@code c}, {@code min_w 1/2 |w|^2 + C
 * sum_i max(0, 1 - y_i w . [x_i, 1])} with {@code y_i = +1} for class {@code c} and {@code -1}
 * otherwise (the bias is the last weight, regularised with the others, as in LIBLINEAR). Solved in
 * the dual by coordinate descent (Hsieh, Chang, Lin, Keerthi and Sundararajan, "A Dual Coordinate
 * Descent Method for Large-scale Linear SVM", ICML 2008, Algorithm 1): each step minimises the dual
 * exactly in one {@code alpha_i in [0, C]} and keeps {@code w = sum_i alpha_i y_i x_i} up to date.
 * Passes visit the rows in a seeded random order until no projected gradient of a pass exceeds
 * {@code tolerance} in size (every optimality condition holds to that precision), or {@code
 * maxPasses} passes. A row is predicted as the class of highest score {@code w_c . [x, 1]}.
 */
final class LinearSvm {

    private final int classes;
    private final int dim;
    private final double[][] weights;

    private LinearSvm(double[][] weights, int dim) {
        this.classes = weights.length;
        this.dim = dim;
        this.weights = weights;
    }

    /**
     * Trains one binary machine per class.
     *
     * @param cost the hinge-loss weight {@code C}, positive
     */
    static LinearSvm train(
            LabelledFeatures data, double cost, double tolerance, int maxPasses, long seed) {
        int n = data.size();
        int dim = data.dim();
        float[] x = data.values();
        double[] squaredNorms = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 1; // the bias feature
            for (int d = 0; d < dim; d++) {
                sum += (double) x[i * dim + d] * x[i * dim + d];
            }
            squaredNorms[i] = sum;
        }
        double[][] weights = new double[data.classCount()][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < weights.length; c++) {
            weights[c] = binary(data, c, cost, tolerance, maxPasses, squaredNorms, random.split());
        }
        return new LinearSvm(weights, dim);
    }

    /** The weights {@code [dim + 1]} (bias last) of class {@code positive} against the rest. */
    private static double[] binary(
            LabelledFeatures data,
            int positive,
            double cost,
            double tolerance,
            int maxPasses,
            double[] squaredNorms,
            SplittableRandom random) {
        int n = data.size();
        int dim = data.dim();
        float[] x = data.values();
        double[] w = new double[dim + 1];
        double[] alpha = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int pass = 0; pass < maxPasses; pass++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double violation = 0;
            for (int i : order) {
                double y = data.labels()[i] == positive ? 1 : -1;
                int offset = i * dim;

                // gradient of the dual in alpha_i, projected onto the box [0, C]
                double score = w[dim];
                for (int d = 0; d < dim; d++) {
                    score += w[d] * x[offset + d];
                }
                double gradient = y * score - 1;
                double projected = gradient;
                if (alpha[i] == 0) {
                    projected = Math.min(gradient, 0);
                } else if (alpha[i] == cost) {
                    projected = Math.max(gradient, 0);
                }
                violation = Math.max(violation, Math.abs(projected));

                // exact minimisation in alpha_i, then the matching change of w
                if (projected != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - gradient / squaredNorms[i], 0), cost);
                    double step = (alpha[i] - old) * y;
                    for (int d = 0; d < dim; d++) {
                        w[d] += step * x[offset + d];
                    }
                    w[dim] += step;
                }
            }
            if (violation < tolerance) {
                break;
            }
        }
        return w;
    }

    /** The weights of class {@code c} against the rest, bias last; a copy. */
    double[] weights(int c) {
        return weights[c].clone();
    }

    /** The class of highest score for row {@code row} (ties to the lower class). */
    int predict(LabelledFeatures data, int row) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double score = weights[c][dim];
            for (int d = 0; d < dim; d++) {
                score += weights[c][d] * data.values()[row * dim + d];
            }
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Top-1 accuracy on {@code data}, in percent. */
    double accuracy(LabelledFeatures data) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += predict(data, i) == data.labels()[i] ? 1 : 0;
        }
        return 100.0 * correct / data.size();
    }
}
