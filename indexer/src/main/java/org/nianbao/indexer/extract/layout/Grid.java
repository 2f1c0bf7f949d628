package org.nianbao.indexer.extract.layout;

import org.nianbao.indexer.extract.table.PlacedCell;

import java.util.List;

/**
 * A ruled table found on a page: its column and row boundaries and its cells (text still empty),
 * a merged cell covering several grid units.
 */
public record Grid(double[] xs, double[] ys, List<PlacedCell> cells) {
    public double left() {
        return xs[0];
    }

    public double right() {
        return xs[xs.length - 1];
    }

    public double top() {
        return ys[0];
    }

    public double bottom() {
        return ys[ys.length - 1];
    }

    public boolean contains(double x, double y) {
        return x >= left() && x <= right() && y >= top() && y <= bottom();
    }

    /** Index of the interval of {@code bounds} holding v, clamped to the grid. */
    static int interval(double[] bounds, double v) {
        for (int i = 1; i < bounds.length; i++) if (v < bounds[i]) return i - 1;
        return bounds.length - 2;
    }

    /** Index into {@link #cells()} of the cell covering the point, or -1. */
    public int cellAt(double x, double y) {
        if (!contains(x, y)) return -1;
        int c = interval(xs, x), r = interval(ys, y);
        for (int i = 0; i < cells.size(); i++) {
            PlacedCell p = cells.get(i);
            if (r >= p.row() && r < p.row() + p.rowSpan() && c >= p.col() && c < p.col() + p.colSpan()) return i;
        }
        return -1;
    }
}
