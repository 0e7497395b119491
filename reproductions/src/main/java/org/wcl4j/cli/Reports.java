package org.wcl4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.report.MarkdownTable;

/** The tables and numbers the commands print after a run. */
final class Reports {

    private Reports() {}

    /**
     * Every evaluation metric of a run, before and after training, with the change: one row per
     * metric key (for example {@code knn/top1}), in the order the run reported them.
     */
    static MarkdownTable evaluation(RunSummary summary) {
        Set<String> metrics = new LinkedHashSet<>(summary.after().keySet());
        metrics.addAll(summary.before().keySet());
        MarkdownTable table = MarkdownTable.withHeader("metric", "before", "after", "change");
        for (String metric : metrics) {
            @Nullable Double before = summary.before().get(metric);
            @Nullable Double after = summary.after().get(metric);
            table =
                    table.withRow(
                            metric,
                            number(before),
                            number(after),
                            before == null || after == null ? "-" : signed(after - before));
        }
        return table;
    }

    /**
     * The Markdown text of a run's {@code report.md} with the loss curves as its only figure; see
     * {@link #runReport(RunSummary, List, List, Optional)}.
     */
    static String runReport(RunSummary summary, Optional<Path> lossPlot) {
        return runReport(summary, lossPlot.stream().toList(), List.of(), Optional.empty());
    }

    /**
     * The Markdown text of a run's {@code report.md}: the evaluation table, the run's totals, a
     * table of the epochs, the results of later evaluations and the figures.
     *
     * @param plots PNG files inside the run directory, shown in this order
     * @param epochs each epoch's means, as checkpoints record them; empty to leave the table out
     * @param laterEvaluations the results of {@code wcl4j eval}, if any
     */
    static String runReport(
            RunSummary summary,
            List<Path> plots,
            List<Map<String, Double>> epochs,
            Optional<MarkdownTable> laterEvaluations) {
        Path directory = summary.directory();
        StringBuilder text = new StringBuilder();
        text.append("# Run ").append(directory.getFileName()).append("\n\n");
        text.append("## Evaluation\n\n").append(evaluation(summary).render()).append('\n');
        laterEvaluations.ifPresent(
                table ->
                        text.append("Evaluated later from the checkpoint ([evaluations/]")
                                .append("(evaluations/)):\n\n")
                                .append(table.render())
                                .append('\n'));
        text.append("## Training\n\n");
        text.append(
                String.format(
                        Locale.ROOT,
                        "- steps: %d%n- final loss (mean of the last epoch): %.4f%n"
                                + "- throughput: %.1f images/s%n- time: %s%n%n",
                        summary.steps(),
                        summary.finalLoss(),
                        summary.imagesPerSecond(),
                        duration(summary.seconds())));
        if (!epochs.isEmpty()) {
            text.append("Means per epoch:\n\n")
                    .append(RunFigures.epochTable(epochs).render())
                    .append('\n');
        }
        for (Path plot : plots) {
            String relative = directory.relativize(plot).toString().replace('\\', '/');
            text.append("![").append(caption(plot)).append("](").append(relative).append(")\n\n");
        }
        text.append("Config: [config.yaml](config.yaml). ")
                .append("Metrics per step: [metrics.csv](metrics.csv).\n");
        return text.toString();
    }

    /** The alternative text of a figure, from its file name. */
    private static String caption(Path plot) {
        String stem = plot.getFileName().toString().replaceFirst("\\.png$", "");
        return switch (stem) {
            case "loss" -> "loss curves";
            case "weak-labels" -> "weak-label precision, recall and reciprocity";
            case "evaluation" -> "evaluation per epoch";
            case "tsne" -> "t-SNE map of the test features";
            default -> stem;
        };
    }

    /** A value with two decimals, or a dash when it is absent or not finite. */
    static String number(@Nullable Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A difference with its sign, two decimals. */
    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    /** A duration in seconds as {@code 1 h 02 min}, {@code 12 min 05 s} or {@code 7.3 s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        long whole = Math.round(seconds);
        if (whole >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
        }
        if (whole >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A path relative to the working directory when it lies below it, else absolute. */
    static String path(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) && !absolute.equals(here)
                ? here.relativize(absolute).toString()
                : absolute.toString();
    }

    /** The metrics of a map as {@code name value} pairs, for one-line summaries. */
    static String inline(Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach(
                (name, value) ->
                        text.append(text.isEmpty() ? "" : ", ")
                                .append(name)
                                .append(' ')
                                .append(number(value)));
        return text.toString();
    }
}
