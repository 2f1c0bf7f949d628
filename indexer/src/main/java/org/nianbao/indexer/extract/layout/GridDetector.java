package org.nianbao.indexer.extract.layout;

import org.nianbao.indexer.extract.table.PlacedCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds ruled tables: groups horizontal and vertical rulings that touch into tables, takes their
 * distinct positions as the grid, and merges neighbouring grid units that no ruling separates into
 * one cell (that is how merged cells look on paper).
 */
public final class GridDetector {
    private final double tol;

    /** @param tolerance how far apart (in page units) two lines may be and still count as one or touch */
    public GridDetector(double tolerance) {
        this.tol = tolerance;
    }

    public List<Grid> detect(List<Ruling> rulings) {
        List<Ruling> h = merge(rulings.stream().filter(Ruling::horizontal).toList());
        List<Ruling> v = merge(rulings.stream().filter(r -> !r.horizontal()).toList());
        List<Ruling> all = new ArrayList<>(h);
        all.addAll(v);
        int[] parent = new int[all.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int i = 0; i < h.size(); i++) {
            for (int j = 0; j < v.size(); j++) {
                if (touch(h.get(i), v.get(j))) union(parent, i, h.size() + j);
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (int root = 0; root < all.size(); root++) {
            List<Ruling> hs = new ArrayList<>(), vs = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (find(parent, i) != root) continue;
                (all.get(i).horizontal() ? hs : vs).add(all.get(i));
            }
            if (hs.isEmpty() || vs.isEmpty()) continue;
            Grid g = grid(hs, vs);
            if (g != null) grids.add(g);
        }
        grids.sort(Comparator.comparingDouble(Grid::top));
        return grids;
    }

    private Grid grid(List<Ruling> hs, List<Ruling> vs) {
        double[] ys = cluster(hs.stream().mapToDouble(Ruling::pos).toArray());
        double[] xs = cluster(vs.stream().mapToDouble(Ruling::pos).toArray());
        int rows = ys.length - 1, cols = xs.length - 1;
        if (rows < 1 || cols < 1 || rows * cols < 2) return null;
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c + 1 < cols && !covered(vs, xs[c + 1], ys[r], ys[r + 1])) union(parent, r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !covered(hs, ys[r + 1], xs[c], xs[c + 1])) union(parent, r * cols + c, (r + 1) * cols + c);
            }
        }
        List<PlacedCell> cells = new ArrayList<>();
        boolean[] done = new boolean[rows * cols];
        for (int u = 0; u < rows * cols; u++) {
            int root = find(parent, u);
            if (done[root]) continue;
            done[root] = true;
            int r0 = Integer.MAX_VALUE, r1 = -1, c0 = Integer.MAX_VALUE, c1 = -1;
            for (int w = 0; w < rows * cols; w++) {
                if (find(parent, w) != root) continue;
                r0 = Math.min(r0, w / cols);
                r1 = Math.max(r1, w / cols);
                c0 = Math.min(c0, w % cols);
                c1 = Math.max(c1, w % cols);
            }
            cells.add(new PlacedCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, "", 0));
        }
        cells.sort(Comparator.comparingInt(PlacedCell::row).thenComparingInt(PlacedCell::col));
        return new Grid(xs, ys, cells);
    }

    /** Whether rulings at {@code pos} cover most of the span [a, b]. */
    private boolean covered(List<Ruling> lines, double pos, double a, double b) {
        double len = 0;
        for (Ruling l : lines) {
            if (Math.abs(l.pos() - pos) > tol) continue;
            len += Math.max(0, Math.min(b, l.to()) - Math.max(a, l.from()));
        }
        return len >= 0.6 * (b - a);
    }

    private boolean touch(Ruling h, Ruling v) {
        return v.pos() >= h.from() - tol && v.pos() <= h.to() + tol && h.pos() >= v.from() - tol && h.pos() <= v.to() + tol;
    }

    /** Joins collinear pieces (borders drawn cell by cell) into long lines. */
    private List<Ruling> merge(List<Ruling> in) {
        List<Ruling> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparingDouble(Ruling::pos).thenComparingDouble(Ruling::from));
        List<Ruling> out = new ArrayList<>();
        for (Ruling r : sorted) {
            boolean merged = false;
            for (int i = out.size() - 1; i >= 0 && i >= out.size() - 50; i--) {
                Ruling o = out.get(i);
                if (Math.abs(o.pos() - r.pos()) <= tol && r.from() <= o.to() + tol && r.to() >= o.from() - tol) {
                    out.set(i, new Ruling(o.horizontal(), (o.pos() + r.pos()) / 2, Math.min(o.from(), r.from()), Math.max(o.to(), r.to())));
                    merged = true;
                    break;
                }
            }
            if (!merged) out.add(r);
        }
        return out.stream().filter(r -> r.length() > 2 * tol).toList();
    }

    private double[] cluster(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        List<Double> out = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (n > 0 && s[i] - s[i - 1] > tol) {
                out.add(sum / n);
                sum = 0;
                n = 0;
            }
            sum += s[i];
            n++;
        }
        if (n > 0) out.add(sum / n);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }
}
