package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a config reach the user as a message and exit code 2, without a stack trace. */
class ConfigErrorsTest {

    @TempDir Path runs;

    @Test
    void misspeltPluginNameNamesTheClosestPlugin() {
        Cli.Result result =
                Cli.run(
                        "train",
                        "wcl",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "labeller.name=nearest-neigbour");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("unknown labeller 'nearest-neigbour'")
                .contains("did you mean 'nearest-neighbour'")
                .doesNotContain("\tat ");
        assertThat(runs).isEmptyDirectory();
    }

    @Test
    void outOfRangePluginSettingNamesItsPathAndRange() {
        Cli.Result result =
                Cli.run(
                        "train",
                        "wcl",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "losses.0.settings.temperature=-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("losses")
                .contains("temperature: expected a value in (0, 10], found -1.0")
                .doesNotContain("\tat ");
    }

    @Test
    void outOfRangeTrainingValueIsReportedWithEveryOtherProblem() {
        Cli.Result result =
                Cli.run(
                        "train",
                        "simclr",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "training.epochs=0",
                        "--set",
                        "training.momentum=1.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("epochs: expected an integer >= 1, found 0")
                .contains("momentum: expected a value in [0, 1), found 1.5");
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        Cli.Result result =
                Cli.run(
                        "train",
                        "wcl",
                        "--verbose",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "training.epochs=0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ConfigException").contains("\tat ");
    }

    @Test
    void unknownConfigNameListsTheShippedConfigs() {
        Cli.Result result = Cli.run("train", "wlc", "--runs", runs.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("no config 'wlc'")
                .contains(
                        "[quickstart, simclr, wcl, wcl-one-head, wcl-graph-only, adpclr, fncancel, ");
    }

    @Test
    void brokenYamlFileIsAConfigError() throws Exception {
        Path config = runs.resolve("broken.yaml");
        Files.writeString(config, "name: broken\nheads: [unclosed\n");

        Cli.Result result = Cli.run("train", config.toString(), "--runs", runs.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void configThatIsNotUtf8IsAConfigError() throws Exception {
        Path config = runs.resolve("binary.yaml");
        Files.write(config, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'g', 'a', 'r'});

        Cli.Result result = Cli.run("train", config.toString(), "--runs", runs.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(config + " has 1 problem")
                .contains("expected UTF-8 text, found a byte that is not UTF-8 at offset 0")
                .doesNotContain("Exception");
    }

    @Test
    void runsOptionNamingAFileSaysWhatItExpected() throws Exception {
        Path file = Files.writeString(runs.resolve("notes.txt"), "not a directory");

        Cli.Result onFile = Cli.run("train", "wcl", "--runs", file.toString());
        Cli.Result underFile = Cli.run("train", "wcl", "--runs", file.resolve("runs").toString());

        assertThat(onFile.exitCode()).isEqualTo(2);
        assertThat(onFile.err())
                .isEqualTo(
                        "error: expected a writable directory for runs at "
                                + file
                                + ", found a file; choose another with --runs DIR"
                                + System.lineSeparator());
        assertThat(underFile.exitCode()).isEqualTo(2);
        assertThat(underFile.err())
                .contains(
                        "expected a writable directory for runs at "
                                + file.resolve("runs")
                                + ", found a file in its way, "
                                + file
                                + "; choose another with --runs DIR");
    }

    @Test
    void readOnlyRunsDirectoryIsAUsageError() throws Exception {
        Path readOnly = Files.createDirectory(runs.resolve("read-only"));
        assumeTrue(
                readOnly.toFile().setWritable(false, false) && !Files.isWritable(readOnly),
                "this user can write to any directory");

        Cli.Result result = Cli.run("train", "wcl", "--runs", readOnly.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected a writable directory for runs at " + readOnly)
                .contains("found that it cannot be written to (permission denied)")
                .contains("choose another with --runs DIR");
    }

    @Test
    void missingDataSetLeavesNoRunDirectory() throws Exception {
        Path config = Path.of(ConfigErrorsTest.class.getResource("/tiny.yaml").toURI());
        Path runsRoot = runs.resolve("runs");

        Cli.Result result =
                Cli.run(
                        "train",
                        config.toString(),
                        "--runs",
                        runsRoot.toString(),
                        "--set",
                        "dataset.settings.directory=" + runs.resolve("nowhere"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(runs.resolve("nowhere").toString());
        assertThat(runsRoot).isEmptyDirectory();
    }

    @Test
    void resumeWithAConfigIsRejected() {
        Cli.Result result = Cli.run("train", "wcl", "--resume", runs.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected no CONFIG and no --set");
    }

    @Test
    void trainWithoutConfigOrResumeSaysWhatItNeeds() {
        Cli.Result result = Cli.run("train");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected a CONFIG to train");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result result = Cli.run("train", "wcl", "--epochs", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("Unknown options: '--epochs'")
                .contains("Usage: wcl4j train");
    }
}
