package org.nianbao.runs.changes;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.nianbao.indexer.extract.ExtractedDocument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares two versions of a document as a reader would: the extracted text line by line (a
 * unified diff, java-diff-utils) and the tables cell by cell, so a silently edited figure shows up
 * as "table 3, row 5, column 2: 12 → 21" and not as a wall of changed HTML.
 */
public final class DocumentDiff {
    /** Lines of context around each change in the unified diff. */
    private static final int CONTEXT = 1;
    /** A diff longer than this is cut (a rewritten document need not be stored twice). */
    private static final int MAX_DIFF_LINES = 400;

    private DocumentDiff() {
    }

    public static ChangeDiff between(ExtractedDocument before, ExtractedDocument after, String beforeName, String afterName) {
        List<String> a = lines(before.text());
        List<String> b = lines(after.text());
        Patch<String> patch = DiffUtils.diff(a, b);
        int removed = 0;
        int added = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            removed += d.getSource().getLines().size();
            added += d.getTarget().getLines().size();
        }
        List<String> unified = patch.getDeltas().isEmpty() ? List.of()
                : UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, CONTEXT);
        if (unified.size() > MAX_DIFF_LINES) {
            List<String> cut = new ArrayList<>(unified.subList(0, MAX_DIFF_LINES));
            cut.add("… (" + (unified.size() - MAX_DIFF_LINES) + " more diff lines)");
            unified = cut;
        }
        return new ChangeDiff(unified, removed, added, cells(before.tables(), after.tables()));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Cells compared by position (table, row, column), merged cells at their top-left place. */
    static List<ChangeDiff.CellChange> cells(List<ExtractedDocument.Table> before, List<ExtractedDocument.Table> after) {
        List<ChangeDiff.CellChange> out = new ArrayList<>();
        int tables = Math.max(before.size(), after.size());
        for (int t = 0; t < tables; t++) {
            List<List<ExtractedDocument.Cell>> ra = t < before.size() ? before.get(t).rows() : List.of();
            List<List<ExtractedDocument.Cell>> rb = t < after.size() ? after.get(t).rows() : List.of();
            for (int r = 0; r < Math.max(ra.size(), rb.size()); r++) {
                List<ExtractedDocument.Cell> ca = r < ra.size() ? ra.get(r) : List.of();
                List<ExtractedDocument.Cell> cb = r < rb.size() ? rb.get(r) : List.of();
                String label = label(cb.isEmpty() ? ca : cb);
                for (int c = 0; c < Math.max(ca.size(), cb.size()); c++) {
                    String x = c < ca.size() ? ca.get(c).text().strip() : null;
                    String y = c < cb.size() ? cb.get(c).text().strip() : null;
                    if (!Objects.equals(x, y)) out.add(new ChangeDiff.CellChange(t + 1, r + 1, c + 1, label, x, y));
                }
            }
        }
        return out;
    }

    private static String label(List<ExtractedDocument.Cell> row) {
        for (ExtractedDocument.Cell c : row) {
            String s = c.text().strip();
            if (!s.isEmpty() && !s.matches("[\\d.,%\\-]+")) return s.length() > 40 ? s.substring(0, 40) : s;
        }
        return "";
    }
}
