package org.wcl4j.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Bars of several series side by side per category (say the paper's number and ours per cell of a
 * table), each with optional symmetric error bars, written as a PNG with XChart; works headless. A
 * value that is not finite leaves its bar out.
 *
 * @param title the title above the chart
 * @param xAxis the category axis title
 * @param yAxis the value axis title
 * @param categories the category labels, left to right; at least one
 * @param series the series, each with one value per category; at least one
 */
public record GroupedBarPlot(
        String title, String xAxis, String yAxis, List<String> categories, List<Series> series) {

    /**
     * One series of bars.
     *
     * @param name its legend entry
     * @param values one per category; not finite for none
     * @param errors one per category, half the error bar; not finite for none
     */
    public record Series(String name, List<Double> values, List<Double> errors) {

        public Series {
            if (values.size() != errors.size()) {
                throw new IllegalArgumentException(
                        "series '"
                                + name
                                + "': expected one error per value ("
                                + values.size()
                                + "), found "
                                + errors.size());
            }
            values = List.copyOf(values);
            errors = List.copyOf(errors);
        }
    }

    public GroupedBarPlot {
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected at least one category and one series, found "
                            + categories.size()
                            + " and "
                            + series.size());
        }
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException(
                        "series '"
                                + one.name()
                                + "': expected one value per category ("
                                + categories.size()
                                + "), found "
                                + one.values().size());
            }
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /**
     * Writes the chart as a PNG of the given size, replacing any file there (written to a {@code
     * .partial} sibling first, then moved into place). Creates missing parent directories.
     *
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file, int width, int height) throws IOException {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xAxis)
                        .yAxisTitle(yAxis)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 30 : 0);
        for (Series one : series) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                double value = one.values().get(i);
                double error = one.errors().get(i);
                values.add(Double.isFinite(value) ? value : null);
                errors.add(Double.isFinite(value) && Double.isFinite(error) ? Math.abs(error) : 0);
            }
            chart.addSeries(one.name(), categories, values, errors);
        }
        PngFiles.write(chart, file);
    }
}
