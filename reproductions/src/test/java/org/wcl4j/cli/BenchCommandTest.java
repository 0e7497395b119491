package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.bench.BenchmarkResult;

class BenchCommandTest {

    private static BenchmarkResult result(String name, double stepMs, double labelMs) {
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("augment", 10.0);
        phases.put("forward", 100.0);
        phases.put("label", labelMs);
        phases.put("loss", 2.5);
        phases.put("backward", 150.0);
        phases.put("update", 5.0);
        return new BenchmarkResult(name, 256, 256 / (stepMs / 1000), stepMs, phases, 3L << 30);
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
                                + " | loss ms | backward ms | update ms | peak RSS MiB |");
        // 256 images / 0.4 s = 640 images/s; 3 GiB = 3072 MiB
        assertThat(lines.get(2))
                .matches(
                        "\\| simclr +\\| +256 \\| +640\\.0 \\| +400\\.0 \\| +10\\.00 .*"
                                + "\\| +3072 \\|");
        assertThat(lines.get(3)).contains(" 8.25 ").contains(" 412.0 ");
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
}
