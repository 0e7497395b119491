package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunEvaluation;

/**
 * Trains {@code tiny.yaml} for one epoch (256 real Fashion-MNIST images, 4 steps), then evaluates
 * its checkpoint with {@code wcl4j eval}. Skipped when the data set is not installed.
 */
class EvalCommandTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @TempDir static Path runs;

    private static Path run;

    @BeforeAll
    static void trainOneEpoch() throws URISyntaxException, IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        Path config = Path.of(EvalCommandTest.class.getResource("/tiny.yaml").toURI());
        Cli.Result trained =
                Cli.run(
                        "train",
                        config.toString(),
                        "--runs",
                        runs.toString(),
                        "--set",
                        "training.epochs=1",
                        "--set",
                        "training.evaluateBefore=false");
        assertThat(trained.exitCode()).as(trained.err()).isEqualTo(0);
        try (Stream<Path> made = Files.list(runs)) {
            run = made.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static double value(String table, String metric) {
        Matcher row = Pattern.compile("\\| " + metric + " +\\| +([0-9.]+) \\|").matcher(table);
        assertThat(row.find()).as(table).isTrue();
        return Double.parseDouble(row.group(1));
    }

    @Test
    void linearProbePrintsAccuraciesInRangeAndAboveChance() {
        Cli.Result result =
                Cli.run(
                        "eval",
                        "--run",
                        run.toString(),
                        "--protocol",
                        "linear",
                        "--set",
                        "epochs=10");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        double top1 = value(result.out(), "top1");
        double top5 = value(result.out(), "top5");
        // 200 test images of ten classes: chance is 10% top-1 and 50% top-5
        assertThat(top1).isGreaterThan(20.0).isLessThanOrEqualTo(100.0);
        assertThat(top5).isGreaterThan(Math.max(top1, 50.0)).isLessThanOrEqualTo(100.0);
        assertThat(result.out()).contains("epochs 10").contains("after epoch 1");
        assertThat(run.resolve("evaluations/linear.json")).isNotEmptyFile();
        assertThat(run.resolve("features/train.bin")).isNotEmptyFile();
    }

    @Test
    void aSecondProtocolReadsTheCachedFeatures() {
        Cli.Result first = Cli.run("eval", "--run", run.toString(), "--protocol", "knn");
        Cli.Result second =
                Cli.run("eval", "--run", run.toString(), "--protocol", "knn", "--set", "k=5");

        assertThat(second.exitCode()).as(second.err()).isEqualTo(0);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        assertThat(second.err())
                .contains("features of the train split (256 images) from the cache")
                .contains("features of the test split (200 images) from the cache")
                .doesNotContain("computing");
    }

    @Test
    void evaluationLeavesWeightsAndBatchNormStatisticsBitForBit() throws IOException {
        Path checkpoint;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            checkpoint = files.filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        byte[] checkpointBefore = Files.readAllBytes(checkpoint);
        RunEvaluation evaluation = RunEvaluation.open(run, PluginRegistry.discover());
        INDArray before = evaluation.network().parameters();

        evaluation.evaluate("linear", List.of("epochs=2"), new RunEvaluation.Listener() {});
        // and once more straight from the encoder, bypassing the cache
        evaluation.network().features(org.nd4j.linalg.factory.Nd4j.rand(3, 1, 28, 28));

        float[] after = evaluation.network().parameters().data().asFloat();
        assertThat(Arrays.equals(after, before.data().asFloat()))
                .as("parameters, BatchNorm running statistics included")
                .isTrue();
        assertThat(Files.readAllBytes(checkpoint)).isEqualTo(checkpointBefore);
    }

    @Test
    void tsneDrawsAMapOfTheTestImages() throws IOException {
        Cli.Result result =
                Cli.run(
                        "eval",
                        "--run",
                        run.toString(),
                        "--protocol",
                        "tsne",
                        "--set",
                        "perClass=12",
                        "--set",
                        "perplexity=10",
                        "--set",
                        "iterations=250",
                        "--set",
                        "exaggerationIterations=100");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        double agreement = value(result.out(), "map-agreement");
        assertThat(agreement).isBetween(0.0, 100.0);
        Path png = run.resolve("plots/tsne.png");
        assertThat(result.out()).contains("map: ");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(EvalCommand.MAP_WIDTH);
        assertThat(image.getHeight()).isEqualTo(EvalCommand.MAP_HEIGHT);
        // 12 of each of the 10 classes among the 200 test images, one line per point
        assertThat(Files.readAllLines(run.resolve("evaluations/tsne-points.csv"))).hasSize(120);
    }

    @Test
    void theReportGainsTheEpochTableTheFiguresAndLaterEvaluations() throws IOException {
        Cli.Result result = Cli.run("eval", "--run", run.toString(), "--protocol", "knn");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(run.resolve("report.md"))
                .content()
                .contains("Means per epoch:")
                .contains("| epoch | ")
                .contains("weak/precision")
                .contains("Evaluated later from the checkpoint")
                .contains("| knn      | top1")
                .contains("![weak-label precision, recall and reciprocity](plots/weak-labels.png)");
        Path png = run.resolve("plots/weak-labels.png");
        assertThat(Arrays.copyOf(Files.readAllBytes(png), 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(540);
    }

    @Test
    void semiSupervisedSavesTheSameLabelledSubsetOnEveryCall() throws IOException {
        String[] command = {
            "eval",
            "--run",
            run.toString(),
            "--protocol",
            "semi-supervised",
            "--set",
            "percents=[10]",
            "--set",
            "fineTuneEpochs=2"
        };
        Cli.Result first = Cli.run(command);
        Path subset = run.resolve("evaluations/semi-supervised-subset-10.csv");
        List<String> firstSubset = Files.readAllLines(subset);
        Cli.Result second = Cli.run(command);

        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(0);
        assertThat(value(first.out(), "10%/top1")).isBetween(0.0, 100.0);
        // 10% of 256 images over 10 classes: round(2.56) = 3 per class
        assertThat(firstSubset).hasSize(30);
        assertThat(Files.readAllLines(subset)).isEqualTo(firstSubset);
    }

    @Test
    void semiSupervisedCanStartFromTheFirstLayerOfAProjectionHead() {
        Cli.Result fromHead =
                Cli.run(
                        "eval",
                        "--run",
                        run.toString(),
                        "--protocol",
                        "semi-supervised",
                        "--set",
                        "percents=[10]",
                        "--set",
                        "mode=linear",
                        "--set",
                        "epochs=5",
                        "--set",
                        "layer=head-g/relu");
        Cli.Result fineTuned =
                Cli.run(
                        "eval",
                        "--run",
                        run.toString(),
                        "--protocol",
                        "semi-supervised",
                        "--set",
                        "percents=[10]",
                        "--set",
                        "fineTuneEpochs=2",
                        "--set",
                        "layer=head-g/relu");
        Cli.Result unknown =
                Cli.run(
                        "eval",
                        "--run",
                        run.toString(),
                        "--protocol",
                        "semi-supervised",
                        "--set",
                        "layer=head-x/relu");

        assertThat(fromHead.exitCode()).as(fromHead.err()).isEqualTo(0);
        assertThat(value(fromHead.out(), "10%/top1")).isBetween(0.0, 100.0);
        assertThat(run.resolve("features/train-head-g-relu.bin")).isNotEmptyFile();
        assertThat(fineTuned.exitCode()).as(fineTuned.err()).isEqualTo(0);
        assertThat(fineTuned.out()).contains("mode fine-tune");
        assertThat(value(fineTuned.out(), "10%/top1")).isBetween(0.0, 100.0);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("found 'head-x/relu'").contains("head-g/relu");
    }

    @Test
    void fewShotAsksForFewerShotsThanTheSmallestClassHas() {
        Cli.Result result = Cli.run("eval", "--run", run.toString(), "--protocol", "few-shot");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected at least k = 64 train images of every class")
                .contains("drop the larger values from 'shots'");
    }

    @Test
    void anUnknownProtocolListsTheKnownOnes() {
        Cli.Result result = Cli.run("eval", "--run", run.toString(), "--protocol", "lineer");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'lineer'").contains("linear").contains("knn");
    }

    @Test
    void aRunWithoutACheckpointSaysWhatToDo(@TempDir Path empty) throws IOException {
        Files.copy(run.resolve("config.yaml"), empty.resolve("config.yaml"));

        Cli.Result result = Cli.run("eval", "--run", empty.toString(), "--protocol", "knn");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected a checkpoint").contains("found none");
    }
}
