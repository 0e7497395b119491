package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.report.LinePlot;
import org.wcl4j.report.MetricsCsv;

class RunFiguresTest {

    @TempDir Path directory;

    private static Map<String, Double> epoch(double loss, double precision, Double knn) {
        Map<String, Double> means = new LinkedHashMap<>();
        means.put("loss", loss);
        means.put("loss/nt-xent", loss / 2);
        means.put("weak/components", 40.0);
        means.put("weak/size-2", 0.5);
        means.put("weak/size-1", 0.25);
        means.put("weak/reciprocity", 0.75);
        means.put("weak/precision", precision);
        means.put("images/s", 30.0);
        means.put("time/forward", 120.0);
        if (knn != null) {
            means.put("knn/top1", knn);
        }
        return means;
    }

    @Test
    void epochTableKeepsLossesWeakLabelPrecisionReciprocitySingletonsAndEvaluations() {
        List<Map<String, Double>> epochs = List.of(epoch(5.5, 0.25, null), epoch(4.25, 0.5, 61.0));

        String table = RunFigures.epochTable(epochs).render();

        assertThat(table.lines().toList())
                .containsExactly(
                        "| epoch |   loss | loss/nt-xent | weak/precision | weak/reciprocity |"
                                + " weak/size-1 | knn/top1 |",
                        "| ----- | -----: | -----------: | -------------: | ---------------: |"
                                + " ----------: | -------: |",
                        "| 1     | 5.5000 |       2.7500 |         0.2500 |           0.7500 |"
                                + "      0.2500 |        - |",
                        "| 2     | 4.2500 |       2.1250 |         0.5000 |           0.7500 |"
                                + "      0.2500 |    61.00 |");
    }

    @Test
    void evaluationCurvesRunFromBeforeTrainingToTheLastEpoch() {
        List<Map<String, Double>> epochs =
                List.of(epoch(5, 0.2, null), epoch(4, 0.3, 55.0), epoch(3, 0.4, null));
        RunSummary summary =
                new RunSummary(
                        directory,
                        Map.of("knn/top1", 30.0),
                        Map.of("knn/top1", 60.0),
                        3,
                        10,
                        12,
                        100);

        LinePlot plot = RunFigures.evaluationCurves(summary, epochs).orElseThrow();

        assertThat(plot.series()).hasSize(1);
        assertThat(plot.series().get(0).x()).containsExactly(0.0, 2.0, 3.0);
        assertThat(plot.series().get(0).y()).containsExactly(30.0, 55.0, 60.0);
    }

    @Test
    void weakLabelCurvesNeedALabeller() throws Exception {
        Path withLabeller = directory.resolve("a.csv");
        Files.writeString(
                withLabeller, "step,loss,weak/precision,weak/recall\n0,3,0.5,0.25\n1,2,0.75,\n");
        Path without = directory.resolve("b.csv");
        Files.writeString(without, "step,loss,weak/precision\n0,3,\n1,2,\n");

        LinePlot weak = RunFigures.weakLabelCurves(MetricsCsv.read(withLabeller)).orElseThrow();

        assertThat(weak.series().get(0).y()).containsExactly(0.5, 0.75);
        assertThat(weak.series().get(1).x()).containsExactly(0.0);
        assertThat(RunFigures.weakLabelCurves(MetricsCsv.read(without))).isEmpty();
    }
}
