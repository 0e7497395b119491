package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.wcl4j.report.BarPlot;
import org.wcl4j.report.LinePlot;
import org.wcl4j.report.MarkdownTable;
import org.wcl4j.report.MetricsCsv;

/**
 * The numbers of {@code wcl4j compare}, read from the finished runs' {@code summary.json} and
 * {@code metrics.csv}, and the table, CSV and figures made from them.
 */
final class Comparison {

    /** The evaluation metric compared, from {@code summary.json}'s {@code after}. */
    static final String KNN_TOP1 = "knn/top1";

    /** The mean time of one step in milliseconds, when {@code summary.json} records it. */
    static final String STEP_TIME = "meanStepMilliseconds";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Comparison() {}

    /**
     * One finished run.
     *
     * @param seed its seed
     * @param knnTop1 its final kNN top-1 accuracy, {@code NaN} when it has none
     * @param stepMillis its mean step time in ms, see {@link #meanStepMillis}
     * @param weakPrecision the mean weak-label precision of its last epoch, {@code NaN} without a
     *     labeller
     * @param precisionPerEpoch each epoch's (from 1) mean weak-label precision; empty without a
     *     labeller
     */
    record RunResult(
            long seed,
            double knnTop1,
            double stepMillis,
            double weakPrecision,
            Map<Integer, Double> precisionPerEpoch) {

        RunResult {
            precisionPerEpoch = Map.copyOf(precisionPerEpoch);
        }
    }

    /**
     * The runs of one config.
     *
     * @param name the config's name
     * @param runs one per seed, in the order of {@code --seeds}
     */
    record Method(String name, List<RunResult> runs) {

        Method {
            runs = List.copyOf(runs);
        }

        double[] knnTop1() {
            return runs.stream().mapToDouble(RunResult::knnTop1).toArray();
        }
    }

    /**
     * One row of the comparison; every number unrounded.
     *
     * @param method the config's name
     * @param seeds how many seeds
     * @param mean mean kNN top-1 over the seeds
     * @param sd its sample standard deviation, {@code NaN} for one seed
     * @param difference {@code mean} minus the first method's
     * @param p the two-sided paired t-test p-value against the first method, {@code NaN} for the
     *     first row, one seed and differences without spread (see {@link SeedStatistics})
     * @param stepMillis mean over the seeds of the runs' mean step time, ms
     * @param stepRatio {@code stepMillis} over the first method's
     * @param weakPrecision mean over the seeds of the last epoch's weak-label precision, {@code
     *     NaN} without a labeller
     */
    record Row(
            String method,
            int seeds,
            double mean,
            double sd,
            double difference,
            double p,
            double stepMillis,
            double stepRatio,
            double weakPrecision) {}

    /**
     * Reads the numbers of a finished run.
     *
     * @throws UncheckedIOException when its files cannot be read
     */
    static RunResult read(Path runDirectory, long seed) {
        try {
            JsonNode summary = JSON.readTree(runDirectory.resolve(RunDriver.SUMMARY).toFile());
            double knn = summary.path("after").path(KNN_TOP1).asDouble(Double.NaN);
            MetricsCsv metrics = MetricsCsv.read(runDirectory.resolve("metrics.csv"));
            NavigableMap<Integer, Double> precision = precisionPerEpoch(metrics);
            double last = precision.isEmpty() ? Double.NaN : precision.lastEntry().getValue();
            return new RunResult(seed, knn, meanStepMillis(summary, metrics), last, precision);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the results of " + runDirectory, e);
        }
    }

    /**
     * The mean time of one training step of a run, in milliseconds: {@code summary.json}'s {@code
     * meanStepMilliseconds} when it has one, otherwise from {@code metrics.csv}: the sum of the
     * step's {@code time/*} columns (empty cells count as 0), averaged over every step but the
     * run's first (which pays for warming up); over that first step alone when it is the only one.
     *
     * @return {@code NaN} when neither file has any timing
     */
    static double meanStepMillis(JsonNode summary, MetricsCsv metrics) {
        JsonNode recorded = summary.path(STEP_TIME);
        if (recorded.isNumber()) {
            return recorded.asDouble();
        }
        List<double[]> times = new ArrayList<>();
        for (String column : metrics.columns().keySet()) {
            if (column.startsWith("time/")) {
                times.add(metrics.column(column));
            }
        }
        List<Double> sums = new ArrayList<>();
        for (int row = 0; row < metrics.rows(); row++) {
            double sum = 0;
            boolean any = false;
            for (double[] column : times) {
                if (Double.isFinite(column[row])) {
                    sum += column[row];
                    any = true;
                }
            }
            if (any) {
                sums.add(sum);
            }
        }
        List<Double> counted = sums.size() > 1 ? sums.subList(1, sums.size()) : sums;
        return counted.isEmpty()
                ? Double.NaN
                : SeedStatistics.mean(counted.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Each epoch's mean {@code weak/precision}, epochs counted from 1; empty when the run has no
     * finite precision (no labeller).
     */
    static NavigableMap<Integer, Double> precisionPerEpoch(MetricsCsv metrics) {
        TreeMap<Integer, Double> means = new TreeMap<>();
        if (!metrics.has("weak/precision") || !metrics.has("epoch")) {
            return means;
        }
        double[] epochs = metrics.column("epoch");
        double[] precision = metrics.column("weak/precision");
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (int row = 0; row < metrics.rows(); row++) {
            if (Double.isFinite(epochs[row]) && Double.isFinite(precision[row])) {
                double[] sum = sums.computeIfAbsent((int) epochs[row] + 1, e -> new double[2]);
                sum[0] += precision[row];
                sum[1]++;
            }
        }
        sums.forEach((epoch, sum) -> means.put(epoch, sum[0] / sum[1]));
        return means;
    }

    /** The rows of the comparison, the first method being the reference. */
    static List<Row> rows(List<Method> methods) {
        List<Row> rows = new ArrayList<>();
        Method first = methods.get(0);
        double firstMean = SeedStatistics.mean(first.knnTop1());
        double firstMillis = meanOver(first.runs(), RunResult::stepMillis);
        for (int m = 0; m < methods.size(); m++) {
            Method method = methods.get(m);
            double[] knn = method.knnTop1();
            double mean = SeedStatistics.mean(knn);
            double millis = meanOver(method.runs(), RunResult::stepMillis);
            rows.add(
                    new Row(
                            method.name(),
                            method.runs().size(),
                            mean,
                            SeedStatistics.sampleStandardDeviation(knn),
                            mean - firstMean,
                            m == 0 ? Double.NaN : SeedStatistics.pairedPValue(first.knnTop1(), knn),
                            millis,
                            millis / firstMillis,
                            meanOver(method.runs(), RunResult::weakPrecision)));
        }
        return rows;
    }

    private static double meanOver(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return SeedStatistics.mean(runs.stream().mapToDouble(value).toArray());
    }

    /** The rows as a Markdown table, numbers rounded for reading. */
    static MarkdownTable table(List<Row> rows) {
        MarkdownTable table =
                MarkdownTable.withHeader(
                        "method",
                        "seeds",
                        "kNN top-1 (mean ± sd)",
                        "Δ vs first",
                        "p (paired t)",
                        "step time ×",
                        "weak-label precision");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            table =
                    table.withRow(
                            row.method(),
                            String.valueOf(row.seeds()),
                            Double.isFinite(row.sd())
                                    ? Reports.number(row.mean()) + " ± " + Reports.number(row.sd())
                                    : Reports.number(row.mean()),
                            r == 0 || !Double.isFinite(row.difference())
                                    ? "–"
                                    : Reports.signed(row.difference()),
                            pValue(row.p()),
                            Double.isFinite(row.stepRatio())
                                    ? String.format(Locale.ROOT, "%.2f", row.stepRatio())
                                    : "–",
                            Double.isFinite(row.weakPrecision())
                                    ? String.format(Locale.ROOT, "%.3f", row.weakPrecision())
                                    : "–");
        }
        return table.aligned(
                MarkdownTable.Alignment.LEFT,
                MarkdownTable.Alignment.RIGHT,
                MarkdownTable.Alignment.RIGHT,
                MarkdownTable.Alignment.RIGHT,
                MarkdownTable.Alignment.RIGHT,
                MarkdownTable.Alignment.RIGHT,
                MarkdownTable.Alignment.RIGHT);
    }

    /** A p-value with three decimals, {@code <0.001} below that, {@code n/a} when undefined. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** The columns of {@code compare.csv}. */
    static final List<String> CSV_COLUMNS =
            List.of(
                    "method",
                    "seeds",
                    "knn_top1_mean",
                    "knn_top1_sd",
                    "knn_top1_difference",
                    "p_value",
                    "ms_per_step",
                    "step_time_ratio",
                    "weak_precision");

    /** The rows as CSV, numbers unrounded, an undefined number as an empty cell. */
    static String csv(List<Row> rows) {
        StringBuilder text = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Row row : rows) {
            text.append(csvText(row.method())).append(',').append(row.seeds());
            for (double value :
                    new double[] {
                        row.mean(),
                        row.sd(),
                        row.difference(),
                        row.p(),
                        row.stepMillis(),
                        row.stepRatio(),
                        row.weakPrecision()
                    }) {
                text.append(',').append(Double.isFinite(value) ? Double.toString(value) : "");
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String csvText(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell;
    }

    /**
     * Mean kNN top-1 per method with ±sd error bars.
     *
     * @return empty when no method has a kNN accuracy
     */
    static Optional<BarPlot> accuracyChart(List<Row> rows) {
        List<BarPlot.Bar> bars = new ArrayList<>();
        for (Row row : rows) {
            if (Double.isFinite(row.mean())) {
                bars.add(new BarPlot.Bar(row.method(), row.mean(), row.sd()));
            }
        }
        return bars.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new BarPlot(
                                "kNN top-1 over seeds (mean ± sd)",
                                "method",
                                "kNN top-1 (%)",
                                bars));
    }

    /**
     * Weak-label precision per epoch, one line per method with a labeller: each epoch's mean over
     * the seeds of the runs' epoch means.
     *
     * @return empty when no method has a labeller
     */
    static Optional<LinePlot> precisionCurves(List<Method> methods) {
        List<LinePlot.Series> lines = new ArrayList<>();
        for (Method method : methods) {
            TreeMap<Integer, double[]> sums = new TreeMap<>();
            for (RunResult run : method.runs()) {
                run.precisionPerEpoch()
                        .forEach(
                                (epoch, value) -> {
                                    double[] sum = sums.computeIfAbsent(epoch, e -> new double[2]);
                                    sum[0] += value;
                                    sum[1]++;
                                });
            }
            if (!sums.isEmpty()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                sums.forEach(
                        (epoch, sum) -> {
                            x.add(epoch.doubleValue());
                            y.add(sum[0] / sum[1]);
                        });
                lines.add(new LinePlot.Series(method.name(), x, y));
            }
        }
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new LinePlot(
                                "Weak-label precision (mean over seeds)",
                                "epoch",
                                "precision of the weak positive pairs",
                                lines));
    }
}
