package org.wcl4j.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A bar chart of one value per category with symmetric error bars, written as a PNG with XChart;
 * works headless.
 *
 * @param title the title above the chart
 * @param xAxis the category axis title
 * @param yAxis the value axis title
 * @param bars the bars, left to right; at least one
 */
public record BarPlot(String title, String xAxis, String yAxis, List<Bar> bars) {

    /**
     * One bar.
     *
     * @param name its category label
     * @param value its height; must be finite
     * @param error half the length of its error bar; not finite (one seed, say) draws none
     */
    public record Bar(String name, double value, double error) {

        public Bar {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "bar '" + name + "': expected a finite value, found " + value);
            }
        }
    }

    public BarPlot {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("expected at least one bar, found none");
        }
        bars = List.copyOf(bars);
    }

    /**
     * Writes the chart as a PNG of the given size, replacing any file there (written to a {@code
     * .partial} sibling first, then moved into place). Creates missing parent directories.
     *
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file, int width, int height) throws IOException {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "expected a chart of at least 100 x 100 pixels, found "
                            + width
                            + " x "
                            + height);
        }
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xAxis)
                        .yAxisTitle(yAxis)
                        .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Bar bar : bars) {
            names.add(bar.name());
            values.add(bar.value());
            errors.add(Double.isFinite(bar.error()) ? Math.abs(bar.error()) : 0.0);
        }
        chart.addSeries(yAxis, names, values, errors);

        PngFiles.write(chart, file);
    }
}
