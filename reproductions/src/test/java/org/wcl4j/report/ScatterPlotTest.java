package org.wcl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @TempDir Path directory;

    @Test
    void writesAPngOfTheRequestedSizeWithOneColourPerClass() throws Exception {
        double[] x = {0, 1, 2, 10, 11, 12};
        double[] y = {0, 1, 0, 10, 11, 10};
        int[] labels = {0, 0, 0, 1, 1, 1};
        Path png = directory.resolve("plots/map.png");

        new ScatterPlot("map", x, y, labels).writePng(png, 500, 400, List.of("shirt"));

        assertThat(Arrays.copyOf(Files.readAllBytes(png), 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(400);
        // the palette's first two colours (blue, orange) both appear among the pixels
        boolean blue = false;
        boolean orange = false;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int j = 0; j < image.getHeight(); j++) {
                int rgb = image.getRGB(i, j) & 0xFFFFFF;
                blue |= rgb == 0x1f77b4;
                orange |= rgb == 0xff7f0e;
            }
        }
        assertThat(blue).isTrue();
        assertThat(orange).isTrue();
        assertThat(directory.resolve("plots")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void rejectsPointsWithoutALabelEach() {
        assertThatThrownBy(() -> new ScatterPlot("map", new double[2], new double[2], new int[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 2, 2 and 1");
    }
}
