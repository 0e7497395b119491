package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassBalancedSubsetTest {

    @Test
    void givesTheExtraImagesToTheLowestClasses() {
        // Three classes, four images each, interleaved 2, 1, 0, 2, 1, 0, ...; limit 7 = 3 + 2 + 2.
        byte[] labels = {2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0};

        assertThat(ClassBalancedSubset.indices(labels, 3, 7)).containsExactly(0, 1, 2, 3, 4, 5, 8);
    }

    @Test
    void movesTheShortfallOfASmallClassToTheNextClasses() {
        // Class 0 has one image; limit 6 over 3 classes wants 2 each, so class 1 takes 3.
        byte[] labels = {1, 1, 2, 2, 1, 0, 2, 1, 2};

        assertThat(ClassBalancedSubset.indices(labels, 3, 6)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ClassBalancedSubset.indices(labels, 3, 4)).containsExactly(0, 1, 2, 5);
    }

    @Test
    void keepsAllForZeroOrALimitAtLeastTheSize() {
        byte[] labels = {1, 0, 1};

        assertThat(ClassBalancedSubset.indices(labels, 2, 0)).containsExactly(0, 1, 2);
        assertThat(ClassBalancedSubset.indices(labels, 2, 3)).containsExactly(0, 1, 2);
        assertThat(ClassBalancedSubset.indices(labels, 2, 99)).containsExactly(0, 1, 2);
    }

    @Test
    void rejectsANegativeLimit() {
        assertThatThrownBy(() -> ClassBalancedSubset.indices(new byte[] {0}, 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -1");
    }
}
