package org.wcl4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric columns of a run's {@code metrics.csv}: a header line of column names, then one line
 * of comma-separated values per row. An empty or non-numeric cell reads as {@code NaN}, so a metric
 * that only some rows have (for example the weak-label statistics of a run without a labeller)
 * leaves gaps rather than failing.
 *
 * @param columns column name to its values, in file order; every array has {@link #rows()} entries
 */
public record MetricsCsv(Map<String, double[]> columns) {

    public MetricsCsv {
        int rows = -1;
        Map<String, double[]> copied = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> column : columns.entrySet()) {
            if (rows >= 0 && column.getValue().length != rows) {
                throw new IllegalArgumentException(
                        "expected every column to have "
                                + rows
                                + " values, found "
                                + column.getValue().length
                                + " in '"
                                + column.getKey()
                                + "'");
            }
            rows = column.getValue().length;
            copied.put(column.getKey(), column.getValue().clone());
        }
        columns = Collections.unmodifiableMap(copied);
    }

    /**
     * Reads a metrics file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it has no header or a row has more cells than the
     *     header
     */
    public static MetricsCsv read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected a header line in " + file + ", found an empty file");
        }
        String[] names = lines.get(0).split(",", -1);
        double[][] values = new double[names.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            if (cells.length > names.length) {
                throw new IllegalArgumentException(
                        file
                                + " line "
                                + (r + 1)
                                + ": expected at most "
                                + names.length
                                + " cells like the header, found "
                                + cells.length);
            }
            for (int c = 0; c < names.length; c++) {
                values[c][r - 1] = c < cells.length ? parse(cells[c]) : Double.NaN;
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            columns.put(names[c].strip(), values[c]);
        }
        return new MetricsCsv(columns);
    }

    /** The number of data rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    /** Whether the file has a column of this name. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * The values of one column.
     *
     * @throws IllegalArgumentException when there is no such column; the message lists those there
     *     are
     */
    public double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException(
                    "no column '" + name + "' in the metrics; found " + columns.keySet());
        }
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MetricsCsv that)
                || !columns.keySet().equals(that.columns.keySet())) {
            return false;
        }
        return columns.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), that.columns.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int hash = columns.keySet().hashCode();
        for (double[] values : columns.values()) {
            hash = 31 * hash + Arrays.hashCode(values);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "MetricsCsv" + columns.keySet() + " with " + rows() + " rows";
    }

    private static double parse(String cell) {
        String trimmed = cell.strip();
        if (trimmed.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
