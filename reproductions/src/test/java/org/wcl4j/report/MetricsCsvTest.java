package org.wcl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    @TempDir Path directory;

    @Test
    void readsColumnsByNameWithGapsAsNaN() throws Exception {
        Path file = directory.resolve("metrics.csv");
        Files.writeString(file, "step,loss,weak/components\n1,4.5,\n2,4.25,17\n\n3,4.0,12\n");

        MetricsCsv metrics = MetricsCsv.read(file);

        assertThat(metrics.rows()).isEqualTo(3);
        assertThat(metrics.columns().keySet()).containsExactly("step", "loss", "weak/components");
        assertThat(metrics.column("loss")).containsExactly(4.5, 4.25, 4.0);
        assertThat(metrics.column("weak/components")).containsExactly(Double.NaN, 17.0, 12.0);
    }

    @Test
    void namesTheColumnsThereAreWhenOneIsMissing() throws Exception {
        Path file = directory.resolve("metrics.csv");
        Files.writeString(file, "step,loss\n1,2.0\n");

        assertThatThrownBy(() -> MetricsCsv.read(file).column("lr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'")
                .hasMessageContaining("[step, loss]");
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path file = directory.resolve("metrics.csv");
        Files.writeString(file, "");

        assertThatThrownBy(() -> MetricsCsv.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a header line");
    }
}
