package org.wcl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wcl4j.report.MarkdownTable.Alignment;

class MarkdownTableTest {

    @Test
    void padsColumnsAndRightAlignsNumbers() {
        String table =
                MarkdownTable.withHeader("metric", "before", "after")
                        .withRow("knn/top1", "41.20", "63.05")
                        .withRow("knn/top5", "80.1", "95.00")
                        .render();

        // written out by hand: first column left, the others right, each as wide as its widest cell
        assertThat(table)
                .isEqualTo(
                        """
                        | metric   | before | after |
                        | -------- | -----: | ----: |
                        | knn/top1 |  41.20 | 63.05 |
                        | knn/top5 |   80.1 | 95.00 |
                        """);
    }

    @Test
    void keepsNarrowColumnsWideEnoughForTheSeparator() {
        String table =
                MarkdownTable.withHeader("a", "b")
                        .aligned(Alignment.LEFT, Alignment.LEFT)
                        .withRow("x", "y")
                        .render();

        assertThat(table).isEqualTo("| a   | b   |\n| --- | --- |\n| x   | y   |\n");
    }

    @Test
    void escapesPipesAndLineBreaksInsideCells() {
        String table =
                MarkdownTable.withHeader("name", "value")
                        .aligned(Alignment.LEFT, Alignment.LEFT)
                        .withRow("a|b", "one\ntwo")
                        .render();

        assertThat(table.lines().toList().get(2)).isEqualTo("| a\\|b | one two |");
    }

    @Test
    void headerOnlyTableHasTwoLines() {
        assertThat(MarkdownTable.withHeader("only").render()).isEqualTo("| only |\n| ---- |\n");
    }

    @Test
    void rejectsARowOfTheWrongWidth() {
        MarkdownTable table = MarkdownTable.withHeader("a", "b");

        assertThatThrownBy(() -> table.withRow("1", "2", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 cells")
                .hasMessageContaining("found 3");
    }
}
