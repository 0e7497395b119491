package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code wcl4j reproduce} process stopped (SIGTERM) while its second cell trains, then the same
 * command again: the finished cell is reused as it is, the stopped one resumes from its checkpoint,
 * and the report has both. Runs {@code reproduce-interrupted.yaml} on real Fashion-MNIST images;
 * skipped when the data set is not installed.
 */
class ReproduceInterruptedTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir Path runs;

    @Test
    void anInterruptedTableResumesWhereItStopped()
            throws URISyntaxException, IOException, InterruptedException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        String table =
                Path.of(
                                ReproduceInterruptedTest.class
                                        .getResource("/reproduce-interrupted.yaml")
                                        .toURI())
                        .toString();
        List<String> arguments =
                List.of("reproduce", table, "--profile", "smoke", "--runs", runs.toString());
        Path folder = runs.resolve("reproduce/reproduce-interrupted-smoke");
        Path printed = runs.resolve("printed.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Wcl4jCommand.class.getName());
        command.addAll(arguments);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(printed.toFile())
                        .start();
        Path quick;
        Path longRun;
        try {
            longRun = awaitCheckpoint(process, folder.resolve("long-seed1"));
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        quick = only(folder.resolve("quick-seed1"));
        assertThat(quick.resolve("summary.json")).isNotEmptyFile();
        assertThat(longRun.resolve("summary.json"))
                .as("the long cell finished before it could be stopped")
                .doesNotExist();
        assertThat(Files.readString(printed))
                .contains("or run the same `wcl4j reproduce` command again");
        byte[] quickSummary = Files.readAllBytes(quick.resolve("summary.json"));

        Cli.Result again = Cli.run(arguments.toArray(String[]::new));

        assertThat(again.exitCode()).as(again.err()).isEqualTo(0);
        assertThat(again.err())
                .contains("run 1/2: cell quick seed 1: skipped, already finished")
                .containsPattern(
                        "run 2/2: cell long seed 1: resumed from the checkpoint after"
                                + " epoch \\d+");
        assertThat(only(folder.resolve("long-seed1"))).isEqualTo(longRun);
        assertThat(longRun.resolve("summary.json")).isNotEmptyFile();
        assertThat(Files.readAllBytes(quick.resolve("summary.json"))).isEqualTo(quickSummary);
        // a run stopped after its summary but before its report gets the report written again
        Files.delete(quick.resolve("report.md"));
        Cli.Result third = Cli.run(arguments.toArray(String[]::new));
        assertThat(third.exitCode()).as(third.err()).isEqualTo(0);
        assertThat(third.err())
                .contains("run 1/2: cell quick seed 1: its report and figures were missing");
        assertThat(quick.resolve("report.md")).isNotEmptyFile();
        assertThat(Files.readAllBytes(quick.resolve("summary.json"))).isEqualTo(quickSummary);
        assertThat(Files.readAllLines(folder.resolve("reproduce-interrupted.csv")))
                .hasSize(3)
                .anyMatch(l -> l.startsWith("quick,"))
                .anyMatch(l -> l.startsWith("long,"));
    }

    private static Path only(Path slot) throws IOException {
        try (Stream<Path> made = Files.list(slot)) {
            List<Path> directories = made.filter(Files::isDirectory).toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }

    /** The run directory in {@code slot}, once it holds a checkpoint. */
    private static Path awaitCheckpoint(Process process, Path slot)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the reproduce process is still running").isTrue();
            Optional<Path> run = Optional.empty();
            if (Files.isDirectory(slot)) {
                try (Stream<Path> made = Files.list(slot)) {
                    run = made.filter(Files::isDirectory).findFirst();
                }
            }
            if (run.isPresent() && hasCheckpoint(run.get())) {
                return run.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of the long cell within 3 minutes");
    }

    /** Whether a run directory holds a checkpoint yet. */
    private static boolean hasCheckpoint(Path run) throws IOException {
        Path folder = run.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(
                    f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json"));
        }
    }
}
