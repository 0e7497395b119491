package org.wcl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wcl4j.report.GroupedBarPlot;
import org.wcl4j.report.MarkdownTable;

/**
 * What {@code wcl4j reproduce} leaves behind: {@code report.md} (the table beside the paper's
 * numbers, then the paper's claims checked on ours), {@code table<N>.csv} and {@code
 * table<N>-claims.csv} (unrounded), and {@code table<N>.png}.
 */
final class ReproductionFiles {

    private ReproductionFiles() {}

    /**
     * Everything the report says about where its numbers come from.
     *
     * @param table the table
     * @param profile the profile run
     * @param seeds the seeds run
     * @param command the command line that made it
     * @param runs the folder that holds the runs
     */
    record Context(
            ReproductionTable table,
            ReproductionTable.Profile profile,
            List<Long> seeds,
            String command,
            Path runs) {}

    /**
     * Writes the report, the CSVs and the figure into {@code outDir}; a figure that cannot be drawn
     * is reported on {@code err} and left out.
     *
     * @return the names of the files written
     * @throws IOException when a file cannot be written
     */
    static List<String> write(
            Path outDir,
            Context context,
            List<Reproduction.Row> rows,
            List<Reproduction.ClaimResult> claims,
            PrintWriter err)
            throws IOException {
        List<String> written = new ArrayList<>();
        String slug = context.table().slug();
        Files.writeString(outDir.resolve(slug + ".csv"), csv(rows), StandardCharsets.UTF_8);
        written.add(slug + ".csv");
        Files.writeString(
                outDir.resolve(slug + "-claims.csv"), claimsCsv(claims), StandardCharsets.UTF_8);
        written.add(slug + "-claims.csv");
        boolean drawn = false;
        try {
            chart(context, rows).writePng(outDir.resolve(slug + ".png"), 900, 520);
            drawn = true;
            written.add(slug + ".png");
        } catch (IOException | RuntimeException e) {
            err.println("could not draw " + slug + ".png: " + e.getMessage());
        }
        Files.writeString(
                outDir.resolve("report.md"),
                markdown(context, rows, claims, drawn),
                StandardCharsets.UTF_8);
        written.add(0, "report.md");
        return written;
    }

    /** The name of the table's measure in headers. */
    private static String measureName(Context context) {
        return context.table().measure() == ReproductionTable.Measure.STEP_TIME
                ? "step time ÷ " + context.table().reference() + "'s"
                : context.profile().metric();
    }

    /** The cells beside the paper's numbers. */
    static MarkdownTable table(Context context, List<Reproduction.Row> rows) {
        boolean time = context.table().measure() == ReproductionTable.Measure.STEP_TIME;
        String reference = context.table().reference();
        MarkdownTable table =
                MarkdownTable.withHeader(
                                "cell",
                                "paper's row",
                                "paper",
                                "ours (mean ± sd)",
                                time ? "ours − paper" : "Δ paper vs " + reference,
                                time ? "step ms (ours)" : "Δ ours vs " + reference,
                                "p (paired t)",
                                "per seed")
                        .aligned(
                                MarkdownTable.Alignment.LEFT,
                                MarkdownTable.Alignment.LEFT,
                                MarkdownTable.Alignment.RIGHT,
                                MarkdownTable.Alignment.RIGHT,
                                MarkdownTable.Alignment.RIGHT,
                                MarkdownTable.Alignment.RIGHT,
                                MarkdownTable.Alignment.RIGHT,
                                MarkdownTable.Alignment.LEFT);
        for (Reproduction.Row row : rows) {
            String paper = Double.isFinite(row.paper()) ? Reports.number(row.paper()) : "–";
            boolean isReference = row.cell().id().equals(reference);
            table =
                    table.withRow(
                            row.cell().id(),
                            row.cell().label(),
                            paper,
                            Reports.number(row.mean())
                                    + (Double.isFinite(row.sd())
                                            ? " ± " + Reports.number(row.sd())
                                            : ""),
                            time
                                    ? (Double.isFinite(row.paper())
                                            ? Reports.signed(row.mean() - row.paper())
                                            : "–")
                                    : isReference || !Double.isFinite(row.paperDifference())
                                            ? "–"
                                            : Reports.signed(row.paperDifference()),
                            time
                                    ? Reports.number(SeedStatistics.mean(row.raw()))
                                    : isReference ? "–" : Reports.signed(row.difference()),
                            isReference || !Double.isFinite(row.p())
                                    ? (isReference ? "–" : "n/a")
                                    : pValue(row.p()),
                            Arrays.stream(row.values())
                                    .mapToObj(Reports::number)
                                    .collect(Collectors.joining(", ")));
        }
        return table;
    }

    /** The claims with their verdicts. */
    static MarkdownTable claimsTable(List<Reproduction.ClaimResult> claims) {
        MarkdownTable table =
                MarkdownTable.withHeader(
                                "the paper's claim",
                                "on the paper's numbers",
                                "on ours",
                                "each comparison: ours Δ (p), paper Δ")
                        .aligned(
                                MarkdownTable.Alignment.LEFT,
                                MarkdownTable.Alignment.LEFT,
                                MarkdownTable.Alignment.LEFT,
                                MarkdownTable.Alignment.LEFT);
        for (Reproduction.ClaimResult claim : claims) {
            Boolean paper = claim.paperHolds();
            List<String> details = new ArrayList<>();
            for (Reproduction.Check check : claim.comparisons()) {
                details.add(
                        check.cell()
                                + " vs "
                                + check.than()
                                + ": "
                                + Reports.signed(check.difference())
                                + " (p "
                                + (Double.isFinite(check.p()) ? pValue(check.p()) : "n/a")
                                + "), paper "
                                + (Double.isFinite(check.paperDifference())
                                        ? Reports.signed(check.paperDifference())
                                        : "–"));
            }
            table =
                    table.withRow(
                            claim.claim().text(),
                            paper == null ? "–" : paper ? "holds" : "does not hold",
                            claim.verdict(),
                            String.join("; ", details));
        }
        return table;
    }

    private static String markdown(
            Context context,
            List<Reproduction.Row> rows,
            List<Reproduction.ClaimResult> claims,
            boolean drawn) {
        ReproductionTable table = context.table();
        String seeds =
                context.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append("# Table ")
                .append(table.number())
                .append(" of the WCL paper: ")
                .append(table.title())
                .append(" (profile `")
                .append(context.profile().name())
                .append("`)\n\n");
        text.append("Made by `")
                .append(context.command())
                .append("` with ")
                .append(new Wcl4jCommand.Version().getVersion()[0])
                .append(".\n\n");
        text.append("- **The paper:** ").append(table.source()).append('\n');
        text.append("- **This profile:** ").append(context.profile().description()).append('\n');
        text.append("- **Our number:** ");
        if (table.measure() == ReproductionTable.Measure.STEP_TIME) {
            text.append("the mean training step time (`meanStepMilliseconds` of each run's")
                    .append(" `summary.json`, the first step left out) divided by that of ")
                    .append(table.reference())
                    .append(" with the same seed");
        } else {
            text.append("`")
                    .append(context.profile().metric())
                    .append("` of each run's `summary.json` (after training), in percent");
        }
        text.append("; mean ± sample sd over seeds ")
                .append(seeds)
                .append(". p is the two-sided paired t-test over seeds against ")
                .append(table.reference())
                .append(" (n/a for one seed, and when every seed differs from it by the same")
                .append(" amount, which leaves the test no spread).\n");
        text.append("- **Runs:** `").append(Reports.path(context.runs())).append("`\n\n");
        text.append(table(context, rows).render()).append('\n');
        if (drawn) {
            text.append("![")
                    .append(
                            table.measure() == ReproductionTable.Measure.STEP_TIME
                                    ? "step-time ratios, paper and ours"
                                    : "differences to " + table.reference() + ", paper and ours")
                    .append("](")
                    .append(table.slug())
                    .append(".png)\n\n");
        }
        text.append("## The paper's claims, checked on our numbers\n\n");
        if (claims.isEmpty()) {
            text.append("No claim of this table is about the cells of this profile.\n\n");
        } else {
            text.append(claimsTable(claims).render()).append('\n');
            text.append("A claim held when every comparison went its way in the mean over seeds;")
                    .append(" it is significant when every p is below ")
                    .append(Reproduction.SIGNIFICANCE)
                    .append(". With few seeds a real difference often is not significant.\n\n");
        }
        text.append("Unrounded numbers: [")
                .append(table.slug())
                .append(".csv](")
                .append(table.slug())
                .append(".csv), [")
                .append(table.slug())
                .append("-claims.csv](")
                .append(table.slug())
                .append("-claims.csv).\n");
        return text.toString();
    }

    /** One line per cell, unrounded; per-seed lists joined by {@code ;}. */
    static String csv(List<Reproduction.Row> rows) {
        return csvText(
                printer -> {
                    for (Reproduction.Row row : rows) {
                        printer.printRecord(
                                row.cell().id(),
                                row.cell().label(),
                                unrounded(row.paper()),
                                unrounded(row.mean()),
                                unrounded(row.sd()),
                                unrounded(row.difference()),
                                unrounded(row.paperDifference()),
                                unrounded(row.p()),
                                row.values().length,
                                joined(row.values()),
                                joined(row.raw()));
                    }
                },
                "cell",
                "label",
                "paper",
                "mean",
                "sd",
                "difference",
                "paper_difference",
                "p",
                "seeds",
                "values",
                "raw");
    }

    /** One line per comparison of every claim. */
    static String claimsCsv(List<Reproduction.ClaimResult> claims) {
        return csvText(
                printer -> {
                    for (Reproduction.ClaimResult claim : claims) {
                        Boolean paper = claim.paperHolds();
                        for (Reproduction.Check check : claim.comparisons()) {
                            printer.printRecord(
                                    claim.claim().text(),
                                    claim.held(),
                                    claim.significant(),
                                    paper == null ? "" : paper.toString(),
                                    check.cell(),
                                    check.than(),
                                    unrounded(check.difference()),
                                    unrounded(check.paperDifference()),
                                    unrounded(check.p()));
                        }
                    }
                },
                "claim",
                "held",
                "significant",
                "paper_holds",
                "cell",
                "than",
                "difference",
                "paper_difference",
                "p");
    }

    /** What prints the records of a CSV. */
    private interface Records {
        void print(CSVPrinter printer) throws IOException;
    }

    /** A CSV with a header line, then the records {@code records} prints. */
    private static String csvText(Records records, String... header) {
        StringBuilder text = new StringBuilder();
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            records.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not format a CSV in memory", e);
        }
        return text.toString();
    }

    /**
     * Accuracy tables: each cell's difference to the reference, the paper's beside ours (the two
     * are on different data and scales, their differences are what compare). Step-time tables: the
     * ratio to the reference, the paper's beside ours.
     */
    static GroupedBarPlot chart(Context context, List<Reproduction.Row> rows) {
        boolean time = context.table().measure() == ReproductionTable.Measure.STEP_TIME;
        List<String> categories = new ArrayList<>();
        List<Double> paper = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (Reproduction.Row row : rows) {
            if (!time && row.cell().id().equals(context.table().reference())) {
                continue;
            }
            categories.add(row.cell().id());
            paper.add(time ? row.paper() : row.paperDifference());
            ours.add(time ? row.mean() : row.difference());
            errors.add(time ? row.sd() : row.differenceSd());
            none.add(Double.NaN);
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("only the reference cell ran: nothing to draw");
        }
        return new GroupedBarPlot(
                "Table " + context.table().number() + " (" + context.profile().name() + ")",
                "cell",
                time
                        ? "step time ÷ " + context.table().reference()
                        : "Δ " + measureName(context) + " vs " + context.table().reference(),
                categories,
                paper.stream().anyMatch(Double::isFinite)
                        ? List.of(
                                new GroupedBarPlot.Series("paper", paper, none),
                                new GroupedBarPlot.Series("ours (± sd over seeds)", ours, errors))
                        : List.of(
                                new GroupedBarPlot.Series(
                                        "ours (± sd over seeds; the table file has no paper"
                                                + " numbers)",
                                        ours,
                                        errors)));
    }

    /** A p-value with three decimals, or {@code < 0.001} below that. */
    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String unrounded(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static String joined(double[] values) {
        return Arrays.stream(values)
                .mapToObj(ReproductionFiles::unrounded)
                .collect(Collectors.joining(";"));
    }
}
