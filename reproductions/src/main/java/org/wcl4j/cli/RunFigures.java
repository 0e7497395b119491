package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.report.LinePlot;
import org.wcl4j.report.MarkdownTable;
import org.wcl4j.report.MetricsCsv;

/**
 * The per-epoch numbers and the figures of a run beyond its loss curves, read from its files: the
 * epoch means that every checkpoint carries ({@code checkpoints/checkpoint-N.json}), the weak-label
 * statistics of {@code metrics.csv}, and the results of later {@code wcl4j eval} calls ({@code
 * evaluations/*.json}).
 */
final class RunFigures {

    /** Weak-label precision and recall over the steps. */
    static final Path WEAK_LABEL_PLOT = Path.of("plots", "weak-labels.png");

    /** The weak-label statistics of the epoch table, in column order. */
    private static final List<String> EPOCH_WEAK =
            List.of("weak/precision", "weak/recall", "weak/reciprocity", "weak/size-1");

    /** Every evaluation metric over the epochs: before training, during and after. */
    static final Path EVALUATION_PLOT = Path.of("plots", "evaluation.png");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFigures() {}

    /**
     * Each completed epoch's means (loss, loss terms, weak-label statistics, and the evaluation
     * when that epoch was evaluated), from the latest checkpoint; empty without one.
     */
    static List<Map<String, Double>> epochMetrics(Path directory) throws IOException {
        Path folder = directory.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Optional<Path> latest;
        try (Stream<Path> files = Files.list(folder)) {
            latest =
                    files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json"))
                            .max(Comparator.comparing(f -> f.getFileName().toString()));
        }
        if (latest.isEmpty()) {
            return List.of();
        }
        List<Map<String, Double>> epochs = new ArrayList<>();
        for (JsonNode epoch : JSON.readTree(latest.get().toFile()).path("epochMetrics")) {
            Map<String, Double> means = new LinkedHashMap<>();
            epoch.properties()
                    .forEach(e -> means.put(e.getKey(), e.getValue().asDouble(Double.NaN)));
            epochs.add(means);
        }
        return epochs;
    }

    /**
     * Weak-label precision, recall and reciprocity per step.
     *
     * @return empty when the run has no labeller (none of them finite)
     */
    static Optional<LinePlot> weakLabelCurves(MetricsCsv metrics) {
        List<LinePlot.Series> lines = new ArrayList<>();
        double[] steps = metrics.has("step") ? metrics.column("step") : null;
        for (String name : List.of("weak/precision", "weak/recall", "weak/reciprocity")) {
            if (steps != null && metrics.has(name)) {
                LinePlot.Series line = finite(name, steps, metrics.column(name));
                if (!line.x().isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new LinePlot("Weak-label quality", "step", "fraction of pairs", lines));
    }

    /**
     * Every evaluation metric over the epochs: the value before training at epoch 0, the
     * evaluations during training at their epoch, the final one at the last epoch.
     *
     * @return empty when fewer than two evaluations exist
     */
    static Optional<LinePlot> evaluationCurves(
            RunSummary summary, List<Map<String, Double>> epochs) {
        Set<String> names = new LinkedHashSet<>(summary.after().keySet());
        names.addAll(summary.before().keySet());
        List<LinePlot.Series> lines = new ArrayList<>();
        for (String name : names) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            if (summary.before().containsKey(name)) {
                x.add(0.0);
                y.add(summary.before().get(name));
            }
            for (int e = 0; e < epochs.size(); e++) {
                Double value = epochs.get(e).get(name);
                if (value != null && Double.isFinite(value)) {
                    x.add(e + 1.0);
                    y.add(value);
                }
            }
            if (summary.after().containsKey(name)) {
                x.add((double) epochs.size());
                y.add(summary.after().get(name));
            }
            if (x.size() >= 2) {
                lines.add(new LinePlot.Series(name, x, y));
            }
        }
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(new LinePlot("Evaluation", "epoch", "percent", lines));
    }

    /**
     * One row per epoch: the mean loss and loss terms, the weak-label precision, recall,
     * reciprocity and share of members left alone in their component ({@code weak/size-1}) when
     * recorded, and any evaluation of that epoch. The other component-size shares stay in {@code
     * metrics.csv}.
     */
    static MarkdownTable epochTable(List<Map<String, Double>> epochs) {
        // losses first, then weak-label quality, then evaluations ("<protocol>/<metric>")
        Set<String> losses = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        Set<String> evaluations = new LinkedHashSet<>();
        for (Map<String, Double> epoch : epochs) {
            for (String key : epoch.keySet()) {
                if (key.equals("loss") || key.startsWith("loss/")) {
                    losses.add(key);
                } else if (EPOCH_WEAK.contains(key)) {
                    weak.add(key);
                } else if (key.contains("/")
                        && !key.startsWith("weak/")
                        && !key.startsWith("time/")
                        && !key.equals("images/s")) {
                    evaluations.add(key);
                }
            }
        }
        Set<String> columns = new LinkedHashSet<>(losses);
        EPOCH_WEAK.stream().filter(weak::contains).forEach(columns::add);
        columns.addAll(evaluations);
        List<String> header = new ArrayList<>();
        header.add("epoch");
        header.addAll(columns);
        MarkdownTable table = MarkdownTable.withHeader(header.toArray(String[]::new));
        for (int e = 0; e < epochs.size(); e++) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(e + 1));
            for (String column : columns) {
                Double value = epochs.get(e).get(column);
                cells.add(
                        column.startsWith("loss") || column.startsWith("weak/")
                                ? fourDecimals(value)
                                : Reports.number(value));
            }
            table = table.withRow(cells.toArray(String[]::new));
        }
        return table;
    }

    /**
     * One row per metric of every {@code evaluations/*.json}, with the epoch of the checkpoint it
     * judged; empty when there is none.
     */
    static Optional<MarkdownTable> laterEvaluations(Path directory) throws IOException {
        Path folder = directory.resolve("evaluations");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        MarkdownTable table = MarkdownTable.withHeader("protocol", "metric", "value", "epoch");
        table =
                table.aligned(
                        MarkdownTable.Alignment.LEFT,
                        MarkdownTable.Alignment.LEFT,
                        MarkdownTable.Alignment.RIGHT,
                        MarkdownTable.Alignment.RIGHT);
        for (Path file : files) {
            JsonNode json = JSON.readTree(file.toFile());
            String protocol = json.path("protocol").asText("?");
            String epoch = Integer.toString(json.path("checkpointEpochs").asInt());
            for (Map.Entry<String, JsonNode> metric : json.path("metrics").properties()) {
                table =
                        table.withRow(
                                protocol,
                                metric.getKey(),
                                Reports.number(metric.getValue().asDouble(Double.NaN)),
                                epoch);
            }
        }
        return table.rows().isEmpty() ? Optional.empty() : Optional.of(table);
    }

    private static String fourDecimals(Double value) {
        return value == null || !Double.isFinite(value)
                ? "-"
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static LinePlot.Series finite(String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return new LinePlot.Series(name, xs, ys);
    }
}
