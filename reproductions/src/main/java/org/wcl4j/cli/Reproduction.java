package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of a reproduced table: each cell's value per seed, read from its runs' {@code
 * summary.json}, the rows of the report (mean ± sd beside the paper's number) and the paper's
 * claims checked on them.
 */
final class Reproduction {

    /** The p-value under which a claim that held is called significant. */
    static final double SIGNIFICANCE = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reproduction() {}

    /**
     * The runs of one cell.
     *
     * @param cell the cell
     * @param seeds the seeds, in the order of the values
     * @param raw per seed, the number read from the run: the metric in percent, or the mean step
     *     time in ms
     * @param runs per seed, the run directory
     */
    record CellRuns(ReproductionTable.Cell cell, List<Long> seeds, double[] raw, List<Path> runs) {

        CellRuns {
            seeds = List.copyOf(seeds);
            raw = raw.clone();
            runs = List.copyOf(runs);
        }
    }

    /**
     * One row of the report; numbers unrounded.
     *
     * @param cell the cell
     * @param values per seed, in the table's measure: the metric, or the step time over the
     *     reference's of the same seed
     * @param raw per seed, the number read from the run (equal to {@code values} for accuracy)
     * @param mean mean of {@code values}
     * @param sd their sample standard deviation, {@code NaN} for one seed
     * @param difference {@code mean} minus the reference's
     * @param differenceSd the sample standard deviation over seeds of the value minus the
     *     reference's value of the same seed; {@code NaN} for one seed
     * @param paperDifference the paper's number minus the paper's reference number; {@code NaN}
     *     when either is missing
     * @param p the paired t-test p-value against the reference, see {@link SeedStatistics}
     */
    record Row(
            ReproductionTable.Cell cell,
            double[] values,
            double[] raw,
            double mean,
            double sd,
            double difference,
            double differenceSd,
            double paperDifference,
            double p) {

        double paper() {
            return cell.paper().isPresent() ? cell.paper().getAsDouble() : Double.NaN;
        }
    }

    /**
     * One comparison inside a claim.
     *
     * @param cell the cell the claim is about
     * @param than the other cell, or the bound as text
     * @param difference our mean of {@code cell} minus that of {@code than} (or the bound)
     * @param paperDifference the same on the paper's numbers, {@code NaN} when missing
     * @param p two-sided p-value: paired t-test over seeds, or one-sample t-test against a bound
     * @param held whether {@code difference} goes the claimed way
     */
    record Check(
            String cell,
            String than,
            double difference,
            double paperDifference,
            double p,
            boolean held) {}

    /**
     * A claim of the paper on our numbers.
     *
     * @param claim the claim
     * @param comparisons one per pair (or per cell, against a bound)
     */
    record ClaimResult(ReproductionTable.Claim claim, List<Check> comparisons) {

        ClaimResult {
            comparisons = List.copyOf(comparisons);
        }

        /** Every comparison went the claimed way. */
        boolean held() {
            return comparisons.stream().allMatch(Check::held);
        }

        /** Held, and every comparison's p-value is below {@link #SIGNIFICANCE}. */
        boolean significant() {
            return held() && comparisons.stream().allMatch(c -> c.p() < SIGNIFICANCE);
        }

        /** Whether the paper's own numbers go the claimed way; {@code null} without them. */
        @Nullable Boolean paperHolds() {
            if (comparisons.stream().anyMatch(c -> Double.isNaN(c.paperDifference()))) {
                return null;
            }
            boolean higher = claim.direction() == ReproductionTable.Direction.HIGHER;
            return comparisons.stream()
                    .allMatch(c -> higher ? c.paperDifference() > 0 : c.paperDifference() < 0);
        }

        /** {@code held (p < 0.05)}, {@code held, not significant} or {@code did not hold}. */
        String verdict() {
            if (!held()) {
                long went = comparisons.stream().filter(Check::held).count();
                return comparisons.size() == 1
                        ? "did not hold"
                        : "did not hold (" + went + " of " + comparisons.size() + " went its way)";
            }
            return significant()
                    ? "held (every p < " + SIGNIFICANCE + ")"
                    : "held in the mean, not significant";
        }
    }

    /**
     * Reads the numbers of one cell's runs.
     *
     * @param seeds the seeds, in the order of {@code runs}
     * @param runs per seed, the run directory, each with its {@code summary.json}
     * @param measure what the table compares
     * @param metric the key of {@code after} for an accuracy table
     * @throws IllegalStateException when a finished run lacks the number; the message names it
     */
    static CellRuns read(
            ReproductionTable.Cell cell,
            List<Long> seeds,
            List<Path> runs,
            ReproductionTable.Measure measure,
            String metric) {
        double[] raw = runs.stream().mapToDouble(run -> number(run, measure, metric)).toArray();
        return new CellRuns(cell, seeds, raw, runs);
    }

    /** The number a run gives the table, from its {@code summary.json}. */
    static double number(Path run, ReproductionTable.Measure measure, String metric) {
        JsonNode summary;
        try {
            summary = JSON.readTree(run.resolve(RunDriver.SUMMARY).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the summary of " + run, e);
        }
        JsonNode value =
                measure == ReproductionTable.Measure.STEP_TIME
                        ? summary.path(Comparison.STEP_TIME)
                        : summary.path("after").path(metric);
        if (!value.isNumber()) {
            throw new IllegalStateException(
                    "expected "
                            + (measure == ReproductionTable.Measure.STEP_TIME
                                    ? Comparison.STEP_TIME
                                    : "after." + metric)
                            + " in "
                            + Reports.path(run.resolve(RunDriver.SUMMARY))
                            + ", found "
                            + (value.isMissingNode() ? "none" : value.toString())
                            + "; the table's metric must be an evaluation every cell's config"
                            + " runs (see the profile's metric:)");
        }
        return value.asDouble();
    }

    /**
     * The rows of the report, in the order of {@code cells}.
     *
     * @throws IllegalArgumentException when the reference cell is not among them or its seeds
     *     differ from another cell's
     */
    static List<Row> rows(ReproductionTable table, List<CellRuns> cells) {
        CellRuns reference =
                cells.stream()
                        .filter(c -> c.cell().id().equals(table.reference()))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "expected the reference cell "
                                                        + table.reference()
                                                        + " among the cells run"));
        double[] referenceValues = values(table.measure(), reference, reference);
        double referenceMean = SeedStatistics.mean(referenceValues);
        double referencePaper =
                reference.cell().paper().isPresent()
                        ? reference.cell().paper().getAsDouble()
                        : Double.NaN;
        List<Row> rows = new ArrayList<>();
        for (CellRuns cell : cells) {
            if (!cell.seeds().equals(reference.seeds())) {
                throw new IllegalArgumentException(
                        "expected the seeds of the reference "
                                + reference.seeds()
                                + " in cell "
                                + cell.cell().id()
                                + ", found "
                                + cell.seeds());
            }
            double[] values = values(table.measure(), cell, reference);
            double mean = SeedStatistics.mean(values);
            double paper =
                    cell.cell().paper().isPresent()
                            ? cell.cell().paper().getAsDouble()
                            : Double.NaN;
            rows.add(
                    new Row(
                            cell.cell(),
                            values,
                            cell.raw(),
                            mean,
                            SeedStatistics.sampleStandardDeviation(values),
                            mean - referenceMean,
                            SeedStatistics.sampleStandardDeviation(minus(values, referenceValues)),
                            paper - referencePaper,
                            cell == reference
                                    ? Double.NaN
                                    : SeedStatistics.pairedPValue(referenceValues, values)));
        }
        return rows;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
    }

    /** A cell's values in the table's measure: step times become ratios to the reference's. */
    private static double[] values(
            ReproductionTable.Measure measure, CellRuns cell, CellRuns reference) {
        if (measure == ReproductionTable.Measure.ACCURACY) {
            return cell.raw().clone();
        }
        double[] ratios = new double[cell.raw().length];
        for (int s = 0; s < ratios.length; s++) {
            ratios[s] = cell.raw()[s] / reference.raw()[s];
        }
        return ratios;
    }

    /** Checks every claim of the table whose cells all ran. */
    static List<ClaimResult> claims(ReproductionTable table, List<Row> rows) {
        Map<String, Row> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.cell().id(), r));
        List<ClaimResult> results = new ArrayList<>();
        for (ReproductionTable.Claim claim : table.claims()) {
            boolean ran =
                    byId.keySet().containsAll(claim.cells())
                            && byId.keySet().containsAll(claim.than());
            if (ran) {
                results.add(check(claim, byId));
            }
        }
        return results;
    }

    private static ClaimResult check(ReproductionTable.Claim claim, Map<String, Row> rows) {
        boolean higher = claim.direction() == ReproductionTable.Direction.HIGHER;
        List<Check> comparisons = new ArrayList<>();
        for (int i = 0; i < claim.cells().size(); i++) {
            Row row = rows.get(claim.cells().get(i));
            if (claim.bound().isPresent()) {
                double bound = claim.bound().getAsDouble();
                double difference = row.mean() - bound;
                comparisons.add(
                        new Check(
                                row.cell().id(),
                                format(bound),
                                difference,
                                row.paper() - bound,
                                oneSampleP(row.values(), bound),
                                higher ? difference > 0 : difference < 0));
            } else {
                Row than = rows.get(claim.than().get(i));
                double difference = row.mean() - than.mean();
                comparisons.add(
                        new Check(
                                row.cell().id(),
                                than.cell().id(),
                                difference,
                                row.paper() - than.paper(),
                                SeedStatistics.pairedPValue(than.values(), row.values()),
                                higher ? difference > 0 : difference < 0));
            }
        }
        return new ClaimResult(claim, comparisons);
    }

    /**
     * The two-sided p-value of the one-sample t-test of {@code values} against {@code bound}:
     * {@code NaN} for fewer than two values or values without spread.
     */
    static double oneSampleP(double[] values, double bound) {
        if (values.length < 2
                || Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))
                || Arrays.stream(values).allMatch(v -> v == values[0])) {
            return Double.NaN;
        }
        return new TTest().tTest(bound, values);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
