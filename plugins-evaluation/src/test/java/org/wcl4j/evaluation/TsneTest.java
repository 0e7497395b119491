package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {

    private static final Tsne.Options SHORT = new Tsne.Options(10, 300, 100, 12, 100, 7);

    /** {@code perClass} points around each of {@code classes} centres 10 apart in 20-D. */
    private static double[][] clusters(int classes, int perClass, int[] labels, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[classes * perClass][20];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % classes;
            for (int d = 0; d < 20; d++) {
                double centre = d == labels[i] ? 10 : 0;
                points[i][d] = centre + random.nextGaussian();
            }
        }
        return points;
    }

    @Test
    void calibratesEachRowToThePerplexity() {
        // The entropy of p_.|i, computed here from its definition, must be log(perplexity).
        int[] labels = new int[60];
        double[][] distances = Tsne.squaredDistances(clusters(3, 20, labels, 1));

        for (int i : new int[] {0, 17, 59}) {
            double[] row = Tsne.conditionalAffinities(distances[i], i, 8);
            double sum = 0;
            double entropy = 0;
            for (double p : row) {
                sum += p;
                entropy -= p > 0 ? p * Math.log(p) : 0;
            }
            assertThat(row[i]).isZero();
            assertThat(sum).isCloseTo(1.0, within(1e-9));
            assertThat(Math.exp(entropy)).isCloseTo(8.0, within(1e-3));
        }
    }

    @Test
    void theGradientIsTheDerivativeOfTheDivergence() {
        // Central differences of KL(P || Q) over every coordinate of a random 2-D map.
        Random random = new Random(3);
        double[][] x = new double[8][4];
        double[][] y = new double[8][2];
        for (int i = 0; i < 8; i++) {
            for (int d = 0; d < 4; d++) {
                x[i][d] = random.nextGaussian();
            }
            y[i][0] = random.nextGaussian();
            y[i][1] = random.nextGaussian();
        }
        double[][] p = Tsne.jointAffinities(Tsne.squaredDistances(x), 3);

        double[][] gradient = Tsne.gradient(p, y, 1.0);

        double h = 1e-6;
        for (int i = 0; i < 8; i++) {
            for (int d = 0; d < 2; d++) {
                double keep = y[i][d];
                y[i][d] = keep + h;
                double up = Tsne.divergence(p, y);
                y[i][d] = keep - h;
                double down = Tsne.divergence(p, y);
                y[i][d] = keep;
                assertThat(gradient[i][d]).isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }

    @Test
    void keepsWellSeparatedClustersApart() {
        int[] labels = new int[200];
        double[][] points = clusters(5, 40, labels, 2);

        Tsne.Map2d map = Tsne.embed(points, SHORT);

        assertThat(map.points()).hasDimensions(200, 2);
        assertThat(TsneProtocol.agreement(map.points(), labels)).isGreaterThan(97.0);
        assertThat(map.divergence()).isPositive().isLessThan(2.0);
    }

    @Test
    void aSeedGivesTheSameMapAndAnotherSeedAnother() {
        int[] labels = new int[90];
        double[][] points = clusters(3, 30, labels, 4);

        double[][] first = Tsne.embed(points, SHORT).points();
        double[][] second = Tsne.embed(points, SHORT).points();
        double[][] reseeded =
                Tsne.embed(points, new Tsne.Options(10, 300, 100, 12, 100, 8)).points();

        assertThat(second).isDeepEqualTo(first);
        assertThat(reseeded[0][0]).isNotEqualTo(first[0][0]);
    }

    @Test
    void refusesFewerPointsThanThePerplexityNeeds() {
        assertThatThrownBy(() -> Tsne.embed(new double[5][3], SHORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 5")
                .hasMessageContaining("lower the perplexity");
    }
}
