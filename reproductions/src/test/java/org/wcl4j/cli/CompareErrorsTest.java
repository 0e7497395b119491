package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;

/**
 * What {@code wcl4j compare} refuses before it trains anything; none of these needs the data set.
 */
class CompareErrorsTest {

    @TempDir Path runs;

    private static String resource(String name) throws URISyntaxException {
        return Path.of(CompareErrorsTest.class.getResource("/" + name).toURI()).toString();
    }

    @Test
    void twoConfigsOfOneNameAreRefused() throws Exception {
        Path copy = runs.resolveSibling(runs.getFileName() + "-copy.yaml");
        Files.copy(Path.of(resource("compare-simclr.yaml")), copy);

        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        copy.toString(),
                        "--seeds",
                        "1,2",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("its own name")
                .contains("'simclr-tiny'")
                .contains(copy.toString());
        assertThat(runs.resolve(CompareRuns.FOLDER)).doesNotExist();
    }

    @Test
    void aRunOfAnotherConfigIsRefusedNamingTheKeys() throws Exception {
        // a run of wcl-tiny seed 2 trained with 2 epochs and batch 64; now 1 epoch and batch 32
        RunConfig earlier = ConfigSource.load(resource("compare-wcl.yaml"), List.of("seed=2"));
        Path slot = runs.resolve("compare").resolve("wcl-tiny-seed2");
        Path old = slot.resolve("wcl-tiny-20260101-000000");
        Files.createDirectories(old);
        Files.writeString(
                old.resolve("config.yaml"),
                "# resolved config\n" + ConfigLoader.toYaml(earlier),
                StandardCharsets.UTF_8);

        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        resource("compare-wcl.yaml"),
                        "--seeds",
                        "1,2",
                        "--set",
                        "training.epochs=1",
                        "--set",
                        "training.batchSize=32",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("wcl-tiny seed 2")
                .contains("training.epochs is 2 there, 1 requested")
                .contains("training.batchSize is 64 there, 32 requested")
                .contains("another --runs DIR")
                .contains("delete " + Reports.path(slot));
        // refused before the first run: nothing else was made
        try (var made = Files.list(runs.resolve("compare"))) {
            assertThat(made.map(p -> p.getFileName().toString())).containsExactly("wcl-tiny-seed2");
        }
    }

    @Test
    void everyRunOfAnotherConfigIsReportedAtOnce() throws Exception {
        // runs of simclr-tiny seed 1 and wcl-tiny seed 2 with 2 epochs; now 1 epoch
        Path simclrSlot = runs.resolve("compare").resolve("simclr-tiny-seed1");
        Path wclSlot = runs.resolve("compare").resolve("wcl-tiny-seed2");
        for (Path slot : List.of(simclrSlot, wclSlot)) {
            String name = slot.getFileName().toString();
            String config = name.startsWith("wcl") ? "compare-wcl.yaml" : "compare-simclr.yaml";
            RunConfig earlier =
                    ConfigSource.load(
                            resource(config), List.of("seed=" + name.charAt(name.length() - 1)));
            Path old = slot.resolve(earlier.name() + "-20260101-000000");
            Files.createDirectories(old);
            Files.writeString(
                    old.resolve("config.yaml"),
                    ConfigLoader.toYaml(earlier),
                    StandardCharsets.UTF_8);
        }

        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        resource("compare-wcl.yaml"),
                        "--seeds",
                        "1,2",
                        "--set",
                        "training.epochs=1",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("found 2 runs with other values")
                .contains("- simclr-tiny seed 1 in " + Reports.path(simclrSlot))
                .contains("- wcl-tiny seed 2 in " + Reports.path(wclSlot))
                .contains("delete " + Reports.path(simclrSlot) + " " + Reports.path(wclSlot));
        // only the one key that differs, once per run
        assertThat(result.err().split("training.epochs is 2 there, 1 requested", -1)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,,2", "a", "", "1,2,", "-1", "1.5"})
    void badSeedsGetOneClearLine(String seeds) throws Exception {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        seeds,
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains(
                        "expected --seeds to be a comma-separated list of non-negative integers,"
                                + " found '"
                                + seeds
                                + "'")
                .contains("e.g. --seeds 1,2,3")
                .doesNotContain("is not a long")
                .doesNotContain("Usage:");
        assertThat(runs.resolve(CompareRuns.FOLDER)).doesNotExist();
    }

    @Test
    void configsMayBeSeparatedByCommas() throws Exception {
        // the first two load (else the error would name them), the third does not exist
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml") + "," + resource("compare-wcl.yaml"),
                        "no-such-config",
                        "--seeds",
                        "1",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("no config 'no-such-config'")
                .doesNotContain("no config '" + resource("compare-simclr.yaml"));
    }

    @Test
    void aConfigListedTwiceIsSaidToBe() throws Exception {
        String simclr = resource("compare-simclr.yaml");
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        simclr + "," + simclr,
                        "--seeds",
                        "1",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("found " + simclr + " listed twice")
                .doesNotContain("in both");
    }

    @Test
    void aSetThatFitsOneConfigOnlyNamesTheOther() throws Exception {
        // wcl-tiny has a labeller on head phi already, simclr-tiny no labeller
        String simclr = resource("compare-simclr.yaml");
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-wcl.yaml"),
                        simclr,
                        "--seeds",
                        "1",
                        "--set",
                        "labeller.head=phi",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("in --configs " + simclr + " with --set labeller.head=phi: ")
                .doesNotContain(resource("compare-wcl.yaml"));
    }

    @Test
    void anOutThatIsAFileIsSaidToBeOne() throws Exception {
        Path file = runs.resolve("table.md");
        Files.writeString(file, "not a folder");

        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        "1",
                        "--out",
                        file.toString(),
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err())
                .contains("expected a folder for the comparison at " + file + ", found a file")
                .contains("--out DIR");
    }

    @Test
    void theSeedComesFromSeeds() throws Exception {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        "1",
                        "--set",
                        "seed=4",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err()).contains("--set seed=4").contains("use --seeds");
    }

    @Test
    void repeatedSeedsAreRefused() throws Exception {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        "1,2,1",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err()).contains("distinct seeds").contains("[1, 2, 1]");
    }

    @Test
    void aConfigWithoutKnnIsRefused() throws Exception {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        resource("compare-simclr.yaml"),
                        "--seeds",
                        "1",
                        "--set",
                        "evaluation=[]",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err()).contains("expected a knn evaluation");
    }

    @Test
    void anUnknownConfigIsRefused() throws IOException {
        Cli.Result result =
                Cli.run(
                        "compare",
                        "--configs",
                        "no-such-config",
                        "--seeds",
                        "1",
                        "--runs",
                        runs.toString());

        assertThat(result.exitCode()).isEqualTo(ErrorHandler.USAGE);
        assertThat(result.err()).contains("no config 'no-such-config'");
    }
}
