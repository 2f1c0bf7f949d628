package org.nianbao.indexer.extract.table;

import org.nianbao.indexer.extract.ExtractedDocument.Cell;
import org.nianbao.indexer.extract.ExtractedDocument.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns cells at grid positions into the HTML-like {@link Table} model, where a cell's column is implied
 * by the cells and spans before it: grid positions that no cell covers get an empty 1×1 cell so that
 * every later cell keeps its column.
 */
public final class TableAssembler {
    private TableAssembler() {
    }

    public static Table assemble(List<PlacedCell> cells) {
        int rows = 0, cols = 0;
        for (PlacedCell c : cells) {
            rows = Math.max(rows, c.row() + c.rowSpan());
            cols = Math.max(cols, c.col() + c.colSpan());
        }
        boolean[][] covered = new boolean[rows][cols];
        PlacedCell[][] origin = new PlacedCell[rows][cols];
        for (PlacedCell c : cells) {
            if (covered[c.row()][c.col()]) continue; // overlapping input: the first one wins
            origin[c.row()][c.col()] = c;
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++)
                for (int k = c.col(); k < c.col() + c.colSpan(); k++) covered[r][k] = true;
        }
        int page = cells.stream().mapToInt(PlacedCell::page).min().orElse(0);
        List<List<Cell>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Cell> row = new ArrayList<>();
            for (int k = 0; k < cols; k++) {
                PlacedCell c = origin[r][k];
                if (c != null) {
                    row.add(new Cell(c.text(), c.rowSpan(), c.colSpan(), c.page()));
                } else if (!covered[r][k]) {
                    row.add(new Cell("", 1, 1, rowPage(origin[r], page)));
                }
            }
            out.add(row);
        }
        return new Table(out);
    }

    private static int rowPage(PlacedCell[] row, int fallback) {
        for (PlacedCell c : row) if (c != null) return c.page();
        return fallback;
    }

    /** The inverse: each cell of a {@link Table} at its grid position, spans resolved the way HTML does. */
    public static List<PlacedCell> place(Table table) {
        List<PlacedCell> out = new ArrayList<>();
        List<boolean[]> taken = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            int col = 0;
            for (Cell c : table.rows().get(r)) {
                while (isTaken(taken, r, col)) col++;
                int rs = Math.max(1, c.rowSpan()), cs = Math.max(1, c.colSpan());
                out.add(new PlacedCell(r, col, rs, cs, c.text(), c.page()));
                for (int rr = r; rr < r + rs; rr++) for (int k = col; k < col + cs; k++) take(taken, rr, k);
                col += cs;
            }
        }
        out.sort(Comparator.comparingInt(PlacedCell::row).thenComparingInt(PlacedCell::col));
        return out;
    }

    /** The table as a full grid of texts, a merged cell's text repeated over the positions it covers. */
    public static String[][] grid(Table table) {
        List<PlacedCell> cells = place(table);
        int rows = 0, cols = 0;
        for (PlacedCell c : cells) {
            rows = Math.max(rows, c.row() + c.rowSpan());
            cols = Math.max(cols, c.col() + c.colSpan());
        }
        String[][] g = new String[rows][cols];
        for (PlacedCell c : cells)
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++)
                for (int k = c.col(); k < c.col() + c.colSpan(); k++) g[r][k] = c.text();
        for (String[] row : g) for (int k = 0; k < row.length; k++) if (row[k] == null) row[k] = "";
        return g;
    }

    private static boolean isTaken(List<boolean[]> taken, int r, int c) {
        return r < taken.size() && c < taken.get(r).length && taken.get(r)[c];
    }

    private static void take(List<boolean[]> taken, int r, int c) {
        while (taken.size() <= r) taken.add(new boolean[0]);
        boolean[] row = taken.get(r);
        if (row.length <= c) {
            row = java.util.Arrays.copyOf(row, Math.max(c + 1, row.length * 2));
            taken.set(r, row);
        }
        row[c] = true;
    }

    /** Tables as text lines, cells separated by tabs, for the plain-text reading of a document. */
    public static String asText(Table table) {
        StringBuilder sb = new StringBuilder();
        for (List<Cell> row : table.rows()) {
            List<String> texts = row.stream().map(c -> c.text().replace('\n', ' ')).toList();
            sb.append(String.join("\t", texts)).append('\n');
        }
        return sb.toString();
    }
}
