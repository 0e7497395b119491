package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassSubsetsTest {

    /** 3 classes: class 0 has 10 images, class 1 has 6, class 2 has 4. */
    private static final int[] LABELS = {
        0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 1
    };

    @Test
    void drawsTheSameBalancedSubsetOnEveryCall() {
        int[] first = ClassSubsets.draw(LABELS, 3, 3, 42, true);
        int[] second = ClassSubsets.draw(LABELS, 3, 3, 42, true);

        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(9).isSorted().doesNotHaveDuplicates();
        int[] perClass = new int[3];
        for (int index : first) {
            perClass[LABELS[index]]++;
        }
        assertThat(perClass).containsExactly(3, 3, 3);
    }

    @Test
    void anotherSeedDrawsAnotherSubset() {
        assertThat(ClassSubsets.draw(LABELS, 3, 3, 1, true))
                .isNotEqualTo(ClassSubsets.draw(LABELS, 3, 3, 2, true));
    }

    @Test
    void takesAllOfASmallClassOrRefusesWhenStrict() {
        int[] lenient = ClassSubsets.draw(LABELS, 3, 5, 1, false);
        int[] perClass = new int[3];
        for (int index : lenient) {
            perClass[LABELS[index]]++;
        }
        assertThat(perClass).containsExactly(5, 5, 4);

        assertThatThrownBy(() -> ClassSubsets.draw(LABELS, 3, 5, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least 5 images of class 2, found 4");
    }
}
