package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;

/**
 * Short runs of the test plugins on the real engine: 40 images of 8×8, batches of 8, so 5 steps an
 * epoch.
 */
class TrainingLoopTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir Path runs;

    private static RunConfig tiny(String... overrides) {
        return ConfigLoader.load(
                Path.of("src/test/resources/configs/tiny.yaml"), List.of(overrides), REGISTRY);
    }

    /** Remembers every call, in order. */
    private static final class Recorder implements RunListener {
        final List<String> events = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        @Override
        public void runStarted(Path directory, int totalSteps, int firstStep) {
            events.add("started " + totalSteps + " from " + firstStep);
        }

        @Override
        public void stepFinished(int step, int epoch, double loss, double imagesPerSecond) {
            events.add("step " + step + " of epoch " + epoch);
            losses.add(loss);
        }

        @Override
        public void epochFinished(int epoch, Map<String, Double> metrics) {
            events.add("epoch " + epoch);
        }

        @Override
        public void evaluationStarted(String when) {
            events.add("evaluating " + when);
        }

        @Override
        public void evaluated(String when, EvaluationResult result) {
            events.add("evaluated " + when + " with " + result.protocol());
        }

        @Override
        public void runFinished(RunSummary summary) {
            events.add("finished " + summary.steps());
        }
    }

    @Test
    void runTrainsEvaluatesAndWritesEveryFile() throws IOException {
        TrainingRun run = TrainingRun.create(tiny(), runs, REGISTRY);
        Recorder recorder = new Recorder();

        RunSummary summary = run.execute(recorder);

        List<String> expected = new ArrayList<>();
        expected.add("started 10 from 0");
        expected.addAll(List.of("evaluating before", "evaluated before with centroid"));
        for (int step = 0; step < 10; step++) {
            expected.add("step " + step + " of epoch " + step / 5);
            if (step % 5 == 4) {
                expected.add("epoch " + step / 5);
            }
        }
        expected.addAll(
                List.of("evaluating after", "evaluated after with centroid", "finished 10"));
        assertThat(recorder.events).containsExactlyElementsOf(expected);

        Path directory = run.directory();
        List<String> rows = Files.readAllLines(directory.resolve("metrics.csv"));
        assertThat(rows).hasSize(11);
        for (int step = 0; step < 10; step++) {
            String[] cells = rows.get(step + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(Integer.toString(step / 5));
            assertThat(cells[1]).isEqualTo(Integer.toString(step));
            assertThat(Double.parseDouble(cells[2])).isEqualTo(recorder.losses.get(step));
            // total = 1.0 * align + 0.5 * weak-align
            assertThat(Double.parseDouble(cells[2]))
                    .isCloseTo(
                            Double.parseDouble(cells[3]) + 0.5 * Double.parseDouble(cells[4]),
                            org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(summary.steps()).isEqualTo(10);
        assertThat(summary.before()).containsOnlyKeys("centroid/top1");
        assertThat(summary.after()).containsOnlyKeys("centroid/top1");
        double lastEpochMean =
                recorder.losses.subList(5, 10).stream().mapToDouble(d -> d).average().orElseThrow();
        assertThat(summary.finalLoss())
                .isCloseTo(lastEpochMean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(directory.resolve("summary.json")).exists();
        // summary.json: the last epoch's weak-label means (steps 5-9) and the mean step time over
        // steps 1-9, each step's seconds being the batch of 8 over its images/s
        List<Map<String, String>> table = table(directory);
        JsonNode json = JsonFiles.MAPPER.readTree(directory.resolve("summary.json").toFile());
        for (String key : List.of("weak/precision", "weak/recall", "weak/reciprocity")) {
            assertThat(json.get(key).asDouble())
                    .as(key)
                    .isCloseTo(mean(table.subList(5, 10), key), within(1e-12));
        }
        double stepMs =
                table.subList(1, 10).stream()
                        .mapToDouble(row -> 8000 / Double.parseDouble(row.get("images/s")))
                        .average()
                        .orElseThrow();
        assertThat(json.get("meanStepMilliseconds").asDouble())
                .isCloseTo(stepMs, within(1e-6 * stepMs));
        assertThat(summary.meanStepMilliseconds())
                .isEqualTo(json.get("meanStepMilliseconds").asDouble());
        // component labels are symmetric; every member lies in a component of some size
        assertThat(mean(table, "weak/reciprocity")).isEqualTo(1.0);
        for (Map<String, String> row : table) {
            double shares = 0;
            for (String size : List.of("1", "2", "3-4", "5-8", "9-16", "17+")) {
                shares += Double.parseDouble(row.get("weak/size-" + size));
            }
            assertThat(shares).isCloseTo(1.0, within(1e-9));
        }
        assertThat(listing(directory.resolve("checkpoints")))
                .containsExactly("checkpoint-0002.bin", "checkpoint-0002.json");
    }

    @Test
    void resumedRunEndsWithTheSameResultAsAnUninterruptedOne() throws IOException {
        RunConfig config = tiny("training.epochs=3");
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        RunOptions options = new RunOptions(List.of(), List.of(), clock);
        RunSummary uninterrupted =
                TrainingRun.create(config, runs, REGISTRY, options).execute(RunListener.NONE);

        // a second run dies at the end of epoch 1, before that epoch's checkpoint
        TrainingRun interrupted = TrainingRun.create(config, runs, REGISTRY, options);
        RunListener dying =
                new RunListener() {
                    @Override
                    public void epochFinished(int epoch, Map<String, Double> metrics) {
                        if (epoch == 1) {
                            throw new IllegalStateException("killed");
                        }
                    }
                };
        assertThatThrownBy(() -> interrupted.execute(dying)).hasMessage("killed");
        assertThat(Files.readAllLines(interrupted.directory().resolve("metrics.csv"))).hasSize(11);

        Recorder recorder = new Recorder();
        RunSummary resumed =
                TrainingRun.resume(interrupted.directory(), REGISTRY).execute(recorder);

        assertThat(recorder.events.get(0)).isEqualTo("started 15 from 5");
        assertThat(recorder.events).doesNotContain("evaluating before");
        assertThat(resumed.steps()).isEqualTo(15);
        assertThat(resumed.before()).isEqualTo(uninterrupted.before());
        assertThat(resumed.after()).isEqualTo(uninterrupted.after());
        assertThat(resumed.finalLoss()).isEqualTo(uninterrupted.finalLoss());
        // the mean step time spans both executions, without the first step of each (0 and 5)
        List<Map<String, String>> table = table(interrupted.directory());
        double stepMs =
                java.util.stream.IntStream.range(0, 15)
                        .filter(step -> step != 0 && step != 5)
                        .mapToDouble(
                                step -> 8000 / Double.parseDouble(table.get(step).get("images/s")))
                        .average()
                        .orElseThrow();
        assertThat(resumed.meanStepMilliseconds()).isCloseTo(stepMs, within(1e-6 * stepMs));
        assertThat(lossColumns(interrupted.directory()))
                .isEqualTo(lossColumns(uninterrupted.directory()));
        assertThatThrownBy(() -> TrainingRun.resume(interrupted.directory(), REGISTRY))
                .hasMessageContaining("already finished");
    }

    @Test
    void runsKilledMidEpochResumeToTheSameParametersAndMomentum() throws IOException {
        // LARS, so that its state is checked too; 3 epochs of 5 steps, a checkpoint every epoch
        RunConfig config = tiny("training.epochs=3", "training.optimizer=lars");
        RunSummary uninterrupted =
                TrainingRun.create(config, runs, REGISTRY).execute(RunListener.NONE);
        Path expected = uninterrupted.directory().resolve("checkpoints/checkpoint-0003.bin");

        // killed in epoch 0 (no checkpoint yet) and in epoch 2 (after the checkpoint of epoch 1)
        for (int killedAt : new int[] {2, 12}) {
            TrainingRun interrupted = TrainingRun.create(config, runs, REGISTRY);
            RunListener dying =
                    new RunListener() {
                        @Override
                        public void stepFinished(
                                int step, int epoch, double loss, double imagesPerSecond) {
                            if (step == killedAt) {
                                throw new IllegalStateException("killed");
                            }
                        }
                    };
            assertThatThrownBy(() -> interrupted.execute(dying)).hasMessage("killed");

            RunSummary resumed =
                    TrainingRun.resume(interrupted.directory(), REGISTRY).execute(RunListener.NONE);

            // the checkpoint file holds the flat parameters and the momentum buffer, byte for byte
            Path actual = interrupted.directory().resolve("checkpoints/checkpoint-0003.bin");
            assertThat(Files.mismatch(actual, expected))
                    .as("killed at step %d", killedAt)
                    .isEqualTo(-1L);
            assertThat(resumed.after()).isEqualTo(uninterrupted.after());
            assertThat(lossColumns(interrupted.directory()))
                    .isEqualTo(lossColumns(uninterrupted.directory()));
        }
    }

    /** The rows of {@code metrics.csv}, each keyed by the header. */
    private static List<Map<String, String>> table(Path directory) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double mean(List<Map<String, String>> rows, String column) {
        return rows.stream()
                .mapToDouble(row -> Double.parseDouble(row.get(column)))
                .average()
                .orElseThrow();
    }

    /** The epoch, step, loss and loss/* cells of every row: everything but timings. */
    private static List<String> lossColumns(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("metrics.csv")).stream()
                .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 5)))
                .toList();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
