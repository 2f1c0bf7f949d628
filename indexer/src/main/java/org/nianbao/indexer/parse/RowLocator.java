package org.nianbao.indexer.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows of a table by their labels in a run of lines. Labels are matched in the compact
 * text of all lines joined, so a label split over lines, cells or vertical one-character lines is
 * still found; the figures of a row are those printed after its label and before the next row's label.
 */
final class RowLocator {

    private final List<Line> lines;
    private final String compact;
    private final int[] lineStart;

    RowLocator(List<Line> lines) {
        this.lines = List.copyOf(lines);
        StringBuilder sb = new StringBuilder();
        lineStart = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStart[i] = sb.length();
            sb.append(lines.get(i).label());
        }
        lineStart[lines.size()] = sb.length();
        compact = sb.toString();
    }

    String compact() {
        return compact;
    }

    int length() {
        return compact.length();
    }

    /** Offset of the first of these fragments at or after {@code from}, before {@code to}; -1 if none. */
    int find(int from, int to, String... fragments) {
        int best = -1;
        for (String f : fragments) {
            int i = compact.indexOf(f, Math.max(0, from));
            if (i >= 0 && i + f.length() <= to && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** The line whose label holds this offset (the last line starting at or before it). */
    int lineAt(int offset) {
        int i = Arrays.binarySearch(lineStart, offset);
        if (i < 0) return -i - 2;
        // Several empty-label lines may start at the same offset: take the last of them.
        while (i + 1 < lines.size() && lineStart[i + 1] == offset && lines.get(i).label().isEmpty()) i++;
        return i;
    }

    int lineCount() {
        return lines.size();
    }

    Line line(int i) {
        return lines.get(i);
    }

    /** Where each row was found: its label's end and the lines that carry its figures. */
    record Found(Map<String, List<Line>> rows, List<String> missing, int end) {
    }

    /**
     * Locates the rows in order within [from, to). A row not found is listed as missing and the search
     * goes on from where the previous row ended.
     */
    Found locate(List<RowSpec> specs, int from, int to) {
        record Hit(RowSpec spec, int start, int end) {
        }
        List<Hit> hits = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int pos = from;
        for (RowSpec spec : specs) {
            int best = -1;
            String which = null;
            for (String p : spec.patterns()) {
                int i = compact.indexOf(p, pos);
                if (i >= 0 && i + p.length() <= to && (best < 0 || i < best)) {
                    best = i;
                    which = p;
                }
            }
            if (best < 0) {
                missing.add(spec.key());
                continue;
            }
            hits.add(new Hit(spec, best, best + which.length()));
            pos = best + which.length();
        }
        Map<String, List<Line>> rows = new LinkedHashMap<>();
        // The region ends before the line holding offset `to` (the next table's first label).
        int endLine = to >= compact.length() ? lines.size() : lineAt(to);
        for (int h = 0; h < hits.size(); h++) {
            int first = lineAt(hits.get(h).end() - 1);
            int next = h + 1 < hits.size() ? lineAt(hits.get(h + 1).start()) : endLine;
            rows.put(hits.get(h).spec().key(), first < next ? List.copyOf(lines.subList(first, next)) : List.of());
        }
        return new Found(rows, missing, hits.isEmpty() ? from : hits.getLast().end());
    }
}
