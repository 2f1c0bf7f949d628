package org.nianbao.indexer.extract.layout;

import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.table.PlacedCell;
import org.nianbao.indexer.extract.table.TableAssembler;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins a table that a page break cut in two: when the last thing on a page is a table and the first
 * thing on the next page is a table with the same column lines, they are one table. A merged cell cut
 * by the break (an empty continuation below a tall label) becomes one cell again.
 */
public final class TableStitcher {
    private final double tol;

    public TableStitcher(double tolerance) {
        this.tol = tolerance;
    }

    public List<Table> stitch(List<PageLayout.Page> pages) {
        List<Table> out = new ArrayList<>();
        List<PlacedCell> current = null;
        double[] currentXs = null;
        int currentRows = 0;
        for (int p = 0; p < pages.size(); p++) {
            List<PageLayout.Block> blocks = pages.get(p).blocks();
            for (int b = 0; b < blocks.size(); b++) {
                PageLayout.PageTable t = blocks.get(b).table();
                if (t == null) continue;
                boolean firstOnPage = b == 0;
                int[] map = current != null && firstOnPage && p > 0 && lastIsTable(pages.get(p - 1)) ? columnMap(currentXs, t.grid().xs()) : null;
                if (map != null) {
                    current = append(current, currentRows, t, map);
                    currentRows += t.grid().ys().length - 1;
                } else {
                    if (current != null) out.add(TableAssembler.assemble(current));
                    current = new ArrayList<>(t.cells());
                    currentXs = t.grid().xs();
                    currentRows = t.grid().ys().length - 1;
                }
                if (b != blocks.size() - 1) { // text follows on this page: the table is complete
                    out.add(TableAssembler.assemble(current));
                    current = null;
                }
            }
            if (current != null && !lastIsTable(pages.get(p))) {
                out.add(TableAssembler.assemble(current));
                current = null;
            }
        }
        if (current != null) out.add(TableAssembler.assemble(current));
        return out;
    }

    private static boolean lastIsTable(PageLayout.Page page) {
        return !page.blocks().isEmpty() && page.blocks().getLast().table() != null;
    }

    /** For each column line of the continuation, the index of the same line above; null when they differ. */
    private int[] columnMap(double[] above, double[] below) {
        if (Math.abs(above[0] - below[0]) > tol || Math.abs(above[above.length - 1] - below[below.length - 1]) > tol) return null;
        int[] map = new int[below.length];
        for (int i = 0; i < below.length; i++) {
            map[i] = -1;
            for (int j = 0; j < above.length; j++) if (Math.abs(above[j] - below[i]) <= tol) map[i] = j;
            if (map[i] < 0) return null;
        }
        return map;
    }

    private static List<PlacedCell> append(List<PlacedCell> above, int rowsAbove, PageLayout.PageTable below, int[] map) {
        List<PlacedCell> out = new ArrayList<>(above);
        for (PlacedCell c : below.cells()) {
            int col = map[c.col()], span = map[c.col() + c.colSpan()] - col;
            if (c.row() == 0 && c.text().isBlank()) {
                int cut = cutCell(out, rowsAbove, col, span, c.rowSpan());
                if (cut >= 0) {
                    PlacedCell o = out.get(cut);
                    out.set(cut, new PlacedCell(o.row(), o.col(), o.rowSpan() + c.rowSpan(), o.colSpan(), o.text(), o.page()));
                    continue;
                }
            }
            out.add(new PlacedCell(c.row() + rowsAbove, col, c.rowSpan(), span, c.text(), c.page()));
        }
        return out;
    }

    /** A tall cell ending at the page break in the same columns, which the empty cell continues. */
    private static int cutCell(List<PlacedCell> cells, int rowsAbove, int col, int span, int belowRowSpan) {
        for (int i = 0; i < cells.size(); i++) {
            PlacedCell o = cells.get(i);
            if (o.col() == col && o.colSpan() == span && o.row() + o.rowSpan() == rowsAbove
                    && (o.rowSpan() > 1 || belowRowSpan > 1) && !o.text().isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
