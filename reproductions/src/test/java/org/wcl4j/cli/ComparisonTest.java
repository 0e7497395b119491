package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.report.MetricsCsv;

/** The numbers the comparison reads from a run's files, and how its rows are shown. */
class ComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MetricsCsv metrics() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("epoch", new double[] {0, 0, 1, 1});
        columns.put("step", new double[] {0, 1, 2, 3});
        columns.put("weak/precision", new double[] {0.2, 0.4, 0.5, Double.NaN});
        columns.put("images/s", new double[] {1000, 1000, 1000, 1000});
        columns.put("time/forward", new double[] {100, 10, 20, 6});
        columns.put("time/backward", new double[] {50, 5, Double.NaN, 4});
        return new MetricsCsv(columns);
    }

    @Test
    void stepTimeLeavesOutTheFirstStep() throws Exception {
        // per-step sums of time/*: 150 (first, left out), 15, 20 (empty cell as 0), 10;
        // images/s is no time: (15 + 20 + 10) / 3 = 15
        double millis = Comparison.meanStepMillis(JSON.readTree("{\"steps\": 4}"), metrics());

        assertThat(millis).isCloseTo(15.0, within(1e-12));
    }

    @Test
    void stepTimeOfTheSummaryWins() throws Exception {
        double millis =
                Comparison.meanStepMillis(
                        JSON.readTree("{\"meanStepMilliseconds\": 3.25}"), metrics());

        assertThat(millis).isEqualTo(3.25);
    }

    @Test
    void precisionPerEpochIsTheMeanOfItsSteps() {
        // epoch 1 (rows of epoch 0): (0.2 + 0.4) / 2 = 0.3; epoch 2: 0.5 (the empty cell left out)
        assertThat(Comparison.precisionPerEpoch(metrics()))
                .containsExactly(Map.entry(1, 0.30000000000000004), Map.entry(2, 0.5));
    }

    @Test
    void rowsCompareWithTheFirstMethod() {
        Comparison.Method a =
                new Comparison.Method(
                        "a",
                        List.of(
                                new Comparison.RunResult(1, 50, 10, Double.NaN, Map.of()),
                                new Comparison.RunResult(2, 60, 30, Double.NaN, Map.of())));
        Comparison.Method b =
                new Comparison.Method(
                        "b",
                        List.of(
                                new Comparison.RunResult(1, 55, 25, 0.25, Map.of(1, 0.25)),
                                new Comparison.RunResult(2, 61, 35, 0.75, Map.of(1, 0.75))));

        List<Comparison.Row> rows = Comparison.rows(List.of(a, b));

        // a: mean 55, sd sqrt(25 + 25) = 7.0711, 20 ms; b: mean 58, sd sqrt(9 + 9) = 4.2426,
        // 30 ms: ratio 1.5; precision (0.25 + 0.75) / 2; p as in SeedStatisticsTest: 0.374334
        assertThat(rows.get(1).difference()).isEqualTo(3.0);
        assertThat(rows.get(1).stepRatio()).isEqualTo(1.5);
        assertThat(rows.get(1).weakPrecision()).isEqualTo(0.5);
        assertThat(Comparison.table(rows).render())
                .contains("| a      |     2 |          55.00 ± 7.07 |          – |          n/a |")
                .contains("|        1.00 |                    – |")
                .contains("| b      |     2 |          58.00 ± 4.24 |      +3.00 |        0.374 |")
                .contains("|        1.50 |                0.500 |");
        assertThat(Comparison.csv(rows))
                .startsWith(String.join(",", Comparison.CSV_COLUMNS) + "\n")
                .contains("\na,2,55.0,7.0710678118654755,0.0,,20.0,1.0,\n")
                .contains("\nb,2,58.0,4.242640687119285,3.0,0.37433408362199");
    }

    @Test
    void smallPValuesAreBounded() {
        assertThat(Comparison.pValue(0.0004)).isEqualTo("<0.001");
        assertThat(Comparison.pValue(0.0456)).isEqualTo("0.046");
        assertThat(Comparison.pValue(Double.NaN)).isEqualTo("n/a");
    }
}
