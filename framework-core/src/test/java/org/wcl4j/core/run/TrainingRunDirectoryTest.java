package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;

/** Creating and resuming run directories, without training. */
class TrainingRunDirectoryTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final RunOptions OPTIONS =
            new RunOptions(List.of("wcl4j", "train", "tiny.yaml"), List.of(), CLOCK);

    @TempDir Path runs;

    private static RunConfig tiny() {
        return ConfigLoader.load(
                Path.of("src/test/resources/configs/tiny.yaml"), List.of(), REGISTRY);
    }

    @Test
    void createWritesTheResolvedConfigProvenanceAndMetricsHeader() throws IOException {
        RunConfig config = tiny();

        Path directory = TrainingRun.create(config, runs, REGISTRY, OPTIONS).directory();

        assertThat(directory).isEqualTo(runs.resolve("tiny-20260102-030405"));
        assertThat(directory.resolve("checkpoints")).isEmptyDirectory();
        assertThat(ConfigLoader.load(directory.resolve("config.yaml"), List.of(), REGISTRY))
                .isEqualTo(config);
        assertThat(Files.readAllLines(directory.resolve("metrics.csv")))
                .containsExactly(
                        "epoch,step,loss,loss/align,loss/weak-align,lr,weak/components,"
                                + "weak/precision,weak/recall,weak/reciprocity,weak/size-1,"
                                + "weak/size-2,weak/size-3-4,weak/size-5-8,weak/size-9-16,"
                                + "weak/size-17+,images/s,time/augment,"
                                + "time/forward,time/label,time/loss,time/backward,time/update");
        JsonNode provenance =
                JsonFiles.MAPPER.readTree(directory.resolve("provenance.json").toFile());
        assertThat(provenance.get("wcl4j").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(provenance.get("seed").asLong()).isEqualTo(3);
        assertThat(provenance.get("start").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(provenance.get("commandLine").toString())
                .isEqualTo("[\"wcl4j\",\"train\",\"tiny.yaml\"]");
        assertThat(provenance.get("java").get("version").asText())
                .isEqualTo(System.getProperty("java.version"));
        assertThat(provenance.get("cpus").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(provenance.get("nd4j").get("version").asText()).isEqualTo("1.0.0-M2.1");
        assertThat(provenance.get("nd4j").get("backend").asText()).contains("Cpu");
        assertThat(directory.resolve("summary.json")).doesNotExist();
    }

    @Test
    void runsStartedInTheSameSecondGetDistinctDirectories() {
        Path first = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();
        Path second = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();
        Path third = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();

        assertThat(first.getFileName()).hasToString("tiny-20260102-030405");
        assertThat(second.getFileName()).hasToString("tiny-20260102-030405-2");
        assertThat(third.getFileName()).hasToString("tiny-20260102-030405-3");
    }

    @Test
    void resumeCutsMetricsBackToTheCheckpointedStep() throws IOException {
        Path directory = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();
        Path metrics = directory.resolve("metrics.csv");
        String header = Files.readAllLines(metrics).get(0);
        // five steps were logged, but the last checkpoint was taken after step 2 (epoch 0 of 3)
        StringBuilder rows = new StringBuilder();
        for (int step = 0; step < 5; step++) {
            rows.append(step / 3).append(',').append(step).append(",1.5");
            rows.append(",".repeat(header.split(",").length - 3));
            rows.append('\n');
        }
        Files.writeString(metrics, rows.toString(), java.nio.file.StandardOpenOption.APPEND);
        CheckpointState state =
                new CheckpointState(1, 3, 24, 1.0, 2.0, 1.5, Map.of(), List.of(Map.of()), 2, 0.6);
        new CheckpointStore(directory.resolve("checkpoints"))
                .write(state, file -> Files.writeString(file, "network"));

        TrainingRun.resume(directory, REGISTRY, OPTIONS.withCommandLine(List.of("resume")));

        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines.subList(1, 4)).allMatch(line -> line.startsWith("0,"));
        assertThat(lines.get(3)).startsWith("0,2,");
        JsonNode resume =
                JsonFiles.MAPPER
                        .readTree(directory.resolve("provenance.json").toFile())
                        .get("resumes")
                        .get(0);
        assertThat(resume.get("fromEpoch").asInt()).isEqualTo(1);
        assertThat(resume.get("commandLine").get(0).asText()).isEqualTo("resume");
    }

    @Test
    void resumeWithoutACheckpointStartsOver() throws IOException {
        Path directory = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();
        Path metrics = directory.resolve("metrics.csv");
        Files.writeString(
                metrics,
                "0,0,1.5" + ",".repeat(13) + "\n",
                java.nio.file.StandardOpenOption.APPEND);

        TrainingRun.resume(directory, REGISTRY);

        assertThat(Files.readAllLines(metrics)).hasSize(1);
    }

    @Test
    void splitSmallerThanOneBatchFailsBeforeTheRunDirectoryIsMade() {
        RunConfig config =
                ConfigLoader.load(
                        Path.of("src/test/resources/configs/tiny.yaml"),
                        List.of("training.batchSize=64"),
                        REGISTRY);

        assertThatThrownBy(() -> TrainingRun.create(config, runs, REGISTRY, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the training split has 40 images, fewer than one batch of 64; lower"
                                + " training.batchSize (e.g. --set training.batchSize=32) or"
                                + " train on more images");
        assertThat(runs).isEmptyDirectory();
    }

    @Test
    void runIsExecutedOnce() {
        TrainingRun run = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS);
        RunListener failing =
                new RunListener() {
                    @Override
                    public void runStarted(Path directory, int totalSteps, int firstStep) {
                        throw new IllegalStateException("stopped");
                    }
                };

        assertThatThrownBy(() -> run.execute(failing)).hasMessage("stopped");
        assertThatThrownBy(() -> run.execute(RunListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already executed");
    }

    @Test
    void finishedRunSaysSoInsteadOfResuming() throws IOException {
        Path directory = TrainingRun.create(tiny(), runs, REGISTRY, OPTIONS).directory();
        Files.writeString(directory.resolve("summary.json"), "{}");

        assertThatThrownBy(() -> TrainingRun.resume(directory, REGISTRY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "run "
                                + directory
                                + " already finished (see its summary.json); nothing to"
                                + " resume, start a new run to train again");
        assertThatThrownBy(() -> TrainingRun.resume(runs, REGISTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a run directory with a config.yaml");
    }
}
