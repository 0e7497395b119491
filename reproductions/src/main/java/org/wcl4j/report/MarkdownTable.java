package org.wcl4j.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table in GitHub-flavoured Markdown, with every column padded to its widest cell so that it also
 * reads well as plain text in a terminal.
 *
 * <p>Cells are plain strings; a {@code |} inside a cell is escaped and a line break becomes a
 * space. Every row has exactly as many cells as the header.
 *
 * @param header the column titles, at least one
 * @param alignments one per column: how cells sit in their column
 * @param rows the body, each row as wide as the header
 */
public record MarkdownTable(
        List<String> header, List<Alignment> alignments, List<List<String>> rows) {

    /** How the cells of one column are aligned. */
    public enum Alignment {
        /** Text columns. */
        LEFT,
        /** Number columns. */
        RIGHT
    }

    public MarkdownTable {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column, found none");
        }
        if (alignments.size() != header.size()) {
            throw new IllegalArgumentException(
                    "expected one alignment per column ("
                            + header.size()
                            + "), found "
                            + alignments.size());
        }
        List<List<String>> copied = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + r
                                + ": expected "
                                + header.size()
                                + " cells like the header "
                                + header
                                + ", found "
                                + row.size()
                                + ": "
                                + row);
            }
            copied.add(List.copyOf(row));
        }
        header = List.copyOf(header);
        alignments = List.copyOf(alignments);
        rows = Collections.unmodifiableList(copied);
    }

    /**
     * Starts a table whose first column is left-aligned and the others right-aligned, the usual
     * shape for a name followed by numbers.
     */
    public static MarkdownTable withHeader(String... header) {
        List<Alignment> alignments = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            alignments.add(c == 0 ? Alignment.LEFT : Alignment.RIGHT);
        }
        return new MarkdownTable(List.of(header), alignments, List.of());
    }

    /** A copy of this table with the same columns, all aligned as given. */
    public MarkdownTable aligned(Alignment... columns) {
        return new MarkdownTable(header, List.of(columns), rows);
    }

    /** A copy of this table with one more row at the bottom. */
    public MarkdownTable withRow(String... cells) {
        List<List<String>> more = new ArrayList<>(rows);
        more.add(List.of(cells));
        return new MarkdownTable(header, alignments, more);
    }

    /** The table as Markdown lines, each ending with a line feed. */
    public String render() {
        int columns = header.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            // a separator needs at least three characters, four with the alignment colon
            widths[c] = Math.max(3, escape(header.get(c)).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], escape(row.get(c)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        out.append('|');
        for (int c = 0; c < columns; c++) {
            boolean right = alignments.get(c) == Alignment.RIGHT;
            out.append(' ')
                    .append("-".repeat(right ? widths[c] - 1 : widths[c]))
                    .append(right ? ":" : "")
                    .append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = escape(cells.get(c));
            String padding = " ".repeat(widths[c] - cell.length());
            out.append(' ');
            if (alignments.get(c) == Alignment.RIGHT) {
                out.append(padding).append(cell);
            } else {
                out.append(cell).append(padding);
            }
            out.append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ');
    }
}
