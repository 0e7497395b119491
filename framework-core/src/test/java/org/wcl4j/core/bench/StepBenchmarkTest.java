package org.wcl4j.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepBenchmarkTest {

    @Test
    void medianIgnoresMissingPhases() {
        assertThat(StepBenchmark.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(StepBenchmark.median(List.of(4.0, 1.0, Double.NaN, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(StepBenchmark.median(List.of(Double.NaN))).isNaN();
    }

    @Test
    void peakMemoryIsReadFromVmHwmInKilobytes(@TempDir Path folder) throws IOException {
        Path status = folder.resolve("status");
        Files.writeString(
                status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  2048 kB\nVmRSS:\t 1 kB\n");

        assertThat(StepBenchmark.peakRss(status)).isEqualTo(2048L * 1024);
        assertThat(StepBenchmark.peakRss(folder.resolve("missing"))).isEqualTo(-1);
    }
}
