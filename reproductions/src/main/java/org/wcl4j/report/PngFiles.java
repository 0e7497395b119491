package org.wcl4j.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes the plots' charts as PNG files. */
final class PngFiles {

    private PngFiles() {}

    /**
     * Writes {@code chart} to {@code file}, creating its directory: first to a {@code .partial}
     * sibling, then moved over the target, so a reader never sees half a picture.
     *
     * @throws IOException when the file cannot be written
     */
    static void write(Chart<?, ?> chart, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            ChartEncoder.saveChart(chart, out, "png");
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
}
