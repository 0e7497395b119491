package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a {@code wcl4j train} process after its first checkpoint: the shutdown hook prints and
 * logs where the run stopped and how to continue it. Runs the command line in a JVM of its own on
 * {@code tiny.yaml} (128 real Fashion-MNIST images, batches of 32, many epochs); skipped when the
 * data set is not installed.
 */
class InterruptedTrainingTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir Path runs;

    @Test
    void terminatedRunSaysWhereItStoppedAndHowToContinue()
            throws URISyntaxException, IOException, InterruptedException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        Path config = Path.of(InterruptedTrainingTest.class.getResource("/tiny.yaml").toURI());
        Path err = runs.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process =
                new ProcessBuilder(
                                List.of(
                                        java.toString(),
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        Wcl4jCommand.class.getName(),
                                        "train",
                                        config.toString(),
                                        "--runs",
                                        runs.resolve("runs").toString(),
                                        "--set",
                                        "dataset.settings.trainLimit=128",
                                        "--set",
                                        "dataset.settings.testLimit=100",
                                        "--set",
                                        "training.batchSize=32",
                                        "--set",
                                        "training.epochs=1000",
                                        "--set",
                                        "training.evaluateBefore=false"))
                        .redirectErrorStream(true)
                        .redirectOutput(err.toFile())
                        .start();
        try {
            Path run = awaitFirstCheckpoint(process, runs.resolve("runs"));

            process.destroy();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(err);
            assertThat(printed)
                    .containsPattern(
                            "interrupted at step \\d+ of 4000; the last checkpoint is after"
                                    + " epoch \\d+; continue with: wcl4j train --resume ")
                    .contains(run.getFileName().toString());
            assertThat(run.resolve(RunLog.FILE_NAME)).content().contains("interrupted at step");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The run directory, once it holds a checkpoint. */
    private static Path awaitFirstCheckpoint(Process process, Path root)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the training process is still running").isTrue();
            Optional<Path> run = Optional.empty();
            if (Files.isDirectory(root)) {
                try (Stream<Path> made = Files.list(root)) {
                    run = made.findFirst();
                }
            }
            if (run.isPresent() && hasCheckpoint(run.get().resolve("checkpoints"))) {
                return run.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint within 3 minutes");
    }

    private static boolean hasCheckpoint(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(
                    f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json"));
        }
    }
}
