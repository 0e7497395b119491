package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.report.MetricsCsv;

/**
 * Trains {@code tiny.yaml} (WCL on 256 real Fashion-MNIST images, batch 64, two epochs: 8 steps)
 * once through the command line, then checks what it left behind. Skipped when the data set is not
 * installed ({@code apt-get install dataset-fashion-mnist}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainCommandTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int STEPS = 2 * (256 / 64);

    @TempDir static Path runs;

    private static Cli.Result trained;
    private static Path runDirectory;

    @BeforeAll
    static void trainTinyConfig() throws URISyntaxException, IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        Path config = Path.of(TrainCommandTest.class.getResource("/tiny.yaml").toURI());

        trained = Cli.run("train", config.toString(), "--runs", runs.toString());

        try (Stream<Path> made = Files.list(runs)) {
            List<Path> directories = made.filter(Files::isDirectory).toList();
            assertThat(directories).as(trained.err()).hasSize(1);
            runDirectory = directories.get(0);
        }
    }

    @Test
    void trainsAndPrintsTheEvaluationAndTheRunDirectory() {
        assertThat(trained.exitCode()).as(trained.err()).isEqualTo(0);
        assertThat(trained.out())
                .contains("| knn/top1 ")
                .contains("run directory: ")
                .contains(runDirectory.getFileName().toString());
        assertThat(runDirectory.getFileName().toString()).startsWith("tiny-");
    }

    @Test
    void lossFallsOverTheSteps() throws IOException {
        double[] loss = MetricsCsv.read(runDirectory.resolve("metrics.csv")).column("loss");

        double first = Arrays.stream(loss, 0, 3).average().orElseThrow();
        double last = Arrays.stream(loss, loss.length - 3, loss.length).average().orElseThrow();
        assertThat(last).as("mean loss of the last 3 steps vs the first 3").isLessThan(first);
    }

    @Test
    void runDirectoryIsComplete() throws IOException {
        assertThat(runDirectory.resolve("config.yaml")).isNotEmptyFile();
        assertThat(runDirectory.resolve("provenance.json")).isNotEmptyFile();
        assertThat(runDirectory.resolve("summary.json")).isNotEmptyFile();
        assertThat(runDirectory.resolve(RunLog.FILE_NAME)).exists();

        MetricsCsv metrics = MetricsCsv.read(runDirectory.resolve("metrics.csv"));
        assertThat(metrics.columns().keySet()).contains("step", "loss");
        assertThat(metrics.rows()).isEqualTo(STEPS);

        try (Stream<Path> files = Files.walk(runDirectory)) {
            assertThat(files.filter(f -> f.toString().contains("checkpoint")))
                    .anyMatch(Files::isRegularFile);
        }

        Path png = runDirectory.resolve("plots/loss.png");
        assertThat(png).isNotEmptyFile();
        assertThat(ImageIO.read(png.toFile())).isNotNull();

        assertThat(runDirectory.resolve("report.md"))
                .content()
                .contains("| knn/top1 ")
                .contains("- steps: " + STEPS)
                .contains("![loss curves](plots/loss.png)");
    }

    @Test
    void resumingAFinishedRunSaysItFinished() {
        Cli.Result resumed = Cli.run("train", "--resume", runDirectory.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).contains("already finished").contains("all " + STEPS + " steps");
        assertThat(resumed.err()).doesNotContain("written again");
    }

    @Test
    @Order(Integer.MAX_VALUE) // removes the report, so after the tests that read it
    void resumingARunStoppedWhileWritingItsReportWritesItAgain() throws IOException {
        Files.delete(runDirectory.resolve("report.md"));

        Cli.Result resumed = Cli.run("train", "--resume", runDirectory.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
        assertThat(resumed.err()).contains("its report and figures were missing");
        assertThat(runDirectory.resolve("report.md")).content().contains("knn/top1");
    }
}
