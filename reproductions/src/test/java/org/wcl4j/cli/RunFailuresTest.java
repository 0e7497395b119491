package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunListener;
import org.wcl4j.core.run.TrainingRun;

/**
 * How {@code train} fails once a run directory exists: a damaged checkpoint is named with what to
 * do (exit 2) rather than skipped or reported as a write error, a run that stops mid-way says where
 * its directory is and how to continue, and {@code run.log} records the resume and the error.
 * Trains {@code tiny.yaml} on 128 real Fashion-MNIST images, two epochs of 4 steps, killed after
 * the first checkpoint; skipped when the data set is not installed.
 */
class RunFailuresTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    private static final List<String> SMALL =
            List.of(
                    "dataset.settings.trainLimit=128",
                    "dataset.settings.testLimit=100",
                    "training.batchSize=32",
                    "training.evaluateBefore=false");

    @TempDir static Path interruptedRuns;
    private static Path config;
    private static Path interrupted;

    @TempDir Path runs;

    @BeforeAll
    static void interruptARunAfterItsFirstCheckpoint() throws URISyntaxException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        config = Path.of(RunFailuresTest.class.getResource("/tiny.yaml").toURI());
        PluginRegistry registry = PluginRegistry.discover();
        TrainingRun run =
                TrainingRun.create(
                        ConfigLoader.load(config, SMALL, registry), interruptedRuns, registry);
        RunListener dying =
                new RunListener() {
                    @Override
                    public void stepFinished(
                            int step, int epoch, double loss, double imagesPerSecond) {
                        if (step == 5) {
                            throw new IllegalStateException("killed");
                        }
                    }
                };
        assertThatThrownBy(() -> run.execute(dying)).hasMessage("killed");
        interrupted = run.directory();
    }

    /** A copy of the interrupted run, for one test to change. */
    private Path copy() throws IOException {
        Path target = runs.resolve(interrupted.getFileName());
        try (Stream<Path> files = Files.walk(interrupted)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(interrupted.relativize(file).toString()));
            }
        }
        return target;
    }

    private static Path checkpoint(Path run, String extension) {
        return run.resolve("checkpoints").resolve("checkpoint-0001." + extension);
    }

    @Test
    void truncatedNetworkFileIsNamedWithWhatToDo() throws IOException {
        Path run = copy();
        Path network = checkpoint(run, "bin");
        byte[] whole = Files.readAllBytes(network);
        Files.write(network, Arrays.copyOf(whole, whole.length / 2));

        Cli.Result result = Cli.run("train", "--resume", run.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: checkpoint " + network + " is damaged: expected a whole")
                .contains(
                        "Delete "
                                + run.resolve("checkpoints/checkpoint-0001.*")
                                + " to train the run again from step 0")
                .contains("run directory: ")
                .doesNotContain("UncheckedIOException")
                .doesNotContain("continue with");
        assertThat(run.resolve(RunLog.FILE_NAME))
                .content()
                .contains("resuming " + run + " after step 4 (epoch 1)")
                .contains("ERROR")
                .contains("is damaged");
    }

    @Test
    void networkFileOfRandomBytesIsNamed() throws IOException {
        Path run = copy();
        byte[] noise = new byte[(int) Files.size(checkpoint(run, "bin"))];
        new Random(11).nextBytes(noise);
        Files.write(checkpoint(run, "bin"), noise);

        Cli.Result result = Cli.run("train", "--resume", run.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: checkpoint " + checkpoint(run, "bin"))
                .contains("Delete ");
    }

    @Test
    void checkpointJsonThatDoesNotParseStopsTheResumeInsteadOfStartingOver() throws IOException {
        Path run = copy();
        Files.writeString(checkpoint(run, "json"), "{ broken");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));

        Cli.Result result = Cli.run("train", "--resume", run.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .startsWith(
                        "error: checkpoint "
                                + checkpoint(run, "json")
                                + " is damaged: expected the JSON of a checkpoint");
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).isEqualTo(metrics);
        assertThat(run.resolve(RunLog.FILE_NAME)).content().contains("could not resume " + run);
    }

    @Test
    void checkpointWithoutItsNetworkFileIsNamed() throws IOException {
        Path run = copy();
        Files.delete(checkpoint(run, "bin"));

        Cli.Result result = Cli.run("train", "--resume", run.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected its network file checkpoint-0001.bin beside it, found none");
    }

    @Test
    void resumeIsRecordedInRunLog() throws IOException {
        Path run = copy();

        Cli.Result result = Cli.run("train", "--resume", run.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(run.resolve(RunLog.FILE_NAME))
                .content()
                .contains("INFO")
                .contains("resuming " + run + " after step 4 (epoch 1)")
                .contains("finished after 8 steps");
    }

    @Test
    void runThatDivergesSaysWhereItsDirectoryIsAndLogsTheError() throws IOException {
        String[] args = {
            "train",
            config.toString(),
            "--runs",
            runs.toString(),
            "--set",
            "training.learningRate=1e30",
            "--set",
            SMALL.get(0),
            "--set",
            SMALL.get(1),
            "--set",
            SMALL.get(2),
            "--set",
            SMALL.get(3)
        };

        Cli.Result result = Cli.run(args);

        assertThat(result.exitCode()).as(result.err()).isNotEqualTo(0);
        Path run;
        try (Stream<Path> made = Files.list(runs)) {
            run = made.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(result.err())
                .contains("run directory: " + Reports.path(run) + " (its log: run.log)")
                .contains("training stopped at step ")
                .contains("wcl4j train --resume " + Reports.path(run));
        assertThat(run.resolve(RunLog.FILE_NAME)).content().contains("ERROR").contains("stopped");
    }
}
