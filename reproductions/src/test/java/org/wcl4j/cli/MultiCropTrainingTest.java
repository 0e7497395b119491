package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.report.MetricsCsv;

/**
 * Trains {@code tiny-knn-multi-crop.yaml} (WCL with 2 + 3 K-NN crops and the weak-then-strong
 * augmentation schedule on 256 real Fashion-MNIST images, two epochs of 4 steps) through the
 * command line: the four terms of Eq. 8 are recorded, and the neighbours are searched after the
 * first epoch. Skipped when the data set is not installed.
 */
class MultiCropTrainingTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void trainsAllFourTermsAndSearchesNeighboursAfterEachEpoch(@TempDir Path runs)
            throws URISyntaxException, IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DATA);
        Path config =
                Path.of(
                        MultiCropTrainingTest.class
                                .getResource("/tiny-knn-multi-crop.yaml")
                                .toURI());

        Cli.Result trained = Cli.run("train", config.toString(), "--runs", runs.toString());

        assertThat(trained.exitCode()).as(trained.err()).isEqualTo(0);
        Path run;
        try (Stream<Path> made = Files.list(runs)) {
            List<Path> directories = made.filter(Files::isDirectory).toList();
            assertThat(directories).hasSize(1);
            run = directories.get(0);
        }
        MetricsCsv metrics = MetricsCsv.read(run.resolve("metrics.csv"));
        assertThat(metrics.rows()).isEqualTo(8);
        for (String term :
                List.of("nt-xent", "wcl-graph", "nt-xent-multi-crop", "wcl-graph-multi-crop")) {
            for (double value : metrics.column("loss/" + term)) {
                assertThat(value).as(term).isFinite();
            }
        }
        // The total is Eq. 8 with lambda2 = lambda3 = 0.5.
        double[] total = metrics.column("loss");
        double[] nce = metrics.column("loss/nt-xent");
        double[] graph = metrics.column("loss/wcl-graph");
        double[] nceLocal = metrics.column("loss/nt-xent-multi-crop");
        double[] graphLocal = metrics.column("loss/wcl-graph-multi-crop");
        for (int i = 0; i < total.length; i++) {
            assertThat(total[i])
                    .isCloseTo(
                            nce[i] + graph[i] + 0.5 * nceLocal[i] + 0.5 * graphLocal[i],
                            within(1e-4));
        }
        String log = Files.readString(run.resolve(RunLog.FILE_NAME));
        assertThat(log)
                .contains("knn-multi-crop: 4 nearest images of each of 256 images after epoch 0");
    }
}
