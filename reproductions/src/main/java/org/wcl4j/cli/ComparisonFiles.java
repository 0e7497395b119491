package org.wcl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.report.BarPlot;
import org.wcl4j.report.LinePlot;

/**
 * The files a comparison leaves in its folder: {@code compare.md} (the table, a caption and the
 * figures), {@code compare.csv} (unrounded), {@code compare.png} and {@code precision.png}. A
 * comparison replaces the previous one in the folder, so a figure it does not draw is removed.
 */
final class ComparisonFiles {

    /** The figure of the kNN accuracy per method. */
    static final String ACCURACY_PLOT = "compare.png";

    /** The figure of the weak-label precision per epoch and method. */
    static final String PRECISION_PLOT = "precision.png";

    private static final int PLOT_WIDTH = 900;
    private static final int PLOT_HEIGHT = 540;

    private static final Logger log = LoggerFactory.getLogger(ComparisonFiles.class);

    private ComparisonFiles() {}

    /**
     * Writes {@code compare.md}, {@code compare.csv} and the figures; a figure that cannot be drawn
     * is reported, not thrown.
     *
     * @param table the rendered Markdown table
     * @param seeds the seeds, as the command line gave them, for the caption
     * @return the names of the files written
     */
    static List<String> write(
            Path outDir,
            List<Comparison.Method> methods,
            List<Comparison.Row> rows,
            String table,
            String seeds,
            PrintWriter err) {
        List<String> written = new ArrayList<>();
        Optional<BarPlot> accuracy = Comparison.accuracyChart(rows);
        Optional<LinePlot> precision = Comparison.precisionCurves(methods);
        try {
            if (accuracy.isPresent()) {
                accuracy.get().writePng(outDir.resolve(ACCURACY_PLOT), PLOT_WIDTH, PLOT_HEIGHT);
            }
            if (precision.isPresent()) {
                precision.get().writePng(outDir.resolve(PRECISION_PLOT), PLOT_WIDTH, PLOT_HEIGHT);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not draw the comparison figures in {}", outDir, e);
            err.println("note: could not draw the figures in " + outDir + ": " + e.getMessage());
            err.flush();
            accuracy = Optional.empty();
            precision = Optional.empty();
        }
        StringBuilder markdown = new StringBuilder("# Comparison\n\n").append(table).append('\n');
        markdown.append("Seeds: ")
                .append(seeds)
                .append(". kNN top-1 in %, mean ± sample standard deviation over the seeds;")
                .append(" Δ and p (two-sided paired t-test over the seeds) against ")
                .append(rows.get(0).method())
                .append("; step time relative to ")
                .append(rows.get(0).method())
                .append("; weak-label precision of the last epoch. Numbers unrounded:")
                .append(" [compare.csv](compare.csv).\n\n");
        if (accuracy.isPresent()) {
            markdown.append("![kNN top-1 per method](").append(ACCURACY_PLOT).append(")\n\n");
        }
        if (precision.isPresent()) {
            markdown.append("![weak-label precision per epoch](")
                    .append(PRECISION_PLOT)
                    .append(")\n\n");
        }
        try {
            Files.writeString(
                    outDir.resolve("compare.md"), markdown.toString(), StandardCharsets.UTF_8);
            Files.writeString(
                    outDir.resolve("compare.csv"), Comparison.csv(rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the comparison to " + outDir, e);
        }
        written.add("compare.md");
        written.add("compare.csv");
        accuracy.ifPresent(a -> written.add(ACCURACY_PLOT));
        precision.ifPresent(p -> written.add(PRECISION_PLOT));
        // a figure of an earlier comparison in this folder would no longer match compare.md
        for (String figure : List.of(ACCURACY_PLOT, PRECISION_PLOT)) {
            if (!written.contains(figure)) {
                try {
                    Files.deleteIfExists(outDir.resolve(figure));
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "could not remove the earlier " + outDir.resolve(figure), e);
                }
            }
        }
        return written;
    }
}
