package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(result.err()).contains("no config 'wlc'").contains("[quickstart, simclr, wcl");
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
