package org.wcl4j.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;

/** The benchmark on the real engine, with the test plugins (5 batches of 8 per epoch). */
class StepBenchmarkEngineTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Test
    void reportsMediansOfEveryPhaseAcrossAnEpochBoundary() {
        RunConfig config =
                ConfigLoader.load(
                        Path.of("src/test/resources/configs/tiny.yaml"), List.of(), REGISTRY);

        BenchmarkResult result = StepBenchmark.run(config, REGISTRY, List.of(), 2, 5);

        assertThat(result.name()).isEqualTo("tiny");
        assertThat(result.batchSize()).isEqualTo(8);
        assertThat(result.medianPhaseMs().keySet())
                .containsExactly("augment", "forward", "label", "loss", "backward", "update");
        assertThat(result.medianPhaseMs().values()).allMatch(ms -> ms >= 0);
        assertThat(result.imagesPerSecond()).isEqualTo(8 * 1000.0 / result.medianStepMs());
        assertThat(result.peakRssBytes()).isGreaterThan(0);
        assertThatThrownBy(() -> StepBenchmark.run(config, REGISTRY, List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected warmupSteps >= 0 and timedSteps >= 1, found 0 and 0");
    }
}
