package org.wcl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @TempDir Path directory;

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path csv = directory.resolve("metrics.csv");
        Files.writeString(
                csv,
                "step,epoch,loss,loss/nt-xent,loss/wcl-graph,lr\n"
                        + "1,1,9.0,5.0,4.0,0.1\n"
                        + "2,1,8.0,4.5,3.5,0.1\n"
                        + "3,2,7.5,4.25,3.25,0.05\n");
        Path png = directory.resolve("plots/loss.png");

        LinePlot.lossCurves(MetricsCsv.read(csv)).writePng(png, 640, 360);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(directory.resolve("plots")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void plotsTheTotalAndEveryLossTermOverSteps() throws Exception {
        Path csv = directory.resolve("metrics.csv");
        Files.writeString(csv, "step,loss,loss/nt-xent,lr\n10,3.0,2.0,0.1\n20,2.5,,0.1\n");

        LinePlot plot = LinePlot.lossCurves(MetricsCsv.read(csv));

        assertThat(plot.series())
                .extracting(LinePlot.Series::name)
                .containsExactly("loss", "loss/nt-xent");
        assertThat(plot.series().get(0).x()).containsExactly(10.0, 20.0);
        assertThat(plot.series().get(0).y()).containsExactly(3.0, 2.5);
        // the empty cell is a gap, not a zero
        assertThat(plot.series().get(1).x()).containsExactly(10.0);
    }

    @Test
    void rejectsMetricsWithoutALossColumn() throws Exception {
        Path csv = directory.resolve("metrics.csv");
        Files.writeString(csv, "step,lr\n1,0.1\n");
        MetricsCsv metrics = MetricsCsv.read(csv);

        assertThatThrownBy(() -> LinePlot.lossCurves(metrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'loss'")
                .hasMessageContaining("[step, lr]");
    }
}
