package org.nianbao.app.web;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn on the server: no script, no external service, readable without colour (every bar
 * carries its number). Only presentation attributes are used, so the page's Content-Security-Policy holds.
 */
final class SvgCharts {

    static final String[] PALETTE = {"#2f6fb0", "#6aa84f", "#d9822b", "#b04a4a", "#8e6bb8", "#7a7a7a", "#3a9e9e"};

    /** One labelled value of a chart. */
    record Bar(String label, double value, String note) {
    }

    private SvgCharts() {
    }

    /** Vertical bars (e.g. requests per year). */
    static String columns(String id, String title, List<Bar> bars) {
        int w = 760, h = 300, left = 56, bottom = 40, top = 28;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double scale = niceMax(max);
        StringBuilder s = open(id, title, w, h);
        axis(s, left, top, w - 12, h - bottom, scale, true);
        int n = Math.max(1, bars.size());
        double slot = (w - left - 12) / (double) n;
        double bw = Math.max(4, Math.min(48, slot * 0.7));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double bh = scale == 0 ? 0 : (h - bottom - top) * b.value() / scale;
            double x = left + slot * i + (slot - bw) / 2;
            double y = h - bottom - bh;
            s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(bw)).append("\" height=\"")
                    .append(f(bh)).append("\" fill=\"").append(PALETTE[0]).append("\"><title>").append(Html.esc(b.label() + ": " + num(b.value())
                            + (b.note() == null ? "" : " (" + b.note() + ")"))).append("</title></rect>");
            s.append("<text x=\"").append(f(x + bw / 2)).append("\" y=\"").append(f(y - 4)).append("\" text-anchor=\"middle\" font-size=\"11\">")
                    .append(num(b.value())).append("</text>");
            s.append("<text x=\"").append(f(x + bw / 2)).append("\" y=\"").append(h - bottom + 16).append("\" text-anchor=\"middle\" font-size=\"12\">")
                    .append(Html.esc(b.label())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars (e.g. one per region), longest first as given. */
    static String rows(String id, String title, List<Bar> bars) {
        int w = 760, labelW = 170, rowH = 24, top = 28;
        int h = top + rowH * Math.max(1, bars.size()) + 12;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder s = open(id, title, w, h);
        double room = w - labelW - 80;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + rowH * i;
            double bw = max == 0 ? 0 : room * b.value() / max;
            s.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(f(y + 16)).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(Html.esc(shorten(b.label(), 14))).append("</text>");
            s.append("<rect x=\"").append(labelW).append("\" y=\"").append(f(y + 4)).append("\" width=\"").append(f(bw)).append("\" height=\"")
                    .append(rowH - 8).append("\" fill=\"").append(PALETTE[i % 2 == 0 ? 0 : 6]).append("\"><title>")
                    .append(Html.esc(b.label() + ": " + num(b.value()) + (b.note() == null ? "" : " (" + b.note() + ")"))).append("</title></rect>");
            s.append("<text x=\"").append(f(labelW + bw + 6)).append("\" y=\"").append(f(y + 16)).append("\" font-size=\"12\">")
                    .append(num(b.value())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Shares of a whole as one 100% bar with a legend of counts and percentages. */
    static String shares(String id, String title, List<Bar> parts) {
        int w = 760, barH = 40, top = 28, legendRow = 22;
        int h = top + barH + 16 + legendRow * ((parts.size() + 2) / 3) + 8;
        double total = parts.stream().mapToDouble(Bar::value).sum();
        StringBuilder s = open(id, title, w, h);
        double x = 10, room = w - 20;
        for (int i = 0; i < parts.size(); i++) {
            Bar p = parts.get(i);
            double pw = total == 0 ? 0 : room * p.value() / total;
            s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(top).append("\" width=\"").append(f(pw)).append("\" height=\"").append(barH)
                    .append("\" fill=\"").append(PALETTE[i % PALETTE.length]).append("\"><title>").append(Html.esc(p.label() + ": " + num(p.value())
                            + " (" + pct(p.value(), total) + ")")).append("</title></rect>");
            if (pw > 44) s.append("<text x=\"").append(f(x + pw / 2)).append("\" y=\"").append(top + 25).append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">")
                    .append(pct(p.value(), total)).append("</text>");
            x += pw;
        }
        for (int i = 0; i < parts.size(); i++) {
            Bar p = parts.get(i);
            int col = i % 3, row = i / 3;
            double lx = 10 + col * (w - 20) / 3.0, ly = top + barH + 16 + row * legendRow;
            s.append("<rect x=\"").append(f(lx)).append("\" y=\"").append(f(ly)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(PALETTE[i % PALETTE.length]).append("\"/><text x=\"").append(f(lx + 18)).append("\" y=\"").append(f(ly + 11))
                    .append("\" font-size=\"12\">").append(Html.esc(p.label())).append(' ').append(num(p.value())).append(" (").append(pct(p.value(), total))
                    .append(")</text>");
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int w, int h) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Html.esc(id))
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(Html.esc(title)).append("\" font-family=\"sans-serif\"><title>").append(Html.esc(title)).append("</title>");
    }

    private static void axis(StringBuilder s, int x0, int y0, int x1, int y1, double max, boolean grid) {
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(y1).append("\" x2=\"").append(x1).append("\" y2=\"").append(y1)
                .append("\" stroke=\"#888\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = y1 - (y1 - y0) * i / 4.0;
            if (grid && i > 0) s.append("<line x1=\"").append(x0).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(x1).append("\" y2=\"")
                    .append(f(y)).append("\" stroke=\"#e4e4e4\"/>");
            s.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">")
                    .append(num(v)).append("</text>");
        }
    }

    /** A round upper bound for an axis: 1, 2 or 5 times a power of ten. */
    static double niceMax(double max) {
        if (max <= 0) return 0;
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= max) return m * p;
        return 10 * p;
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String pct(double v, double total) {
        return total == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100 * v / total);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
