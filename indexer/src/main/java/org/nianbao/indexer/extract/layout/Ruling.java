package org.nianbao.indexer.extract.layout;

/**
 * A straight horizontal or vertical line on a page (y grows downwards): at {@code pos} (y for horizontal,
 * x for vertical), from {@code from} to {@code to} along the other axis.
 */
public record Ruling(boolean horizontal, double pos, double from, double to) {
    public Ruling {
        if (from > to) {
            double t = from;
            from = to;
            to = t;
        }
    }

    public double length() {
        return to - from;
    }
}
