package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.config.LossChoice;
import org.wcl4j.core.config.RunConfig;

/** The configs shipped with wcl4j load, validate, and say what the documentation says. */
class ShippedConfigsTest {

    @Test
    void simclrHasOneHeadOneLossAndNoLabeller() {
        RunConfig simclr = ConfigSource.load("simclr", List.of());

        assertThat(simclr.heads().keySet()).containsExactly("g");
        assertThat(simclr.losses()).extracting(LossChoice::name).containsExactly("nt-xent");
        assertThat(simclr.labeller()).isEmpty();
        assertThat(simclr.dataset().settings()).containsEntry("trainLimit", 0);
        assertThat(simclr.dataset().settings()).containsEntry("testLimit", 0);
    }

    @Test
    void wclAddsHeadPhiTheGraphLossAndTheNearestNeighbourLabeller() {
        RunConfig wcl = ConfigSource.load("wcl", List.of());

        assertThat(wcl.heads().keySet()).containsExactly("g", "phi");
        assertThat(wcl.losses())
                .extracting(LossChoice::name, LossChoice::head)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nt-xent", "g"),
                        org.assertj.core.groups.Tuple.tuple("wcl-graph", "phi"));
        assertThat(wcl.labeller())
                .hasValueSatisfying(
                        l -> {
                            assertThat(l.name()).isEqualTo("nearest-neighbour");
                            assertThat(l.head()).isEqualTo("phi");
                        });
    }

    @Test
    void multiCropConfigsTrainTheFourTermsOfEquationEightWithUnitWeights() {
        for (String name : List.of("wcl-multi-crop", "wcl-knn-multi-crop")) {
            RunConfig config = ConfigSource.load(name, List.of());

            assertThat(config.crops().name()).isEqualTo(name.substring(4));
            assertThat(config.crops().settings()).containsEntry("localCrops", 6);
            assertThat(config.losses())
                    .extracting(LossChoice::name, LossChoice::head, LossChoice::weight)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("nt-xent", "g", 1.0),
                            org.assertj.core.groups.Tuple.tuple("wcl-graph", "phi", 1.0),
                            org.assertj.core.groups.Tuple.tuple("nt-xent-multi-crop", "g", 1.0),
                            org.assertj.core.groups.Tuple.tuple(
                                    "wcl-graph-multi-crop", "phi", 1.0));
        }
        assertThat(ConfigSource.load("wcl-knn-multi-crop", List.of()).crops().settings())
                .containsEntry("neighbours", 5)
                .containsEntry("warmupEpochs", 1);
    }

    @Test
    void weakThenStrongSchedulesMocoV2BeforeSimclr() {
        RunConfig config = ConfigSource.load("wcl-weak-then-strong", List.of());

        assertThat(config.augmentations()).hasSize(1);
        assertThat(config.augmentations().get(0).name()).isEqualTo("moco-v2-then-simclr");
        assertThat(config.augmentations().get(0).settings()).containsEntry("weakEpochs", 2);
    }

    @Test
    void configsListsEachShippedConfigWithItsWholeFirstSentence() {
        Cli.Result listed = Cli.run("configs");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        // the first sentence of wcl.yaml's comment runs past "et al." and "Eq. 8"
        assertThat(listed.out())
                .contains("NT-Xent on head g plus the graph loss on head phi (Eq. 8 of the paper).")
                .doesNotContain("The weak labels are")
                .contains("about 9 minutes on two CPU cores.")
                .doesNotContain("runs this config");
    }

    @Test
    void quickstartTrainsWclOnASubset() {
        RunConfig quickstart = ConfigSource.load("quickstart", List.of());

        assertThat(quickstart.labeller()).isPresent();
        assertThat(quickstart.dataset().settings()).containsEntry("trainLimit", 10000);
        assertThat(quickstart.dataset().settings()).containsEntry("testLimit", 2000);
        assertThat(quickstart.encoder().settings()).containsEntry("widths", List.of(16, 32, 64));
        assertThat(quickstart.training().batchSize()).isEqualTo(256);
    }

    @Test
    void cifarConfigsTrainResNet50WithTheCifarStemAndLarsAtThePapersScale() {
        for (String name : List.of("wcl-cifar10", "wcl-cifar100")) {
            RunConfig config = ConfigSource.load(name, List.of());

            assertThat(config.dataset().name()).isEqualTo(name.substring(4));
            assertThat(config.encoder().name()).isEqualTo("resnet50");
            assertThat(config.encoder().settings()).containsEntry("stem", "cifar");
            assertThat(config.losses())
                    .allSatisfy(l -> assertThat(l.settings()).containsEntry("temperature", 0.1));
            assertThat(config.training().optimizer()).isEqualTo("lars");
            assertThat(config.training().batchSize()).isEqualTo(256);
            assertThat(config.training().epochs()).isEqualTo(400);
            assertThat(config.training().warmupEpochs()).isEqualTo(10);
            assertThat(config.training().peakLearningRate()).isEqualTo(1.0);
        }
        RunConfig small = ConfigSource.load("wcl-cifar100", List.of("training.batchSize=64"));
        assertThat(small.training().peakLearningRate()).isEqualTo(0.25);
        assertThat(ConfigSource.load("wcl-cifar100", List.of()).dataset().settings())
                .containsEntry("labels", "fine");
    }

    @Test
    void overridesApplyToShippedConfigs() {
        RunConfig wcl = ConfigSource.load("wcl.yaml", List.of("training.epochs=3"));

        assertThat(wcl.training().epochs()).isEqualTo(3);
    }

    @Test
    void aFileWinsOverAShippedNameAndIsReadAsIs(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(
                file,
                ConfigSource.shippedText("simclr")
                        .orElseThrow()
                        .replace("name: simclr", "name: mine"));

        assertThat(ConfigSource.load(file.toString(), List.of()).name()).isEqualTo("mine");
    }

    @Test
    void configsCommandPrintsAShippedConfigVerbatim() {
        Cli.Result listing = Cli.run("configs");
        Cli.Result wcl = Cli.run("configs", "wcl");

        assertThat(listing.exitCode()).isEqualTo(0);
        assertThat(listing.out())
                .contains("| quickstart ")
                .contains("| simclr ")
                .contains("| wcl ");
        assertThat(wcl.exitCode()).isEqualTo(0);
        assertThat(wcl.out()).isEqualTo(ConfigSource.shippedText("wcl").orElseThrow());
        assertThat(wcl.out()).contains("labeller: {name: nearest-neighbour, head: phi}");
    }

    @Test
    void baselineConfigsSwapTheLabellerCropsAndLossOnly() {
        RunConfig adpclr = ConfigSource.load("adpclr", List.of());
        assertThat(adpclr.heads().keySet()).containsExactly("g");
        assertThat(adpclr.labeller().orElseThrow().name()).isEqualTo("top-k");
        assertThat(adpclr.labeller().orElseThrow().head()).isEqualTo("g");
        assertThat(adpclr.losses()).extracting(LossChoice::name).containsExactly("adpclr");

        RunConfig fncancel = ConfigSource.load("fncancel", List.of());
        assertThat(fncancel.crops().name()).isEqualTo("support-set");
        assertThat(fncancel.labeller().orElseThrow().name()).isEqualTo("support-set");
        assertThat(fncancel.losses()).extracting(LossChoice::name).containsExactly("fncancel");

        RunConfig oracle = ConfigSource.load("supcon-oracle", List.of());
        assertThat(oracle.labeller().orElseThrow().name()).isEqualTo("true-labels");
        assertThat(oracle.losses())
                .extracting(LossChoice::name, LossChoice::head)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nt-xent", "g"),
                        org.assertj.core.groups.Tuple.tuple("wcl-graph", "phi"));

        // every baseline trains the same encoder, augmentations and schedule as simclr
        RunConfig simclr = ConfigSource.load("simclr", List.of());
        for (RunConfig config : List.of(adpclr, fncancel, oracle)) {
            assertThat(config.encoder()).isEqualTo(simclr.encoder());
            assertThat(config.augmentations()).isEqualTo(simclr.augmentations());
            assertThat(config.training()).isEqualTo(simclr.training());
            assertThat(config.dataset()).isEqualTo(simclr.dataset());
        }
    }

    @Test
    void twoHeadAblationsPutTheTwoLossesOnOneHeadOrDropNtXent() {
        RunConfig oneHead = ConfigSource.load("wcl-one-head", List.of());
        assertThat(oneHead.heads().keySet()).containsExactly("g");
        assertThat(oneHead.labeller().orElseThrow().head()).isEqualTo("g");
        assertThat(oneHead.losses())
                .extracting(LossChoice::name, LossChoice::head)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nt-xent", "g"),
                        org.assertj.core.groups.Tuple.tuple("wcl-graph", "g"));

        RunConfig graphOnly = ConfigSource.load("wcl-graph-only", List.of());
        assertThat(graphOnly.heads().keySet()).containsExactly("phi");
        assertThat(graphOnly.labeller().orElseThrow().head()).isEqualTo("phi");
        assertThat(graphOnly.losses())
                .extracting(LossChoice::name, LossChoice::head)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wcl-graph", "phi"));
    }
}
