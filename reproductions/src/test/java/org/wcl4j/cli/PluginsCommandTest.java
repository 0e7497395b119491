package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

    @Test
    void listsEveryFamilyAndTheAgreedPluginNames() {
        Cli.Result result = Cli.run("plugins");

        assertThat(result.exitCode()).isEqualTo(0);
        List<String> rows = result.out().lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(rows)
                .anyMatch(row -> row.matches("\\| dataset +\\| fashion-mnist .*"))
                .anyMatch(row -> row.matches("\\| encoder +\\| small-resnet .*"))
                .anyMatch(row -> row.matches("\\| head +\\| mlp .*"))
                .anyMatch(row -> row.matches("\\| labeller +\\| nearest-neighbour .*"))
                .anyMatch(row -> row.matches("\\| crop strategy +\\| two-views .*"))
                .anyMatch(row -> row.matches("\\| augmentation +\\| random-resized-crop .*"))
                .anyMatch(row -> row.matches("\\| augmentation +\\| horizontal-flip .*"))
                .anyMatch(row -> row.matches("\\| augmentation +\\| grey-jitter .*"))
                .anyMatch(row -> row.matches("\\| loss +\\| nt-xent .*"))
                .anyMatch(row -> row.matches("\\| loss +\\| wcl-graph .*"))
                .anyMatch(row -> row.matches("\\| evaluation +\\| knn .*"));
    }

    @Test
    void showsDefaultSettingsAsKeysAndValues() {
        Cli.Result result = Cli.run("plugins");

        String mlp = row(result.out(), "mlp");
        assertThat(mlp).contains("hidden: 512, output: 128");
        String flip = row(result.out(), "horizontal-flip");
        assertThat(flip).contains("probability: 0.5");
        String labeller = row(result.out(), "nearest-neighbour");
        assertThat(labeller).contains("(none)");
        String dataset = row(result.out(), "fashion-mnist");
        assertThat(dataset).contains("directory: \"/usr/share/datasets/fashion-mnist\"");
    }

    @Test
    void settingsOfARecordFollowDeclarationOrder() {
        record Example(double minScale, int size, String mode) {}

        assertThat(PluginsCommand.settings(new Example(0.2, 0, "x")))
                .isEqualTo("minScale: 0.2, size: 0, mode: \"x\"");
    }

    private static String row(String table, String name) {
        return table.lines()
                .filter(line -> line.matches("\\| [a-z ]+\\| " + name + " .*"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + table));
    }
}
