package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code wcl4j reproduce}: each is refused with exit code 2 and a message that says
 * what was expected, what was found and what to do, before any run directory is made.
 */
class ReproduceErrorsTest {

    @TempDir Path runs;

    private Cli.Result reproduce(String... more) {
        String[] arguments = new String[more.length + 2];
        arguments[0] = "reproduce";
        System.arraycopy(more, 0, arguments, 1, more.length);
        arguments[arguments.length - 1] = "--runs=" + runs;
        return Cli.run(arguments);
    }

    private void assertNothingWasMade() throws IOException {
        try (var entries = Files.list(runs)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void thePlanPrintsOverridesAShellReadsBack() throws IOException {
        Cli.Result result = reproduce("2", "--profile", "paper", "--plan");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out())
                .contains(
                        "nt-xent (NT-Xent only (SimCLR)): simclr --set 'dataset={name: cifar10,"
                                + " settings: {directory: cifar-10-batches-bin}}' --set")
                .contains("--set heads.g.settings.hidden=2048 --set")
                .contains("nt-xent seed 3: to train in ");
        assertThat(ReproduceCommand.quoted("it's")).isEqualTo("'it'\\''s'");
        assertNothingWasMade();
    }

    @Test
    void anUnknownTable() throws IOException {
        Cli.Result result = reproduce("5", "--profile", "cpu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("no table '5': expected the number of one of the paper's tables")
                .contains("[1, 2, 3, 4] or a table YAML file");
        assertNothingWasMade();
    }

    @Test
    void anUnknownProfileNamesTheTablesProfiles() throws IOException {
        Cli.Result result = reproduce("2", "--profile", "gpu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "expected --profile to be one of [paper, cpu, smoke] for table2, found"
                                + " 'gpu'");
        assertNothingWasMade();
    }

    @Test
    void theSeedAndNameComeFromTheTable() throws IOException {
        Cli.Result seed = reproduce("2", "--profile", "smoke", "--set", "seed=4");
        Cli.Result name = reproduce("2", "--profile", "smoke", "--set", "name=mine");
        Cli.Result seeds = reproduce("2", "--profile", "smoke", "--seeds", "1,,2");

        assertThat(seed.exitCode()).isEqualTo(2);
        assertThat(seed.err())
                .contains("expected no --set seed=...")
                .contains("found --set seed=4");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("expected no --set name=...");
        assertThat(seeds.exitCode()).isEqualTo(2);
        assertThat(seeds.err())
                .contains("expected --seeds to be a comma-separated list of non-negative integers")
                .contains("(an empty entry)");
        assertNothingWasMade();
    }

    @Test
    void aMistypedOverrideNamesTheCellAndTheNearKey() throws IOException {
        Cli.Result result = reproduce("2", "--profile", "smoke", "--set", "training.epoch=3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("in cell nt-xent of table2 (config simclr, profile smoke")
                .contains("training.epoch");
        assertNothingWasMade();
    }

    @Test
    void aBrokenTableFileListsEveryProblem() throws IOException {
        Path file = runs.resolve("mine.yaml");
        Files.writeString(
                file,
                """
                number: 5
                title: mine
                source: me
                reference: a
                profiles:
                  cpu: {description: d, seeds: [1, -2]}
                cells:
                  - {id: a, config: simclr, colour: red}
                """);

        Cli.Result result = reproduce(file.toString(), "--profile", "cpu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected a valid table in " + file + ", found 3 problems")
                .contains("measure: expected a text, found none")
                .contains("profiles.cpu.seeds: expected non-negative integers, found -2")
                .contains("cells.0.colour: unknown key");
        try (var entries = Files.list(runs)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void anOutputFolderThatIsAFile() throws IOException {
        Path file = runs.resolve("report");
        Files.writeString(file, "in the way");

        Cli.Result result = reproduce("2", "--profile", "smoke", "--out", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected a folder for the report at " + file + ", found a file")
                .contains("choose another with --out DIR");
        try (var entries = Files.list(runs)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aTableFileNamedLikeAShippedTableIsRefused() throws IOException {
        Path file = runs.resolve("table2.yaml");
        Files.writeString(file, "number: 2\n");

        Cli.Result result = reproduce(file.toString(), "--profile", "smoke");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("which would share the folders of the shipped table2")
                .contains("rename the file, e.g. to my-table2.yaml");
    }

    @Test
    void aCellWhoseConfigDoesNotExist() throws IOException {
        Path file = runs.resolve("mine.yaml");
        Files.writeString(
                file,
                """
                number: 5
                title: mine
                source: me
                measure: accuracy
                reference: a
                profiles:
                  smoke: {description: d, seeds: [1]}
                cells:
                  - {id: a, config: wcl-nonexistent}
                """);

        Cli.Result result = reproduce(file.toString(), "--profile", "smoke", "--plan");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("in cell a of mine: expected the name of a shipped config [quickstart,")
                .contains("found 'wcl-nonexistent' (no file " + runs.resolve("wcl-nonexistent"))
                .contains("fix config: in the table");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsFoundBeforeTraining() throws IOException {
        Path readOnly = Path.of("/proc/self");
        Cli.Result result = reproduce("2", "--profile", "smoke", "--out", readOnly.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("expected a folder that can be written for the report at /proc/self")
                .contains("choose another with --out DIR");
        assertNothingWasMade();
    }

    @Test
    void aTableFileThatIsNotYaml() throws IOException {
        Path file = runs.resolve("bad.yaml");
        Files.writeString(file, "cells: [a, b\n");

        Cli.Result result = reproduce(file.toString(), "--profile", "cpu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(
                        "expected a table in YAML in " + file + ", found text that does not parse")
                .contains("fix the YAML");
    }
}
