package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabellerProvider;

/** Hand-made batches whose 1-NN graphs and components were worked out on paper. */
class NearestNeighbourLabellerTest {

    private final NearestNeighbourLabeller labeller = new NearestNeighbourLabeller();

    @Test
    void mergesChainsIntoOneComponent() {
        // Angles 0, 10, 30, 60 degrees: nn = [1, 0, 1, 2]. Only 0 and 1 are mutual neighbours, so
        // the single component needs the edges to be taken as undirected.
        INDArray embeddings = angles(0, 10, 30, 60).mulColumnVector(column(3, 0.5, 7, 2));

        assertThat(NearestNeighbourLabeller.nearestNeighbours(embeddings))
                .containsExactly(1, 0, 1, 2);
        assertThat(label(embeddings).components()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void separatesTwoInterleavedClusters() {
        // Cluster A at 0, 5, 12 degrees and cluster B at 90, 97, 101, alternating in the batch.
        INDArray embeddings = angles(0, 90, 5, 97, 12, 101);

        ComponentLabels labels = label(embeddings);

        assertThat(NearestNeighbourLabeller.nearestNeighbours(embeddings))
                .containsExactly(2, 3, 0, 5, 2, 3);
        assertThat(labels.components()).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(labels.componentCount()).isEqualTo(2);
    }

    @Test
    void comparesDirectionsNotLengths() {
        // Row 1 is long and would win every raw dot product; by angle (0, 45, 18.1, 50.2 degrees)
        // the neighbours are 0-2 and 1-3.
        INDArray embeddings =
                Nd4j.create(new double[][] {{1, 0}, {10, 10}, {0.95, 0.31}, {0.5, 0.6}});

        assertThat(NearestNeighbourLabeller.nearestNeighbours(embeddings))
                .containsExactly(2, 3, 0, 1);
        assertThat(label(embeddings).components()).containsExactly(0, 1, 0, 1);
    }

    @Test
    void groupsExactDuplicates() {
        // a, b, a, c, b with c close to b: each duplicate's neighbour is its twin.
        INDArray embeddings =
                Nd4j.create(
                        new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 1, 0.2}, {0, 1, 0}});

        assertThat(label(embeddings).components()).containsExactly(0, 1, 0, 1, 1);
    }

    @Test
    void breaksTiesByTheLowestIndex() {
        // Row 0 has similarity exactly 1/sqrt(3) to rows 1, 2, 3 and 4 (one-hot e1, e2, e1, e2).
        // Lowest index: 0 joins {1, 3}. The highest index would have given {0, 2, 4}, {1, 3}.
        INDArray embeddings =
                Nd4j.create(
                        new float[][] {
                            {1, 1, 1, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}
                        });

        assertThat(NearestNeighbourLabeller.nearestNeighbours(embeddings))
                .containsExactly(1, 3, 4, 1, 2);
        assertThat(label(embeddings).components()).containsExactly(0, 0, 1, 0, 1);
    }

    @Test
    void givesEveryComponentAtLeastTwoMembers() {
        // Three far-apart pairs and one point nearer to pair B than to anything else.
        INDArray embeddings = angles(0, 2, 120, 123, 240, 241, 127);

        ComponentLabels labels = label(embeddings);

        assertThat(labels.components()).containsExactly(0, 0, 1, 1, 2, 2, 1);
        int[] sizes = new int[labels.componentCount()];
        for (int id : labels.components()) {
            sizes[id]++;
        }
        assertThat(sizes).containsExactly(2, 3, 2);
    }

    @Test
    void givesSymmetricLabels() {
        ComponentLabels labels = label(angles(0, 10, 30, 200, 215, 60, 250));

        boolean[][] mask = labels.positiveMask();
        for (int i = 0; i < mask.length; i++) {
            assertThat(mask[i][i]).isFalse();
            for (int j = 0; j < mask.length; j++) {
                assertThat(mask[i][j]).isEqualTo(mask[j][i]);
            }
        }
        assertThat(labels.components()).containsExactly(0, 0, 0, 1, 1, 0, 1);
    }

    @Test
    void givesTheSameLabelsForTheSameEmbeddingsAndLeavesThemUnchanged() {
        INDArray embeddings = Nd4j.rand(DataType.FLOAT, 64, 16).subi(0.5);
        INDArray before = embeddings.dup();

        ComponentLabels first = label(embeddings);
        ComponentLabels second = label(embeddings.dup());

        assertThat(second).isEqualTo(first);
        assertThat(embeddings).isEqualTo(before);
    }

    @Test
    void treatsAZeroRowAsSimilarityZeroToAll() {
        // The zero row ties at 0 with every other row and so takes row 1.
        INDArray embeddings = Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 0.1}});

        assertThat(NearestNeighbourLabeller.nearestNeighbours(embeddings))
                .containsExactly(1, 3, 3, 1);
        assertThat(label(embeddings).components()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void labelsAPairAsOneComponent() {
        assertThat(label(angles(0, 170)).components()).containsExactly(0, 0);
    }

    @Test
    void rejectsABatchOfOne() {
        assertThatThrownBy(() -> label(Nd4j.create(new float[][] {{1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 embeddings, found 1");
    }

    @Test
    void rejectsNaN() {
        INDArray embeddings = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, Double.NaN}});

        assertThatThrownBy(() -> label(embeddings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found NaN at [row 2, column 1]");
    }

    @Test
    void rejectsInfinity() {
        INDArray embeddings =
                Nd4j.create(new double[][] {{1, 0}, {Double.NEGATIVE_INFINITY, 1}, {1, 1}});

        assertThatThrownBy(() -> label(embeddings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -Infinity at [row 1, column 0]");
    }

    @Test
    void rejectsEmbeddingsThatAreNotAMatrix() {
        assertThatThrownBy(() -> label(Nd4j.ones(DataType.FLOAT, 4, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found rank 3 [4, 2, 2]");
    }

    @Test
    void isRegisteredAsNearestNeighbour() {
        WeakLabellerProvider<?> provider =
                ServiceLoader.load(WeakLabellerProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(candidate -> candidate.name().equals("nearest-neighbour"))
                        .findFirst()
                        .orElseThrow();

        assertThat(provider).isInstanceOf(NearestNeighbourLabellerProvider.class);
        NearestNeighbourLabellerProvider found = (NearestNeighbourLabellerProvider) provider;
        assertThat(found.defaults().problems()).isEmpty();
        assertThat(found.create(found.defaults())).isInstanceOf(NearestNeighbourLabeller.class);
    }

    private ComponentLabels label(INDArray embeddings) {
        int n = (int) embeddings.size(0);
        return labeller.label(embeddings, new LabelContext(new int[n], new int[n], 0));
    }

    /** Unit vectors in the plane at the given angles in degrees, one row each. */
    static INDArray angles(double... degrees) {
        double[][] rows = new double[degrees.length][];
        for (int i = 0; i < degrees.length; i++) {
            double radians = Math.toRadians(degrees[i]);
            rows[i] = new double[] {Math.cos(radians), Math.sin(radians)};
        }
        return Nd4j.create(rows);
    }

    private static INDArray column(double... values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }
}
