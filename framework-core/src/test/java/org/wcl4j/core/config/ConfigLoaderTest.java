package org.wcl4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.registry.PluginRegistry;

class ConfigLoaderTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final Path TINY = Path.of("src/test/resources/configs/tiny.yaml");

    /** The smallest valid config: only the required sections. */
    private static final String MINIMAL =
            """
            dataset: {name: blobs}
            encoder: {name: tiny-conv}
            heads:
              g: {name: linear}
            crops: two-views
            losses:
              - {name: align, head: g}
            """;

    private static RunConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, List.of(overrides), REGISTRY);
    }

    private static List<String> problems(String yaml, String... overrides) {
        return catchThrowableOfType(ConfigException.class, () -> parse(yaml, overrides)).problems();
    }

    @Test
    void readsEverySectionOfAFullConfig() {
        RunConfig config = ConfigLoader.load(TINY, List.of(), REGISTRY);

        assertThat(config.name()).isEqualTo("tiny");
        assertThat(config.seed()).isEqualTo(3);
        assertThat(config.dataset())
                .isEqualTo(
                        new PluginChoice(
                                "blobs",
                                Map.of("trainSize", 40, "testSize", 24, "size", 8, "seed", 7)));
        assertThat(config.encoder().settings()).containsExactly(Map.entry("widths", List.of(4)));
        assertThat(config.heads()).containsOnlyKeys("g", "phi");
        assertThat(config.heads().keySet()).containsExactly("g", "phi");
        assertThat(config.labeller())
                .contains(new LabellerChoice("nearest-neighbour", "phi", Map.of()));
        assertThat(config.crops()).isEqualTo(PluginChoice.of("two-views"));
        assertThat(config.augmentations())
                .containsExactly(new PluginChoice("flip", Map.of("probability", 0.5)));
        assertThat(config.losses())
                .containsExactly(
                        new LossChoice("align", "g", 1.0, Map.of("scale", 2.0)),
                        new LossChoice("weak-align", "phi", 0.5, Map.of()));
        assertThat(config.training())
                .isEqualTo(
                        new TrainingConfig(
                                2, 8, 0.05, 0.9, false, 1.0e-4, 0, 1, true, 0, 10, "sgd", 0.001,
                                "none"));
        assertThat(config.evaluation()).containsExactly(PluginChoice.of("centroid"));
    }

    @Test
    void fillsEveryOmittedKeyWithItsDefault() {
        RunConfig config = parse(MINIMAL);

        assertThat(config.name()).isEqualTo("run");
        assertThat(config.seed()).isEqualTo(1);
        assertThat(config.training()).isEqualTo(TrainingConfig.defaults());
        assertThat(config.labeller()).isEmpty();
        assertThat(config.augmentations()).isEmpty();
        assertThat(config.evaluation()).isEmpty();
        assertThat(config.losses())
                .containsExactly(new LossChoice("align", "g", 1.0, Map.of("scale", 1.0)));
        // settings come out complete and in the settings record's order
        assertThat(config.dataset().settings().keySet())
                .containsExactly("trainSize", "testSize", "size", "seed");
        assertThat(config.heads().get("g").settings()).containsExactly(Map.entry("output", 4));
    }

    @Test
    void appliesOverridesToKeysIndicesAndOmittedSettings() {
        RunConfig config =
                ConfigLoader.load(
                        TINY,
                        List.of(
                                "training.epochs=3",
                                "losses.1.weight=0.25",
                                "encoder.settings.widths.0=6",
                                "heads.phi.settings.output=5",
                                "training.nesterov=true",
                                "name=tiny-b",
                                "augmentations=[]"),
                        REGISTRY);

        assertThat(config.training().epochs()).isEqualTo(3);
        assertThat(config.training().nesterov()).isTrue();
        assertThat(config.losses().get(1).weight()).isEqualTo(0.25);
        assertThat(config.encoder().settings()).containsEntry("widths", List.of(6));
        assertThat(config.heads().get("phi").settings()).containsEntry("output", 5);
        assertThat(config.name()).isEqualTo("tiny-b");
        assertThat(config.augmentations()).isEmpty();
    }

    @Test
    void overrideThroughAMissingKeyNamesTheNearestExistingOne() {
        assertThat(problems(MINIMAL, "heads.q.settings.output=6"))
                .containsExactly(
                        "--set heads.q.settings.output=6: heads.q does not exist; did you mean"
                                + " heads.g? existing keys under heads: g");
        assertThat(problems(MINIMAL, "losses.2.weight=0.5"))
                .containsExactly(
                        "--set losses.2.weight=0.5: losses.2 does not exist: losses has 1"
                                + " entries, indices 0 to 0");
        assertThat(problems(MINIMAL, "training.epochz=3"))
                .containsExactly(
                        "unknown key 'epochz' at training.epochz; did you mean 'epochs'? known:"
                                + " epochs, batchSize, learningRate, momentum, nesterov,"
                                + " weightDecay, warmupEpochs, checkpointEvery, evaluateBefore,"
                                + " evaluateEvery, logEvery, optimizer, trustCoefficient,"
                                + " learningRateScaling");
        assertThat(problems(MINIMAL, "epochs"))
                .containsExactly("--set epochs: expected path=value, e.g. training.epochs=3");
    }

    @Test
    void reportsAllThreeMistakesWithTheirPaths() {
        String yaml =
                """
                dataset: {name: blobs}
                encoder: {name: tiny-conv}
                heads:
                  g: {name: linear, settings: {hiddn: 8}}
                crops: {name: two-views}
                losses:
                  - {name: align, head: gg}
                trainnig: {epochs: 2}
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> parse(yaml));

        assertThat(error.problems())
                .containsExactly(
                        "unknown key 'trainnig' at trainnig; did you mean 'training'? known:"
                                + " name, seed, dataset, encoder, heads, labeller, crops,"
                                + " augmentations, losses, training, evaluation",
                        "unknown key 'hiddn' at heads.g.settings.hiddn; known: output",
                        "unknown head 'gg' at losses.0.head; did you mean 'g'? known: g");
        assertThat(error.getMessage())
                .startsWith("config has 3 problems:")
                .contains("  1. unknown key 'trainnig'", "  2. unknown key 'hiddn'", "  3. ");
    }

    @Test
    void misspeltPluginNameSuggestsTheClosestKnownName() {
        String yaml =
                MINIMAL.replace("heads:", "labeller: {name: nearest-neigbour, head: g}\nheads:");

        assertThat(problems(yaml))
                .containsExactly(
                        "unknown labeller 'nearest-neigbour' at labeller.name; did you mean"
                                + " 'nearest-neighbour'? known: nearest-neighbour");
    }

    @Test
    void outOfRangeSettingIsReportedWithItsPath() {
        assertThat(problems(MINIMAL, "losses.0.settings.scale=-1"))
                .containsExactly(
                        "losses.0.settings.scale: expected a value in (0, 10], found -1.0");
    }

    @Test
    void wholeNumberTooLargeForAnIntSaysTheRange() {
        assertThat(problems(MINIMAL, "training.batchSize=99999999999"))
                .containsExactly(
                        "training.batchSize: expected an integer from -2147483648 to 2147483647,"
                                + " found 99999999999");
    }

    @Test
    void wrongTypesAndRangesAreReportedTogether() {
        assertThat(
                        problems(
                                MINIMAL,
                                "training.epochs=ten",
                                "training.batchSize=2.5",
                                "training.momentum=1",
                                "encoder.settings.widths=[4, 2.5]",
                                "seed=x"))
                .containsExactly(
                        "seed: expected an integer, found 'x'",
                        "encoder.settings.widths: expected a list of integers, found a list"
                                + " [4,2.5]",
                        "training.epochs: expected an integer, found 'ten'",
                        "training.batchSize: expected an integer, found 2.5",
                        "training.momentum: expected a value in [0, 1), found 1.0");
        assertThat(problems(MINIMAL, "training.momentum=1", "training.epochs=0"))
                .containsExactly(
                        "training.epochs: expected an integer >= 1, found 0",
                        "training.momentum: expected a value in [0, 1), found 1.0");
    }

    @Test
    void lossNeedingWeakLabelsWithoutALabellerIsAnError() {
        assertThat(problems(MINIMAL.replace("name: align", "name: weak-align")))
                .containsExactly(
                        "losses.0: loss 'weak-align' needs weak labels, but the config has no"
                                + " labeller; add one (e.g. labeller: {name: nearest-neighbour,"
                                + " head: phi}) or remove this loss");
    }

    @Test
    void missingRequiredSectionsAreEachReported() {
        assertThat(problems("name: empty\n"))
                .containsExactly(
                        "dataset: missing; expected a dataset, e.g. {name: fashion-mnist}",
                        "encoder: missing; expected an encoder, e.g. {name: small-resnet}",
                        "heads: missing; expected a mapping of head name to head with at least"
                                + " one entry, e.g. {g: {name: mlp}}",
                        "crops: missing; expected a crop strategy, e.g. {name: two-views}",
                        "losses: missing; expected a list with at least one loss, e.g. [{name:"
                                + " nt-xent, head: g}]");
    }

    @Test
    void malformedYamlIsOneProblemWithItsLine() {
        assertThatThrownBy(() -> parse("name: a\nseed: [1, 2\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML (line ");
        assertThatThrownBy(() -> parse(MINIMAL + "seed: 1\nseed: 2\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Duplicate field 'seed'");
    }

    @Test
    void resolvedYamlReadsBackAsAnEqualConfig() {
        RunConfig config =
                ConfigLoader.load(TINY, List.of("losses.0.weight=0.75", "seed=42"), REGISTRY);

        String yaml = ConfigLoader.toYaml(config);

        assertThat(parse(yaml)).isEqualTo(config);
        assertThat(yaml)
                .contains("weight: 0.75", "seed: 42", "evaluateEvery: 0", "probability: 0.5")
                .contains("testSize: 24");
    }

    @Test
    void missingFileIsAConfigProblem() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("no/such.yaml"), List.of(), REGISTRY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file not found");
    }
}
