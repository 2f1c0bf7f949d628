package org.nianbao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one figure. Benchmarks on a shared machine are noisy, so every figure is
 * reported as the median with the range it came from, never as one lucky run.
 */
public record Samples(List<Double> values) {

    public Samples {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("a figure needs at least one measurement");
    }

    public static Samples of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) list.add(v);
        return new Samples(list);
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    public double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public double min() {
        return sorted().getFirst();
    }

    public double max() {
        return sorted().getLast();
    }

    /** Half the range as a share of the median, e.g. 0.05 for ±5 %; 0 for a single run. */
    public double spread() {
        double m = median();
        return m == 0 ? 0 : (max() - min()) / 2 / Math.abs(m);
    }

    /** "412 ±3% (n=3)", or "412 (n=1)". */
    public String format() {
        String m = number(median());
        if (values.size() == 1) return m + " (n=1)";
        return String.format(Locale.ROOT, "%s ±%.0f%% (n=%d)", m, spread() * 100, values.size());
    }

    /** Three significant figures at most, no exponent: 0.123, 1.23, 12.3, 123, 12345. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
