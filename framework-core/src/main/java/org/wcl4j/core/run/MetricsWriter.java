package org.wcl4j.core.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wcl4j.core.config.RunConfig;

/**
 * Writes {@code metrics.csv}: a header fixed when the run starts, then one row per training step,
 * flushed as it is written. Cells are plain numbers; a metric a step did not report is an empty
 * cell. Column names hold no comma or quote, and any that did would be quoted (RFC 4180).
 */
final class MetricsWriter implements Closeable {

    private static final List<String> TIMES =
            List.of(
                    "time/augment",
                    "time/forward",
                    "time/label",
                    "time/loss",
                    "time/backward",
                    "time/update");

    /**
     * The weak-label statistics of the engine's step: components per view, precision, recall,
     * reciprocity, and the share of batch members per component size.
     */
    static final List<String> WEAK =
            List.of(
                    "weak/components",
                    "weak/precision",
                    "weak/recall",
                    "weak/reciprocity",
                    "weak/size-1",
                    "weak/size-2",
                    "weak/size-3-4",
                    "weak/size-5-8",
                    "weak/size-9-16",
                    "weak/size-17+");

    /** Columns that files of earlier versions lack; see {@link #append}. */
    static final List<String> ADDED_LATER = WEAK.subList(3, WEAK.size());

    private final BufferedWriter writer;
    private final List<String> columns;

    private MetricsWriter(BufferedWriter writer, List<String> columns) {
        this.writer = writer;
        this.columns = List.copyOf(columns);
    }

    /**
     * The columns of a run: {@code epoch, step, loss}, one {@code loss/<term>} per loss term,
     * {@code lr}, the {@code weak/*} statistics when there is a labeller, {@code images/s} and the
     * {@code time/*} phases in milliseconds.
     */
    static List<String> columns(RunConfig config) {
        List<String> columns = new ArrayList<>(List.of("epoch", "step", "loss"));
        config.lossTermNames().forEach(term -> columns.add("loss/" + term));
        columns.add("lr");
        if (config.labeller().isPresent()) {
            columns.addAll(WEAK);
        }
        columns.add("images/s");
        columns.addAll(TIMES);
        return List.copyOf(columns);
    }

    /** Starts a new file holding only the header. */
    static MetricsWriter create(Path file, List<String> columns) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        MetricsWriter metrics = new MetricsWriter(writer, columns);
        metrics.writeLine(columns);
        return metrics;
    }

    /**
     * Continues an existing file. A file written before the reciprocity and component-size columns
     * existed ({@code columns} without {@link #ADDED_LATER}) keeps its own columns, so that its run
     * can still be resumed.
     *
     * @throws IllegalStateException when its header is neither {@code columns} nor that older one
     */
    static MetricsWriter append(Path file, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = header(columns);
        List<String> older = columns.stream().filter(c -> !ADDED_LATER.contains(c)).toList();
        if (!lines.isEmpty() && !older.equals(columns) && lines.get(0).equals(header(older))) {
            return new MetricsWriter(
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.APPEND),
                    older);
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IllegalStateException(
                    "expected the header '"
                            + header
                            + "' in "
                            + file
                            + ", found '"
                            + (lines.isEmpty() ? "" : lines.get(0))
                            + "'; the config no longer matches this run directory");
        }
        return new MetricsWriter(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND),
                columns);
    }

    private static String header(List<String> columns) {
        return String.join(",", columns.stream().map(MetricsWriter::cell).toList());
    }

    /** Writes one row; keys not among the columns are ignored. */
    void write(Map<String, Double> row) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            Double value = row.get(column);
            cells.add(value == null || value.isNaN() ? "" : number(value));
        }
        writeLine(cells);
    }

    private void writeLine(List<String> cells) throws IOException {
        writer.write(String.join(",", cells.stream().map(MetricsWriter::cell).toList()));
        writer.newLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * Keeps the header and the rows of steps before {@code steps}, dropping later rows and a last
     * line cut short by a crash. Rewrites the file atomically.
     */
    static void truncate(Path file, int steps) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalStateException("expected a header line in " + file + ", found none");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int stepColumn = header.indexOf("step");
        if (stepColumn < 0) {
            throw new IllegalStateException(
                    "expected a 'step' column in " + file + ", found " + header);
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length == header.size() && stepOf(cells[stepColumn]) < steps) {
                kept.add(line);
            }
        }
        String content = String.join(System.lineSeparator(), kept) + System.lineSeparator();
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static long stepOf(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whole numbers without a decimal point (epoch, step), others in full precision. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Quotes a cell only if it holds a comma, a quote or a line break. */
    static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
