package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;

/** What {@code compare} makes of the run folders it finds; none of these trains. */
class CompareRunsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir Path runs;

    private static String resource(String name) throws URISyntaxException {
        return Path.of(CompareRunsTest.class.getResource("/" + name).toURI()).toString();
    }

    /** A run directory in the slot of {@code config}, holding {@code yaml} as its config. */
    private Path runWith(RunConfig config, String yaml) throws Exception {
        Path run =
                CompareRuns.slot(runs, config.name(), config.seed())
                        .resolve(config.name() + "-20260101-000000");
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
        return run;
    }

    @Test
    void aRunThatDiffersOnlyInLogEveryIsReused() throws Exception {
        RunConfig earlier =
                ConfigSource.load(resource("compare-simclr.yaml"), List.of("training.logEvery=3"));
        RunConfig now =
                ConfigSource.load(resource("compare-simclr.yaml"), List.of("training.logEvery=7"));
        Path run = runWith(earlier, ConfigLoader.toYaml(earlier));
        Files.writeString(run.resolve(RunDriver.SUMMARY), "{}", StandardCharsets.UTF_8);

        List<CompareRuns.Planned> plan = CompareRuns.plan(runs, List.of(now));

        assertThat(plan)
                .singleElement()
                .extracting(CompareRuns.Planned::state)
                .isEqualTo(CompareRuns.State.FINISHED);
        assertThat(CompareRuns.differences(run.resolve("config.yaml"), now)).isEmpty();
    }

    @Test
    void anInterruptedRunKnowsItsNewestCheckpoint() throws Exception {
        RunConfig config = ConfigSource.load(resource("compare-simclr.yaml"), List.of("seed=3"));
        Path run = runWith(config, ConfigLoader.toYaml(config));

        OptionalInt before = CompareRuns.plan(runs, List.of(config)).get(0).checkpointedEpochs();
        // the layout of checkpoints/: a checkpoint counts once its checkpoint-000N.json exists
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("checkpoints/checkpoint-0003.bin"), "");
        Files.writeString(run.resolve("checkpoints/checkpoint-0003.json"), "{}");
        Files.writeString(run.resolve("checkpoints/checkpoint-0004.bin"), ""); // no JSON yet
        CompareRuns.Planned after = CompareRuns.plan(runs, List.of(config)).get(0);

        assertThat(before).isEmpty();
        assertThat(CompareRuns.resumed(before))
                .isEqualTo("resumed: no checkpoint yet, so it starts over");
        assertThat(after.state()).isEqualTo(CompareRuns.State.INTERRUPTED);
        assertThat(after.checkpointedEpochs()).hasValue(3);
        assertThat(CompareRuns.resumed(after.checkpointedEpochs()))
                .isEqualTo("resumed from the checkpoint after epoch 3");
    }

    @Test
    void aMappingEmptiedThereListsOnlyItsLeaves() throws Exception {
        RunConfig now = ConfigSource.load(resource("compare-simclr.yaml"), List.of());
        ObjectNode there = (ObjectNode) YAML.readTree(ConfigLoader.toYaml(now));
        ObjectNode knn = (ObjectNode) there.path("evaluation").get(0);
        List<String> expected = new ArrayList<>();
        knn.path("settings")
                .properties()
                .forEach(
                        e ->
                                expected.add(
                                        "evaluation.0.settings."
                                                + e.getKey()
                                                + " is absent there, "
                                                + e.getValue().asText()
                                                + " requested"));
        knn.putObject("settings");
        Path run = runWith(now, YAML.writeValueAsString(there));

        List<String> differences = CompareRuns.differences(run.resolve("config.yaml"), now);

        // k: 20 and temperature: 0.1 at least, each once, and no line for the mapping itself
        assertThat(expected)
                .contains(
                        "evaluation.0.settings.k is absent there, 20 requested",
                        "evaluation.0.settings.temperature is absent there, 0.1 requested");
        assertThat(differences).containsExactlyElementsOf(expected);
    }
}
