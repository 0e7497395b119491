package org.wcl4j.labellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.LabelContext;

class TrueLabelsLabellerTest {

    private final TrueLabelsLabeller labeller = new TrueLabelsLabeller();

    @Test
    void groupsMembersOfTheSameClassWhateverTheEmbeddings() {
        // Classes 3, 1, 3, 7, 1 -> components in order of first appearance: 3 -> 0, 1 -> 1,
        // 7 -> 2. Member 3 is alone in class 7 and has no positive. Rows 0 and 1 are identical
        // embeddings of different classes: not positives.
        INDArray embeddings = Nd4j.create(new double[][] {{1, 0}, {1, 0}, {0, 1}, {1, 1}, {5, 2}});

        ComponentLabels labels = label(embeddings, 3, 1, 3, 7, 1);

        assertThat(labels.components()).containsExactly(0, 1, 0, 2, 1);
        assertThat(labels.componentCount()).isEqualTo(3);
        assertThat(labels.isPositive(0, 2)).isTrue();
        assertThat(labels.isPositive(0, 1)).isFalse();
        assertThat(labels.isPositive(1, 4)).isTrue();
        for (int j = 0; j < 5; j++) {
            assertThat(labels.isPositive(3, j)).isFalse();
        }
    }

    @Test
    void explainsThatTheOracleNeedsTrueLabels() {
        INDArray embeddings = Nd4j.ones(DataType.FLOAT, 3, 2);

        assertThatThrownBy(
                        () ->
                                labeller.label(
                                        embeddings, new LabelContext(new int[3], new int[0], 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "expected the true class of each of the 3 batch members," + " found none");
    }

    @Test
    void rejectsTrueLabelsOfAnotherLength() {
        assertThatThrownBy(() -> label(Nd4j.ones(DataType.FLOAT, 3, 2), 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 true labels (one per batch member), found 2");
    }

    @Test
    void rejectsNegativeClasses() {
        assertThatThrownBy(() -> label(Nd4j.ones(DataType.FLOAT, 3, 2), 0, -2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -2 for batch member 1");
    }

    @Test
    void rejectsABatchOfOne() {
        assertThatThrownBy(() -> label(Nd4j.ones(DataType.FLOAT, 1, 2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true-labels labeller: expected a batch of at least 2")
                .hasMessageContaining("found 1");
    }

    private ComponentLabels label(INDArray embeddings, int... classes) {
        int n = (int) embeddings.size(0);
        return labeller.label(embeddings, new LabelContext(new int[n], classes, 0));
    }
}
