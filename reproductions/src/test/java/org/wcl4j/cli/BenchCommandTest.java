package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.core.bench.BenchmarkResult;
import org.wcl4j.core.config.PluginChoice;
import org.wcl4j.core.config.RunConfig;

class BenchCommandTest {

    private static BenchmarkResult result(String name, double stepMs, double labelMs) {
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("augment", 10.0);
        phases.put("forward", 100.0);
        phases.put("label", labelMs);
        phases.put("loss", 2.5);
        phases.put("backward", 150.0);
        phases.put("update", 5.0);
        return new BenchmarkResult(
                name,
                256,
                256 / (stepMs / 1000),
                stepMs,
                phases,
                3L << 30,
                new ImageShape(1, 28, 28),
                20,
                30);
    }

    @Test
    void tableHasOneRowPerConfigAndAColumnPerPhase() {
        String table =
                BenchCommand.table(List.of(result("simclr", 400, 0), result("wcl", 412, 8.25)))
                        .render();

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "| config | batch | images/s | step ms | augment ms | forward ms | label ms"
                                + " | loss ms | backward ms | update ms | peak RSS MiB | oneDNN"
                                + " layers |");
        // 256 images / 0.4 s = 640 images/s; 3 GiB = 3072 MiB
        assertThat(lines.get(2))
                .matches(
                        "\\| simclr +\\| +256 \\| +640\\.0 \\| +400\\.0 \\| +10\\.00 .*"
                                + "\\| +3072 \\| +20/30 \\|");
        assertThat(lines.get(3)).contains(" 8.25 ").contains(" 412.0 ");
    }

    @Test
    void knnMultiCropRatioAndAugmentationRateComeFromTheMedians() {
        List<BenchmarkResult> results =
                List.of(result("simclr", 400, 0), result("wcl-knn-multi-crop", 700, 8));

        assertThat(BenchCommand.ratio(results, "wcl-knn-multi-crop", "simclr")).hasValue(1.75);
        assertThat(BenchCommand.ratio(results)).isEmpty();
        // 256 images in the augment phase's 10 ms.
        assertThat(BenchCommand.augmentationRate(results.get(0))).hasValue(25600.0);
    }

    @Test
    void ratioIsWclStepTimeOverSimclrStepTime() {
        assertThat(BenchCommand.ratio(List.of(result("simclr", 400, 0), result("wcl", 412, 8))))
                .hasValue(1.03);
    }

    @Test
    void noRatioWithoutBothMethods() {
        assertThat(BenchCommand.ratio(List.of(result("wcl", 412, 8)))).isEmpty();
    }

    @Test
    void referenceTableDividesTheEngineStepByPyTorchs() {
        String table =
                BenchCommand.referenceTable(
                                List.of(result("simclr", 400, 0), result("wcl", 412, 8)),
                                List.of(
                                        new PyTorchReference.Timing("1.13", 2, 160),
                                        new PyTorchReference.Timing("1.13", 2, 103)))
                        .render();

        // 400 / 160 = 2.5 and 412 / 103 = 4.0
        assertThat(table.lines().toList().get(2))
                .matches("\\| simclr .*\\| +160\\.0 \\| +2\\.50 \\|");
        assertThat(table.lines().toList().get(3)).matches("\\| wcl .*\\| +103\\.0 \\| +4\\.00 \\|");
    }

    @Test
    void referenceOutputIsReadFromItsLastJsonLine() {
        PyTorchReference.Timing timing =
                PyTorchReference.parse(
                        "a warning from torch\n"
                                + "{\"torch\": \"1.13.0a0\", \"threads\": 2,"
                                + " \"medianMs\": {\"step\": 1234.5, \"forward\": 600.0}}\n");

        assertThat(timing).isEqualTo(new PyTorchReference.Timing("1.13.0a0", 2, 1234.5));
    }

    @Test
    void referenceOutputWithoutTimingIsAnError() {
        assertThatThrownBy(() -> PyTorchReference.parse("Traceback (most recent call last):"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected a JSON line with medianMs.step")
                .hasMessageContaining("Traceback");
    }

    @Test
    void referenceRefusesAPluginItCannotRebuild() {
        RunConfig simclr = ConfigSource.load("simclr", List.of());
        PyTorchReference.checkSupported("simclr", simclr);
        RunConfig other =
                new RunConfig(
                        simclr.name(),
                        simclr.seed(),
                        simclr.dataset(),
                        PluginChoice.of("resnet18"),
                        simclr.heads(),
                        simclr.labeller(),
                        simclr.crops(),
                        simclr.augmentations(),
                        simclr.losses(),
                        simclr.training(),
                        simclr.evaluation());

        assertThatThrownBy(() -> PyTorchReference.checkSupported("other.yaml", other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot rebuild other.yaml")
                .hasMessageContaining("encoder: found 'resnet18', expected small-resnet")
                .hasMessageContaining("leave out --reference");
    }

    @Test
    void missingPythonIsReportedBeforeAnythingIsTimed() {
        Cli.Result result =
                Cli.run(
                        "bench",
                        "--configs",
                        "simclr",
                        "--steps",
                        "1",
                        "--reference",
                        "--python",
                        "/nonexistent/python3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo(
                        "error: bench --reference: expected a Python 3 interpreter at"
                                + " '/nonexistent/python3', found no such program; install"
                                + " python3-torch (apt-get install python3-torch) or pass"
                                + " --python with an interpreter that has torch"
                                + System.lineSeparator());
    }
}
