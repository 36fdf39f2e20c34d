package io.agentassist.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others (numbers) right-aligned unless {@link #left}. */
final class Table {
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean[] leftAligned;

    Table(String... header) {
        columns = header.length;
        leftAligned = new boolean[columns];
        leftAligned[0] = true;
        rows.add(header);
    }

    /** Aligns these columns (text, not numbers) to the left too. */
    Table left(int... textColumns) {
        for (int column : textColumns) {
            leftAligned[column] = true;
        }
        return this;
    }

    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        var text = new StringBuilder();
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append(GAP);
                }
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(leftAligned[c] ? row[c] + pad : pad + row[c]);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
