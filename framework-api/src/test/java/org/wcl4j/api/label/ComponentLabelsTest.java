package org.wcl4j.api.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentLabelsTest {

    @Test
    void renumbersIdsInOrderOfFirstAppearance() {
        ComponentLabels labels = new ComponentLabels(new int[] {7, 3, 7, 9, 3});

        assertThat(labels.components()).containsExactly(0, 1, 0, 2, 1);
        assertThat(labels.componentCount()).isEqualTo(3);
        assertThat(labels).isEqualTo(new ComponentLabels(new int[] {1, 0, 1, 2, 0}));
    }

    @Test
    void membersOfOneComponentArePositivesButNeverOfThemselves() {
        ComponentLabels labels = new ComponentLabels(new int[] {4, 4, 5});

        assertThat(labels.positiveMask())
                .isDeepEqualTo(
                        new boolean[][] {
                            {false, true, false}, {true, false, false}, {false, false, false}
                        });
    }

    @Test
    void rejectsNegativeIds() {
        assertThatThrownBy(() -> new ComponentLabels(new int[] {0, -2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found -2 at 1");
    }
}
