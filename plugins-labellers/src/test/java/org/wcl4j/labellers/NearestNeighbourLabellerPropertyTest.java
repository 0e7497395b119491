package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;

/**
 * Random seeded batches checked against a slow reference written independently here: cosine
 * similarities in double precision with plain loops, an explicit symmetric adjacency matrix of the
 * 1-NN edges, and breadth-first search for its components.
 */
class NearestNeighbourLabellerPropertyTest {

    /**
     * A row whose best and second-best similarities differ by less than this is ambiguous between
     * single and double precision; such batches are drawn again.
     */
    private static final double MARGIN = 1e-5;

    private final NearestNeighbourLabeller labeller = new NearestNeighbourLabeller();

    @Test
    void matchesTheBreadthFirstReferenceOnRandomBatches() {
        Random random = new Random(20210611);
        for (int trial = 0; trial < 150; trial++) {
            double[][] rows = unambiguousBatch(random);
            int n = rows.length;

            ComponentLabels labels =
                    labeller.label(Nd4j.create(rows), new LabelContext(new int[n], new int[n], 0));

            int[] nearest = referenceNearest(rows);
            int[] expected = referenceComponents(nearest);
            String batch = "trial " + trial + ", n = " + n + ", dim = " + rows[0].length;
            assertThat(labels.components()).as(batch).containsExactly(expected);
            checkInvariants(labels, nearest, batch);
        }
    }

    @Test
    void matchesTheReferenceWhenTheSimilarityIsComputedInSeveralBlocks() {
        // two full blocks of rows and a partial third one
        int n = 2 * NearestNeighbourLabeller.BLOCK + 37;
        Random random = new Random(4096);
        double[][] rows;
        do {
            rows = new double[n][16];
            for (double[] row : rows) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = random.nextGaussian();
                }
            }
        } while (smallestMargin(rows) <= MARGIN);

        ComponentLabels labels =
                labeller.label(Nd4j.create(rows), new LabelContext(new int[n], new int[n], 0));

        int[] nearest = referenceNearest(rows);
        assertThat(labels.components()).containsExactly(referenceComponents(nearest));
        checkInvariants(labels, nearest, "n = " + n);
    }

    private static void checkInvariants(ComponentLabels labels, int[] nearest, String batch) {
        int n = labels.size();
        int[] sizes = new int[labels.componentCount()];
        for (int i = 0; i < n; i++) {
            sizes[labels.component(i)]++;
            assertThat(labels.isPositive(i, nearest[i])).as(batch).isTrue();
            assertThat(labels.isPositive(i, i)).as(batch).isFalse();
            for (int j = 0; j < n; j++) {
                assertThat(labels.isPositive(i, j)).as(batch).isEqualTo(labels.isPositive(j, i));
            }
        }
        assertThat(Arrays.stream(sizes).min().orElseThrow()).as(batch).isGreaterThanOrEqualTo(2);
        assertThat(labels.componentCount()).as(batch).isLessThanOrEqualTo(n / 2);
    }

    /**
     * Rows of random length and direction, some of them exact copies of an earlier row (each row
     * copied at most once), drawn until no row's nearest neighbour is within {@link #MARGIN} of a
     * tie.
     */
    private static double[][] unambiguousBatch(Random random) {
        while (true) {
            int n = 2 + random.nextInt(47);
            int dim = 2 + random.nextInt(7);
            double[][] rows = new double[n][dim];
            boolean[] copied = new boolean[n];
            for (int i = 0; i < n; i++) {
                int source = random.nextInt(n);
                if (i > 0 && random.nextDouble() < 0.15 && source < i && !copied[source]) {
                    rows[i] = rows[source].clone();
                    copied[source] = true;
                    copied[i] = true;
                    continue;
                }
                double scale = 0.1 + 10 * random.nextDouble();
                for (int k = 0; k < dim; k++) {
                    rows[i][k] = scale * random.nextGaussian();
                }
            }
            if (smallestMargin(rows) > MARGIN) {
                return rows;
            }
        }
    }

    private static double smallestMargin(double[][] rows) {
        double[][] similarity = referenceSimilarity(rows);
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < rows.length; j++) {
                if (j == i) {
                    continue;
                }
                if (similarity[i][j] > best) {
                    second = best;
                    best = similarity[i][j];
                } else if (similarity[i][j] > second) {
                    second = similarity[i][j];
                }
            }
            smallest = Math.min(smallest, best - second);
        }
        return smallest;
    }

    private static double[][] referenceSimilarity(double[][] rows) {
        int n = rows.length;
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double normI = 0;
                double normJ = 0;
                for (int k = 0; k < rows[i].length; k++) {
                    dot += rows[i][k] * rows[j][k];
                    normI += rows[i][k] * rows[i][k];
                    normJ += rows[j][k] * rows[j][k];
                }
                similarity[i][j] = dot / Math.sqrt(normI * normJ);
            }
        }
        return similarity;
    }

    private static int[] referenceNearest(double[][] rows) {
        double[][] similarity = referenceSimilarity(rows);
        int[] nearest = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int best = -1;
            for (int j = 0; j < rows.length; j++) {
                if (j != i && (best < 0 || similarity[i][j] > similarity[i][best])) {
                    best = j;
                }
            }
            nearest[i] = best;
        }
        return nearest;
    }

    /** Components of the undirected 1-NN graph by BFS, numbered in order of first appearance. */
    private static int[] referenceComponents(int[] nearest) {
        int n = nearest.length;
        boolean[][] adjacent = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            adjacent[i][nearest[i]] = true;
            adjacent[nearest[i]][i] = true;
        }
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (component[start] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            component[start] = next;
            while (!queue.isEmpty()) {
                int node = queue.poll();
                for (int other = 0; other < n; other++) {
                    if (adjacent[node][other] && component[other] < 0) {
                        component[other] = next;
                        queue.add(other);
                    }
                }
            }
            next++;
        }
        return component;
    }
}
