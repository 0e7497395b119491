package org.wcl4j.evaluation;

import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact t-SNE (van der Maaten and Hinton, "Visualizing Data using t-SNE", JMLR 2008): a map of
 * {@code n} points in the plane whose neighbourhoods match those of the input points. Every pair is
 * computed, {@code O(n^2)} time and memory per iteration, which suits the few thousand points of a
 * figure.
 *
 * <ol>
 *   <li>Input affinities (Eq. 1): {@code p_j|i = exp(-beta_i d_ij) / sum_k exp(-beta_i d_ik)} with
 *       {@code d_ij} the squared Euclidean distance and {@code beta_i} found by bisection so that
 *       the entropy of {@code p_.|i} is {@code log(perplexity)} (natural logarithm); then {@code
 *       p_ij = (p_j|i + p_i|j) / 2n}.
 *   <li>Map affinities (Eq. 4): {@code q_ij = (1 + |y_i - y_j|^2)^-1 / sum_k!=l (1 + |y_k -
 *       y_l|^2)^-1}, a Student-t kernel with one degree of freedom.
 *   <li>Gradient descent on {@code KL(P || Q)} (gradient Eq. 5: {@code 4 sum_j (p_ij - q_ij) (y_i -
 *       y_j) / (1 + |y_i - y_j|^2)}) from Gaussian points of deviation {@code 1e-4}, with {@code P}
 *       multiplied by the early exaggeration for the first iterations, momentum 0.5 until then and
 *       0.8 after, and per-coordinate adaptive gains (grow by 0.2 when the gradient changes sign
 *       against the last step, shrink by 0.8 otherwise, at least 0.01), as in the paper's reference
 *       implementation. The map is centred after every step.
 * </ol>
 *
 * <p>Deterministic for a seed: rows are computed in parallel, but every sum runs in a fixed order.
 */
final class Tsne {

    private static final Logger LOG = LoggerFactory.getLogger(Tsne.class);

    private static final double MIN_AFFINITY = 1e-12;

    /**
     * How to compute a map.
     *
     * @param perplexity effective number of neighbours of each point, below {@code n - 1}
     * @param iterations gradient steps
     * @param learningRate step size
     * @param exaggeration factor on {@code P} during the first {@code exaggerationIterations}
     * @param exaggerationIterations steps with exaggeration and momentum 0.5
     * @param seed draws the starting map
     */
    record Options(
            double perplexity,
            int iterations,
            double learningRate,
            double exaggeration,
            int exaggerationIterations,
            long seed) {}

    /**
     * A computed map.
     *
     * @param points {@code [n][2]}
     * @param divergence its final {@code KL(P || Q)}, without exaggeration
     */
    record Map2d(double[][] points, double divergence) {}

    private Tsne() {}

    /**
     * The 2-D map of {@code points}.
     *
     * @param points {@code [n][dim]}, at least {@code perplexity + 2} rows
     */
    static Map2d embed(double[][] points, Options options) {
        int n = points.length;
        if (n < options.perplexity() + 2) {
            throw new IllegalArgumentException(
                    "tsne: expected more points than the perplexity + 1 ("
                            + options.perplexity()
                            + " + 1), found "
                            + n
                            + "; lower the perplexity or draw more points");
        }
        double[][] p = jointAffinities(squaredDistances(points), options.perplexity());

        // starting map: small Gaussian points
        Random random = new Random(options.seed());
        double[][] y = new double[n][2];
        for (double[] row : y) {
            row[0] = 1e-4 * random.nextGaussian();
            row[1] = 1e-4 * random.nextGaussian();
        }
        double[][] update = new double[n][2];
        double[][] gains = new double[n][2];
        for (double[] row : gains) {
            row[0] = 1;
            row[1] = 1;
        }

        // gradient descent with exaggeration, momentum and gains
        int logEvery = Math.max(1, options.iterations() / 10);
        for (int iteration = 0; iteration < options.iterations(); iteration++) {
            boolean early = iteration < options.exaggerationIterations();
            double[][] gradient = gradient(p, y, early ? options.exaggeration() : 1.0);
            double momentum = early ? 0.5 : 0.8;
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    boolean sameSign = (gradient[i][d] > 0) == (update[i][d] > 0);
                    gains[i][d] = Math.max(0.01, sameSign ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
                    update[i][d] =
                            momentum * update[i][d]
                                    - options.learningRate() * gains[i][d] * gradient[i][d];
                    y[i][d] += update[i][d];
                }
            }
            centre(y);
            if ((iteration + 1) % logEvery == 0) {
                LOG.info(
                        "tsne: iteration {}/{}, KL divergence {}",
                        iteration + 1,
                        options.iterations(),
                        String.format(Locale.ROOT, "%.4f", divergence(p, y)));
            }
        }
        return new Map2d(y, divergence(p, y));
    }

    /** {@code |x_i - x_j|^2} for every pair, {@code [n][n]}. */
    static double[][] squaredDistances(double[][] x) {
        int n = x.length;
        double[][] distances = new double[n][n];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        i -> {
                            for (int j = 0; j < n; j++) {
                                double sum = 0;
                                for (int d = 0; d < x[i].length; d++) {
                                    double delta = x[i][d] - x[j][d];
                                    sum += delta * delta;
                                }
                                distances[i][j] = sum;
                            }
                        });
        return distances;
    }

    /**
     * The conditional affinities {@code p_j|i} of row {@code i} (Eq. 1), with {@code beta} found by
     * bisection on the entropy; {@code p_i|i = 0}.
     */
    static double[] conditionalAffinities(double[] distances, int i, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double[] row = new double[distances.length];
        // distances relative to the nearest neighbour, so exp() does not underflow for large ones
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < distances.length; j++) {
            if (j != i) {
                nearest = Math.min(nearest, distances[j]);
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < distances.length; j++) {
                row[j] = j == i ? 0 : Math.exp(-beta * (distances[j] - nearest));
                sum += row[j];
                weighted += row[j] * (distances[j] - nearest);
            }
            // H = log(sum) + beta * E[d] for the normalised distribution
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
            double error = entropy - target;
            if (Math.abs(error) < 1e-5) {
                break;
            }
            if (error > 0) {
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = low == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + low) / 2;
            }
        }
        return row;
    }

    /** The symmetric joint affinities {@code p_ij = (p_j|i + p_i|j) / 2n}, at least 1e-12. */
    static double[][] jointAffinities(double[][] distances, double perplexity) {
        int n = distances.length;
        double[][] conditional = new double[n][];
        IntStream.range(0, n)
                .parallel()
                .forEach(i -> conditional[i] = conditionalAffinities(distances[i], i, perplexity));
        double[][] joint = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                joint[i][j] =
                        i == j
                                ? 0
                                : Math.max(
                                        MIN_AFFINITY,
                                        (conditional[i][j] + conditional[j][i]) / (2.0 * n));
            }
        }
        return joint;
    }

    /**
     * The gradient of {@code KL(exaggeration * P || Q)} with respect to the map (Eq. 5), {@code
     * [n][2]}.
     */
    static double[][] gradient(double[][] p, double[][] y, double exaggeration) {
        int n = y.length;
        double[][] kernel = kernel(y);
        double total = sum(kernel);
        double[][] gradient = new double[n][2];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        i -> {
                            double gx = 0;
                            double gy = 0;
                            for (int j = 0; j < n; j++) {
                                if (j == i) {
                                    continue;
                                }
                                double q = kernel[i][j] / total;
                                double force = (exaggeration * p[i][j] - q) * kernel[i][j];
                                gx += force * (y[i][0] - y[j][0]);
                                gy += force * (y[i][1] - y[j][1]);
                            }
                            gradient[i][0] = 4 * gx;
                            gradient[i][1] = 4 * gy;
                        });
        return gradient;
    }

    /** {@code KL(P || Q) = sum_ij p_ij log(p_ij / q_ij)} of a map. */
    static double divergence(double[][] p, double[][] y) {
        double[][] kernel = kernel(y);
        double total = sum(kernel);
        double kl = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (i != j) {
                    double q = Math.max(MIN_AFFINITY, kernel[i][j] / total);
                    kl += p[i][j] * Math.log(p[i][j] / q);
                }
            }
        }
        return kl;
    }

    /** {@code (1 + |y_i - y_j|^2)^-1} off the diagonal, 0 on it. */
    private static double[][] kernel(double[][] y) {
        int n = y.length;
        double[][] kernel = new double[n][n];
        IntStream.range(0, n)
                .parallel()
                .forEach(
                        i -> {
                            for (int j = 0; j < n; j++) {
                                if (j != i) {
                                    double dx = y[i][0] - y[j][0];
                                    double dy = y[i][1] - y[j][1];
                                    kernel[i][j] = 1 / (1 + dx * dx + dy * dy);
                                }
                            }
                        });
        return kernel;
    }

    /** The sum of every entry, row by row in order. */
    private static double sum(double[][] matrix) {
        double total = 0;
        for (double[] row : matrix) {
            for (double value : row) {
                total += value;
            }
        }
        return total;
    }

    private static void centre(double[][] y) {
        double mx = 0;
        double my = 0;
        for (double[] row : y) {
            mx += row[0];
            my += row[1];
        }
        mx /= y.length;
        my /= y.length;
        for (double[] row : y) {
            row[0] -= mx;
            row[1] -= my;
        }
    }
}
