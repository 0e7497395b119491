package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.core.config.ConfigException;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;

/** Evaluating a finished run of the test plugins again, from its checkpoint. */
class RunEvaluationTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir static Path runs;

    private static Path trained;
    private static double centroidAfterTraining;

    @BeforeAll
    static void trainTinyRun() {
        RunConfig config =
                ConfigLoader.load(
                        Path.of("src/test/resources/configs/tiny.yaml"),
                        List.of("training.evaluateBefore=false"),
                        REGISTRY);
        TrainingRun run = TrainingRun.create(config, runs, REGISTRY);
        centroidAfterTraining = run.execute(RunListener.NONE).after().get("centroid/top1");
        trained = run.directory();
    }

    /** Remembers the stages an evaluation went through. */
    private static final class Stages implements RunEvaluation.Listener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void computingFeatures(String split, int images) {
            seen.add("computing " + split);
        }

        @Override
        public void cachedFeatures(String split, int images) {
            seen.add("cached " + split);
        }

        @Override
        public void protocolStarted(String name) {
            seen.add("running " + name);
        }
    }

    @Test
    void reproducesTheRunsOwnEvaluationAndWritesItsResult() throws IOException {
        RunEvaluation evaluation = RunEvaluation.open(trained, REGISTRY);

        RunEvaluation.Outcome outcome = evaluation.evaluate("centroid", List.of(), new Stages());

        assertThat(outcome.result().metrics().get("top1")).isEqualTo(centroidAfterTraining);
        assertThat(outcome.checkpointEpochs()).isEqualTo(2);
        assertThat(outcome.resultFile()).isEqualTo(trained.resolve("evaluations/centroid.json"));
        JsonNode json = JsonFiles.MAPPER.readTree(outcome.resultFile().toFile());
        assertThat(json.get("metrics").get("top1").asDouble()).isEqualTo(centroidAfterTraining);
        assertThat(json.get("checkpointEpochs").asInt()).isEqualTo(2);
        assertThat(json.get("checkpointSha256").asText()).hasSize(64);
    }

    @Test
    void sharesFeaturesBetweenEvaluationsAndLeavesTheNetworkUntouched() {
        RunEvaluation evaluation = RunEvaluation.open(trained, REGISTRY);
        INDArray before = evaluation.network().parameters();
        Stages first = new Stages();
        Stages second = new Stages();

        evaluation.evaluate("centroid", List.of(), first);
        RunEvaluation.open(trained, REGISTRY).evaluate("centroid", List.of(), second);

        assertThat(second.seen).containsExactly("running centroid", "cached train", "cached test");
        assertThat(first.seen).contains("running centroid");
        assertThat(trained.resolve("features/train.bin")).isNotEmptyFile();
        assertThat(trained.resolve("features/test.bin")).isNotEmptyFile();
        // bit for bit: the same float values, not merely close ones
        assertThat(evaluation.network().parameters().data().asFloat())
                .isEqualTo(before.data().asFloat());
    }

    @Test
    void fineTuningTrainsACopyAndLeavesTheNetworkAndItsCheckpointUntouched() throws IOException {
        RunEvaluation evaluation = RunEvaluation.open(trained, REGISTRY);
        INDArray before = evaluation.network().parameters();
        Map<Path, byte[]> checkpoints = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(trained.resolve(RunDirectory.CHECKPOINTS))) {
            for (Path file : files.toList()) {
                checkpoints.put(file, Files.readAllBytes(file));
            }
        }

        RunEvaluation.Outcome outcome = evaluation.evaluate("fine-tuned", List.of(), new Stages());

        // the copy was trained (whether it learns is the engine's tests' business: an encoder
        // that averages over the image cannot tell the blobs' quadrants apart); the network and
        // every checkpoint file are as they were
        assertThat(outcome.result().metrics().get("train-loss")).isBetween(0.0, 2 * Math.log(4));
        assertThat(outcome.result().metrics().get("top1")).isBetween(0.0, 100.0);
        assertThat(evaluation.network().parameters().data().asFloat())
                .isEqualTo(before.data().asFloat());
        for (Map.Entry<Path, byte[]> file : checkpoints.entrySet()) {
            assertThat(Files.readAllBytes(file.getKey()))
                    .as(file.getKey().toString())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void anUnknownProtocolListsTheKnownOnes() {
        RunEvaluation evaluation = RunEvaluation.open(trained, REGISTRY);

        assertThatThrownBy(() -> evaluation.evaluate("centriod", List.of(), new Stages()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'centriod'")
                .hasMessageContaining("centroid");
    }

    @Test
    void aSettingTheProtocolLacksIsRejected() {
        RunEvaluation evaluation = RunEvaluation.open(trained, REGISTRY);

        assertThatThrownBy(() -> evaluation.evaluate("centroid", List.of("k=3"), new Stages()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("k");
    }

    @Test
    void aRunWithoutACheckpointSaysWhatToDo() {
        RunConfig config =
                ConfigLoader.load(
                        Path.of("src/test/resources/configs/tiny.yaml"), List.of(), REGISTRY);
        Path fresh = TrainingRun.create(config, runs, REGISTRY).directory();

        assertThatThrownBy(() -> RunEvaluation.open(fresh, REGISTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a checkpoint in")
                .hasMessageContaining("found none")
                .hasMessageContaining("--resume");
        assertThatThrownBy(() -> RunEvaluation.open(runs.resolve("missing"), REGISTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config.yaml");
    }
}
