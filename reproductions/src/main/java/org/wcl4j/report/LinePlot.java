package org.wcl4j.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line plot of one or more series over a shared x axis, written as a PNG with XChart. Works
 * headless ({@code -Djava.awt.headless=true}); no window is opened.
 *
 * @param title the title above the plot
 * @param xAxis the x axis title
 * @param yAxis the y axis title
 * @param series the lines, drawn in order; points whose y is not finite are left out
 */
public record LinePlot(String title, String xAxis, String yAxis, List<Series> series) {

    /**
     * One line.
     *
     * @param name the legend entry
     * @param x the x values, as many as {@code y}
     * @param y the y values
     */
    public record Series(String name, List<Double> x, List<Double> y) {

        public Series {
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(
                        "series '"
                                + name
                                + "': expected as many x values as y values, found "
                                + x.size()
                                + " and "
                                + y.size());
            }
            x = List.copyOf(x);
            y = List.copyOf(y);
        }
    }

    public LinePlot {
        series = List.copyOf(series);
    }

    /**
     * The training curves of a run: every column of its metrics named {@code loss} or starting with
     * {@code loss/} (the total and one per loss term), over the {@code step} column when there is
     * one and the row number otherwise.
     *
     * @throws IllegalArgumentException when the metrics have no loss column
     */
    public static LinePlot lossCurves(MetricsCsv metrics) {
        double[] steps = new double[metrics.rows()];
        if (metrics.has("step")) {
            steps = metrics.column("step");
        } else {
            for (int r = 0; r < steps.length; r++) {
                steps[r] = r + 1;
            }
        }
        List<Series> lines = new ArrayList<>();
        for (String name : metrics.columns().keySet()) {
            if (name.equals("loss") || name.startsWith("loss/")) {
                lines.add(finiteSeries(name, steps, metrics.column(name)));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected a 'loss' or 'loss/<term>' column in the metrics, found "
                            + metrics.columns().keySet());
        }
        return new LinePlot("Training loss", "step", "loss", lines);
    }

    /**
     * Writes the plot as a PNG of the given size, replacing any file there (written to a temporary
     * file first, then moved into place). Creates missing parent directories.
     *
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file, int width, int height) throws IOException {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "expected a plot of at least 100 x 100 pixels, found "
                            + width
                            + " x "
                            + height);
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xAxis)
                        .yAxisTitle(yAxis)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(4);
        for (Series line : series) {
            // XChart rejects a series without points (a metric with no finite value yet)
            if (!line.x().isEmpty()) {
                chart.addSeries(line.name(), line.x(), line.y())
                        .setMarker(
                                line.x().size() > 50 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            }
        }

        PngFiles.write(chart, file);
    }

    private static Series finiteSeries(String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return new Series(name, xs, ys);
    }
}
