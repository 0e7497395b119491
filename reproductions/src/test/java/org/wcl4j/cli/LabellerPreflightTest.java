package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.core.bench.StepBenchmark;

/**
 * A labeller that cannot label a batch of the run's shape is refused before the run directory is
 * made and before the untrained encoder is evaluated: a top-K larger than the batch, and FNCancel's
 * support-set labeller without support views. Uses the shipped configs on 256 real Fashion-MNIST
 * images; skipped when the data set is not installed.
 */
class LabellerPreflightTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir Path runs;

    @BeforeEach
    void needsTheDataSet() {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
    }

    private Cli.Result train(String config, String... overrides) {
        String[] arguments = new String[4 + 2 * (overrides.length + 3)];
        int a = 0;
        arguments[a++] = "train";
        arguments[a++] = config;
        arguments[a++] = "--runs";
        arguments[a++] = runs.toString();
        String[] small = {
            "dataset.settings.trainLimit=256",
            "dataset.settings.testLimit=100",
            "training.batchSize=64"
        };
        for (String override : small) {
            arguments[a++] = "--set";
            arguments[a++] = override;
        }
        for (String override : overrides) {
            arguments[a++] = "--set";
            arguments[a++] = override;
        }
        return Cli.run(arguments);
    }

    @Test
    void topKLargerThanTheBatchIsRefusedBeforeAnythingIsWritten() {
        Cli.Result result = train("adpclr", "labeller.settings.k=64");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("labeller 'top-k' cannot label a batch of this run (64 images")
                .contains("found k = 64");
        assertThat(result.out() + result.err()).doesNotContain("evaluated (before)");
        assertThat(runs).isEmptyDirectory();
    }

    @Test
    void supportSetLabellerWithoutSupportViewsIsRefusedBeforeAnythingIsWritten() {
        Cli.Result result = train("fncancel", "crops={name: two-views}");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("crops 'two-views' with 0 support views")
                .contains("set crops: {name: support-set");
        assertThat(runs).isEmptyDirectory();
    }

    @Test
    void largestTopKTheBatchAllowsTrains() {
        // k = 63 is the largest a batch of 64 allows: accepted, and the run trains
        Cli.Result result =
                train(
                        "adpclr",
                        "labeller.settings.k=63",
                        "training.epochs=1",
                        "training.evaluateBefore=false",
                        "encoder.settings.widths=[8, 8, 8]");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void compareRefusesAMethodWhoseLabellerCannotRunBeforeTrainingAnyOther() throws Exception {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        "simclr,fncancel",
                        "--seeds",
                        "1",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "dataset.settings.trainLimit=256",
                        "--set",
                        "dataset.settings.testLimit=100",
                        "--set",
                        "training.batchSize=64",
                        "--set",
                        "crops={name: two-views}");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err())
                .contains("in --configs fncancel: labeller 'support-set' cannot label a batch")
                .doesNotContain("run 1/2");
        // simclr, listed first, was not trained
        try (Stream<Path> made = Files.walk(runs)) {
            assertThat(made.filter(path -> path.endsWith("config.yaml"))).isEmpty();
        }
    }

    @Test
    void benchTimesEveryBaselineLabellerOnRandomEmbeddings() {
        // the oracle needs classes and support-set needs support views: bench gives both
        for (String config : List.of("supcon-oracle", "fncancel", "adpclr")) {
            Map<Integer, Double> times =
                    StepBenchmark.labelTimes(
                            ConfigSource.load(
                                    config,
                                    List.of(
                                            "dataset.settings.trainLimit=256",
                                            "dataset.settings.testLimit=100")),
                            List.of(16, 32),
                            1);

            assertThat(times).as(config).containsOnlyKeys(16, 32);
            assertThat(times.values()).as(config).allSatisfy(t -> assertThat(t).isNotNegative());
        }
    }
}
