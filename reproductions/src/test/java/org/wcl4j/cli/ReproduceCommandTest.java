package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wcl4j reproduce} on the {@code smoke} profile, on real Fashion-MNIST images: every cell of
 * every shipped table runs; Table 2 over seeds 1 and 2 is run twice, and the second call reuses
 * every run; the report's numbers are worked out again here from the runs' {@code summary.json}.
 * Skipped when the data set is not installed ({@code apt-get install dataset-fashion-mnist}).
 */
class ReproduceCommandTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path runs;

    private static Cli.Result first;
    private static Map<Path, byte[]> filesAfterFirst;
    private static Cli.Result second;

    @BeforeAll
    static void reproduceTableTwoTwice() throws IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        first = Cli.run(table2Arguments());
        filesAfterFirst = runFiles(folder(2));
        second = Cli.run(table2Arguments());
    }

    private static String[] table2Arguments() {
        return new String[] {
            "reproduce", "2", "--profile", "smoke", "--seeds", "1,2", "--runs", runs.toString()
        };
    }

    private static Path folder(int table) {
        return runs.resolve("reproduce/table" + table + "-smoke");
    }

    /** Every file of every run directory below {@code root}, with its bytes. */
    private static Map<Path, byte[]> runFiles(Path root) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.getParent().equals(root)) {
                    files.put(file, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** The one run directory of a cell and seed. */
    private static Path runOf(Path folder, String cell, long seed) throws IOException {
        try (Stream<Path> made = Files.list(folder.resolve(cell + "-seed" + seed))) {
            List<Path> directories = made.filter(Files::isDirectory).toList();
            assertThat(directories).as("run directories of %s seed %d", cell, seed).hasSize(1);
            return directories.get(0);
        }
    }

    private static JsonNode summary(Path run) throws IOException {
        return JSON.readTree(run.resolve("summary.json").toFile());
    }

    /** The rows of a CSV with a header, by the first column, each as column name to text. */
    private static Map<String, Map<String, String>> csv(Path file) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, String> row : records(file)) {
            rows.put(row.values().iterator().next(), row);
        }
        return rows;
    }

    /** The records of a CSV with a header, each as column name to text. */
    private static List<Map<String, String>> records(Path file) throws IOException {
        try (CSVParser parser =
                CSVParser.parse(
                        file,
                        StandardCharsets.UTF_8,
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.stream().map(CSVRecord::toMap).toList();
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    @Test
    void everyCellOfTableTwoRanForEverySeed() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        List<String> cells =
                ReproductionTableFile.load("2").table().cellsIn("smoke").stream()
                        .map(ReproductionTable.Cell::id)
                        .toList();
        assertThat(cells).hasSize(5);
        int run = 0;
        for (String cell : cells) {
            for (long seed : new long[] {1, 2}) {
                run++;
                assertThat(first.err())
                        .contains(
                                String.format(
                                        Locale.ROOT,
                                        "run %d/10: cell %s seed %d: started",
                                        run,
                                        cell,
                                        seed));
                Path directory = runOf(folder(2), cell, seed);
                assertThat(summary(directory).path("after").path("knn/top1").isNumber()).isTrue();
                assertThat(Files.readString(directory.resolve("config.yaml")))
                        .contains("name: " + cell)
                        .contains("seed: " + seed);
            }
        }
        assertThat(folder(2).resolve("report.md")).isNotEmptyFile();
        assertThat(folder(2).resolve("table2.png")).isNotEmptyFile();
    }

    @Test
    void aSecondCallSkipsEveryFinishedCellAndChangesNoRun() throws IOException {
        assertThat(second.exitCode()).as(second.err()).isEqualTo(0);
        assertThat(second.err()).doesNotContain(": started").doesNotContain(": resumed");
        assertThat(second.err().lines().filter(l -> l.contains(": skipped, already finished")))
                .hasSize(10);
        Map<Path, byte[]> after = runFiles(folder(2));
        assertThat(after.keySet()).isEqualTo(filesAfterFirst.keySet());
        filesAfterFirst.forEach(
                (file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
        // the same numbers, so the same table
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void theReportsNumbersAreTheRunsSummaries() throws IOException {
        Map<String, Map<String, String>> rows = csv(folder(2).resolve("table2.csv"));
        double[] reference = knnTop1s("nt-xent");
        String report = Files.readString(folder(2).resolve("report.md"));
        for (String cell : rows.keySet()) {
            double[] values = knnTop1s(cell);
            Map<String, String> row = rows.get(cell);
            assertThat(Double.parseDouble(row.get("mean"))).isEqualTo(mean(values));
            assertThat(Double.parseDouble(row.get("sd"))).isCloseTo(sd(values), within(1e-12));
            assertThat(Double.parseDouble(row.get("difference")))
                    .isCloseTo(mean(values) - mean(reference), within(1e-12));
            assertThat(row.get("values")).isEqualTo(values[0] + ";" + values[1]);
            assertThat(report)
                    .contains(String.format(Locale.ROOT, "%.2f ± %.2f", mean(values), sd(values)));
            if (cell.equals("nt-xent")) {
                continue;
            }
            // the paired t-test by hand: t = mean(d) / (sd(d) / sqrt(2)), one degree of freedom
            double[] d = {values[0] - reference[0], values[1] - reference[1]};
            if (d[0] != d[1]) {
                double t = mean(d) / (sd(d) / Math.sqrt(2));
                double p = 2 * (1 - new TDistribution(1).cumulativeProbability(Math.abs(t)));
                assertThat(Double.parseDouble(row.get("p"))).isCloseTo(p, within(1e-9));
            }
        }
        // each claim's verdict follows the signs of the differences of the means
        assertThat(records(folder(2).resolve("table2-claims.csv"))).hasSize(4);
        for (Map<String, String> comparison : records(folder(2).resolve("table2-claims.csv"))) {
            double difference =
                    mean(knnTop1s(comparison.get("cell"))) - mean(knnTop1s(comparison.get("than")));
            assertThat(Double.parseDouble(comparison.get("difference")))
                    .isCloseTo(difference, within(1e-12));
            assertThat(comparison.get("held")).isEqualTo(String.valueOf(difference > 0));
        }
    }

    private static double[] knnTop1s(String cell) throws IOException {
        return new double[] {
            summary(runOf(folder(2), cell, 1)).path("after").path("knn/top1").asDouble(),
            summary(runOf(folder(2), cell, 2)).path("after").path("knn/top1").asDouble()
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void everyCellOfTheOtherTablesRunsAndIsReported(int number) throws IOException {
        Cli.Result result =
                Cli.run(
                        "reproduce",
                        String.valueOf(number),
                        "--profile",
                        "smoke",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        ReproductionTable table = ReproductionTableFile.load(String.valueOf(number)).table();
        Map<String, Map<String, String>> rows =
                csv(folder(number).resolve("table" + number + ".csv"));
        List<String> ids = new ArrayList<>();
        table.cellsIn("smoke").forEach(c -> ids.add(c.id()));
        assertThat(rows.keySet()).containsExactlyElementsOf(ids);
        double referenceMillis =
                summary(runOf(folder(number), table.reference(), 1))
                        .path("meanStepMilliseconds")
                        .asDouble();
        for (String cell : ids) {
            JsonNode summary = summary(runOf(folder(number), cell, 1));
            double expected =
                    table.measure() == ReproductionTable.Measure.STEP_TIME
                            ? summary.path("meanStepMilliseconds").asDouble() / referenceMillis
                            : summary.path("after").path("knn/top1").asDouble();
            assertThat(Double.parseDouble(rows.get(cell).get("mean")))
                    .as("%s of table %d", cell, number)
                    .isEqualTo(expected);
        }
    }
}
