package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.run.RunSummary;

class ReportsTest {

    @Test
    void evaluationTableShowsBeforeAfterAndTheChange() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("knn/top1", 41.25);
        before.put("knn/top5", 80.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("knn/top1", 63.5);
        after.put("knn/top5", 95.125);
        RunSummary summary =
                new RunSummary(Path.of("runs/x"), before, after, 3.2, 55.0, 120, 600.0);

        String table = Reports.evaluation(summary).render();

        // 63.5 - 41.25 = 22.25 and 95.125 - 80 = 15.125, shown with two decimals
        assertThat(table.lines().toList())
                .containsExactly(
                        "| metric   | before | after | change |",
                        "| -------- | -----: | ----: | -----: |",
                        "| knn/top1 |  41.25 | 63.50 | +22.25 |",
                        "| knn/top5 |  80.00 | 95.13 | +15.13 |");
    }

    @Test
    void metricWithoutABeforeValueShowsDashes() {
        RunSummary summary =
                new RunSummary(Path.of("runs/x"), Map.of(), Map.of("knn/top1", 50.0), 1, 1, 1, 1);

        assertThat(Reports.evaluation(summary).render())
                .contains("| knn/top1 |      - | 50.00 |      - |");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Reports.duration(7.26)).isEqualTo("7.3 s");
        assertThat(Reports.duration(725)).isEqualTo("12 min 05 s");
        assertThat(Reports.duration(3720)).isEqualTo("1 h 02 min");
        assertThat(Reports.duration(Double.NaN)).isEqualTo("-");
    }
}
