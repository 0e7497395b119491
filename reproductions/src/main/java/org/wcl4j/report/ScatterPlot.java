package org.wcl4j.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot of 2-D points coloured by class, as a PNG drawn with XChart: the picture of a
 * t-SNE map of the features (Figure 4 of the WCL paper). One series per class, in class order, each
 * in its own colour from a fixed palette of ten (colours repeat after ten classes).
 *
 * @param title the title above the plot
 * @param x the points' first coordinates
 * @param y the points' second coordinates, as many as {@code x}
 * @param labels each point's class, as many as {@code x}
 */
public record ScatterPlot(String title, double[] x, double[] y, int[] labels) {

    /** Ten colours that stay apart on a white background (the Tableau 10 palette). */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f),
        new Color(0xbcbd22),
        new Color(0x17becf)
    };

    public ScatterPlot {
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException(
                    "expected as many x values, y values and labels, found "
                            + x.length
                            + ", "
                            + y.length
                            + " and "
                            + labels.length);
        }
        x = x.clone();
        y = y.clone();
        labels = labels.clone();
    }

    /**
     * Writes the plot as a PNG of the given size, replacing any file there (written to a temporary
     * file first, then moved into place). Creates missing parent directories.
     *
     * @param classNames legend entry of each class, by label; a label without one shows as {@code
     *     class <label>}
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file, int width, int height, List<String> classNames)
            throws IOException {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "expected a plot of at least 100 x 100 pixels, found "
                            + width
                            + " x "
                            + height);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setAxisTicksVisible(false);

        // one series per class, in class order
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], label -> new ArrayList<>()).add(i);
        }
        for (var entry : byClass.entrySet()) {
            int label = entry.getKey();
            List<Integer> rows = entry.getValue();
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                xs[r] = x[rows.get(r)];
                ys[r] = y[rows.get(r)];
            }
            String name =
                    label >= 0 && label < classNames.size()
                            ? classNames.get(label)
                            : "class " + label;
            chart.addSeries(name, xs, ys)
                    .setMarker(SeriesMarkers.CIRCLE)
                    .setMarkerColor(PALETTE[Math.floorMod(label, PALETTE.length)]);
        }

        PngFiles.write(chart, file);
    }
}
