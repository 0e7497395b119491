package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {

    @TempDir Path directory;

    @Test
    void missingDataSetFailsWithHowToInstallIt() throws Exception {
        Path data = Files.createDirectory(directory.resolve("empty"));
        // one file present, three missing, and plain (not gzip-compressed) names count too
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0});
        Path runs = directory.resolve("runs");

        Cli.Result result =
                Cli.run(
                        "quickstart",
                        "--runs",
                        runs.toString(),
                        "--set",
                        "dataset.settings.directory=" + data);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("Fashion-MNIST is missing from " + data)
                .contains("train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz")
                .doesNotContain("train-images-idx3-ubyte.gz")
                .contains("apt-get install dataset-fashion-mnist");
        assertThat(runs).doesNotExist();
    }
}
