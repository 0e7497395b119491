package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.report.MetricsCsv;

/**
 * Compares {@code compare-simclr.yaml} and {@code compare-wcl.yaml} (192 real Fashion-MNIST images,
 * one epoch of three steps through {@code --set}) over seeds 1 and 2, then checks the table against
 * numbers worked out here from the runs' own files, and that a second call reuses all four runs.
 * Skipped when the data set is not installed ({@code apt-get install dataset-fashion-mnist}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareCommandTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("simclr-tiny", "wcl-tiny");
    private static final long[] SEEDS = {1, 2};

    @TempDir static Path runs;

    private static String[] arguments;
    private static Cli.Result first;
    private static Map<Path, byte[]> filesAfterFirst;
    private static Cli.Result second;
    private static Map<Path, byte[]> filesAfterSecond;

    @BeforeAll
    static void compareTwice() throws URISyntaxException, IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        arguments =
                new String[] {
                    "compare",
                    "--configs",
                    resource("compare-simclr.yaml"),
                    resource("compare-wcl.yaml"),
                    "--seeds",
                    "1,2",
                    "--set",
                    "training.epochs=1",
                    "--runs",
                    runs.toString()
                };
        first = Cli.run(arguments);
        filesAfterFirst = runFiles();
        second = Cli.run(arguments);
        filesAfterSecond = runFiles();
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(CompareCommandTest.class.getResource("/" + name).toURI()).toString();
    }

    /** Every file of every run directory, with its bytes. */
    private static Map<Path, byte[]> runFiles() throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(runs.resolve("compare"))) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.getParent().equals(runs.resolve("compare"))) {
                    files.put(file, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** The one run directory of a (method, seed). */
    private static Path runOf(String method, long seed) throws IOException {
        try (Stream<Path> made = Files.list(runs.resolve("compare/" + method + "-seed" + seed))) {
            List<Path> directories = made.filter(Files::isDirectory).toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }

    private static double knnTop1(Path run) throws IOException {
        return JSON.readTree(run.resolve("summary.json").toFile())
                .path("after")
                .path("knn/top1")
                .asDouble();
    }

    /**
     * Mean step time in ms: meanStepMilliseconds of the summary, else the mean time/* sum of steps
     * 2...
     */
    private static double stepMillis(Path run) throws IOException {
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        if (summary.has("meanStepMilliseconds")) {
            return summary.get("meanStepMilliseconds").asDouble();
        }
        MetricsCsv metrics = MetricsCsv.read(run.resolve("metrics.csv"));
        double total = 0;
        for (int row = 1; row < metrics.rows(); row++) {
            for (String column : metrics.columns().keySet()) {
                double value = metrics.column(column)[row];
                if (column.startsWith("time/") && !Double.isNaN(value)) {
                    total += value;
                }
            }
        }
        return total / (metrics.rows() - 1);
    }

    /** The mean weak/precision of the rows of the last epoch. */
    private static double lastEpochPrecision(Path run) throws IOException {
        MetricsCsv metrics = MetricsCsv.read(run.resolve("metrics.csv"));
        double[] epoch = metrics.column("epoch");
        double[] precision = metrics.column("weak/precision");
        double last = epoch[epoch.length - 1];
        double sum = 0;
        int count = 0;
        for (int row = 0; row < epoch.length; row++) {
            if (epoch[row] == last) {
                sum += precision[row];
                count++;
            }
        }
        return sum / count;
    }

    private static Map<String, String[]> csvRows() throws IOException {
        List<String> lines =
                Files.readAllLines(runs.resolve("compare/compare.csv"), StandardCharsets.UTF_8);
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.put(cells[0], cells);
        }
        return rows;
    }

    @Test
    void tableHoldsTheNumbersOfTheRuns() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        double[][] knn = new double[2][2];
        double[] millis = new double[2];
        for (int m = 0; m < 2; m++) {
            for (int s = 0; s < 2; s++) {
                Path run = runOf(METHODS.get(m), SEEDS[s]);
                knn[m][s] = knnTop1(run);
                millis[m] += stepMillis(run) / 2;
            }
        }
        // two seeds: mean (x1 + x2) / 2, sample sd sqrt(((x1 - mean)^2 + (x2 - mean)^2) / 1)
        double[] mean = new double[2];
        double[] sd = new double[2];
        for (int m = 0; m < 2; m++) {
            mean[m] = (knn[m][0] + knn[m][1]) / 2;
            sd[m] = Math.sqrt(Math.pow(knn[m][0] - mean[m], 2) + Math.pow(knn[m][1] - mean[m], 2));
        }
        // paired differences d = wcl - simclr; t = mean(d) / (sd(d) / sqrt 2), df 1
        double d1 = knn[1][0] - knn[0][0];
        double d2 = knn[1][1] - knn[0][1];
        double meanD = (d1 + d2) / 2;
        double sdD = Math.sqrt(Math.pow(d1 - meanD, 2) + Math.pow(d2 - meanD, 2));
        double p;
        if (sdD > 0) {
            double t = meanD / (sdD / Math.sqrt(2));
            p = 2 * (1 - new TDistribution(1).cumulativeProbability(Math.abs(t)));
        } else {
            p = meanD == 0 ? 1.0 : Double.NaN; // as documented for differences without spread
        }
        double precision =
                (lastEpochPrecision(runOf("wcl-tiny", 1))
                                + lastEpochPrecision(runOf("wcl-tiny", 2)))
                        / 2;

        Map<String, String[]> csv = csvRows();
        assertThat(csv.keySet()).containsExactlyElementsOf(METHODS);
        String[] simclr = csv.get("simclr-tiny");
        String[] wcl = csv.get("wcl-tiny");
        assertThat(simclr[1]).isEqualTo("2");
        assertThat(Double.parseDouble(simclr[2])).isCloseTo(mean[0], within(1e-9));
        assertThat(Double.parseDouble(simclr[3])).isCloseTo(sd[0], within(1e-9));
        assertThat(simclr[5]).as("no p-value for the reference").isEmpty();
        assertThat(simclr[8]).as("no labeller, no precision").isEmpty();
        assertThat(Double.parseDouble(wcl[2])).isCloseTo(mean[1], within(1e-9));
        assertThat(Double.parseDouble(wcl[3])).isCloseTo(sd[1], within(1e-9));
        assertThat(Double.parseDouble(wcl[4])).isCloseTo(mean[1] - mean[0], within(1e-9));
        if (Double.isNaN(p)) {
            assertThat(wcl[5]).isEmpty();
        } else {
            assertThat(Double.parseDouble(wcl[5])).isCloseTo(p, within(1e-9));
        }
        assertThat(Double.parseDouble(simclr[6])).isCloseTo(millis[0], within(1e-6));
        assertThat(Double.parseDouble(wcl[6])).isCloseTo(millis[1], within(1e-6));
        assertThat(Double.parseDouble(wcl[7])).isCloseTo(millis[1] / millis[0], within(1e-9));
        assertThat(Double.parseDouble(wcl[8])).isCloseTo(precision, within(1e-9));

        // the printed table rounds the same numbers
        String wclRow =
                String.format(
                        Locale.ROOT, "%.2f ± %.2f | %+.2f |", mean[1], sd[1], mean[1] - mean[0]);
        assertThat(first.out().replaceAll(" +", " "))
                .contains(
                        String.format(
                                Locale.ROOT,
                                "| simclr-tiny | 2 | %.2f ± %.2f | – | n/a | 1.00 | – |",
                                mean[0],
                                sd[0]))
                .contains("| wcl-tiny | 2 | " + wclRow)
                .contains(
                        String.format(
                                Locale.ROOT, "| %.2f | %.3f |", millis[1] / millis[0], precision));
    }

    @Test
    void saysWhatItDidWithEachRun() {
        assertThat(first.err())
                .contains("run 1/4: simclr-tiny seed 1: started in")
                .contains("run 4/4: wcl-tiny seed 2: started in")
                .contains("training wcl-tiny: 3 steps");
        assertThat(second.err())
                .contains("run 1/4: simclr-tiny seed 1: skipped, already finished")
                .contains("run 2/4: simclr-tiny seed 2: skipped, already finished")
                .contains("run 3/4: wcl-tiny seed 1: skipped, already finished")
                .contains("run 4/4: wcl-tiny seed 2: skipped, already finished")
                .doesNotContain("started")
                .doesNotContain("training ");
    }

    @Test
    void writesTheTableAndTheFigures() throws IOException {
        Path folder = runs.resolve("compare");
        String markdown = Files.readString(folder.resolve("compare.md"), StandardCharsets.UTF_8);
        String table = first.out().substring(first.out().indexOf("| method"));
        table = table.substring(0, table.indexOf("\n\n") + 1);
        assertThat(markdown).contains(table).contains("![kNN top-1 per method](compare.png)");
        for (String png : List.of("compare.png", "precision.png")) {
            BufferedImage image = ImageIO.read(folder.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(540);
        }
    }

    @Test
    void aSecondCallReusesTheRunsAndPrintsTheSameTable() throws IOException {
        assertThat(second.exitCode()).as(second.err()).isEqualTo(0);
        assertThat(second.out()).isEqualTo(first.out());
        Map<Path, byte[]> now = filesAfterSecond;
        assertThat(now.keySet()).containsExactlyElementsOf(filesAfterFirst.keySet());
        List<Path> changed = new ArrayList<>();
        now.forEach(
                (file, bytes) -> {
                    if (!Arrays.equals(bytes, filesAfterFirst.get(file))) {
                        changed.add(file);
                    }
                });
        assertThat(changed).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // after the tests that read the first comparison's files
    void aComparisonReplacesTheFiguresOfTheLastOneInItsFolder() throws Exception {
        // an earlier comparison with a labeller method left precision.png in the folder
        Path out = runs.resolve("simclr-only");
        Files.createDirectories(out);
        Files.copy(runs.resolve("compare/precision.png"), out.resolve("precision.png"));

        Cli.Result simclrOnly =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        "1,2",
                        "--set",
                        "training.epochs=1",
                        "--runs",
                        runs.toString(),
                        "--out",
                        out.toString());

        assertThat(simclrOnly.exitCode()).as(simclrOnly.err()).isEqualTo(0);
        assertThat(out.resolve("precision.png")).doesNotExist();
        assertThat(out.resolve("compare.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("compare.md"), StandardCharsets.UTF_8))
                .doesNotContain("precision.png");
        assertThat(simclrOnly.out()).contains("compare.md, compare.csv, compare.png\n");
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes runs, so after the tests that read the runs
    void anInterruptedRunIsResumedSayingFromWhere() throws IOException {
        // wcl-tiny seed 2 lost its summary.json: interrupted after its checkpoint of epoch 1;
        // wcl-tiny seed 1 lost its checkpoints too: interrupted before its first checkpoint
        Path run = runOf("wcl-tiny", 2);
        Path copy = runs.resolve("summary-copy.json");
        Files.copy(run.resolve("summary.json"), copy);
        Files.delete(run.resolve("summary.json"));
        Path early = runOf("wcl-tiny", 1);
        Files.delete(early.resolve("summary.json"));
        try (Stream<Path> checkpoints = Files.walk(early.resolve("checkpoints"))) {
            for (Path file : checkpoints.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        try {
            Cli.Result third = Cli.run(arguments);

            assertThat(third.exitCode()).as(third.err()).isEqualTo(0);
            assertThat(third.err())
                    .contains("run 4/4: wcl-tiny seed 2: resumed from the checkpoint after epoch 1")
                    .contains("run 3/4: wcl-tiny seed 1: resumed: no checkpoint yet, so it starts")
                    .contains("run 2/4: simclr-tiny seed 2: skipped");
            assertThat(run.resolve("summary.json")).isNotEmptyFile();
            assertThat(early.resolve("summary.json")).isNotEmptyFile();
        } finally {
            Files.copy(copy, run.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
