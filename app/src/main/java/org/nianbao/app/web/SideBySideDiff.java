package org.nianbao.app.web;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two versions of a report's text side by side (java-diff-utils): changed lines with the changed characters
 * marked ({@code <del>} / {@code <ins>}), a little unchanged context around them, the rest folded away.
 * The text is escaped after diffing; the marks are the only markup.
 */
final class SideBySideDiff {

    private static final String DEL_OPEN = "\uE010", DEL_CLOSE = "\uE011", INS_OPEN = "\uE012", INS_CLOSE = "\uE013";
    private static final int CONTEXT = 1;
    private static final int MAX_ROWS = 400;

    private SideBySideDiff() {
    }

    /** The rows that differ (and their context); empty when the texts read the same. */
    static List<DiffRow> rows(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(false) // Chinese has no spaces between words: compare characters
                .lineNormalizer(s -> s)
                .oldTag(open -> open ? DEL_OPEN : DEL_CLOSE)
                .newTag(open -> open ? INS_OPEN : INS_CLOSE)
                .build();
        List<DiffRow> all = generator.generateDiffRows(lines(before), lines(after));
        boolean[] keep = new boolean[all.size()];
        boolean any = false;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getTag() == DiffRow.Tag.EQUAL) continue;
            any = true;
            for (int j = Math.max(0, i - CONTEXT); j <= Math.min(all.size() - 1, i + CONTEXT); j++) keep[j] = true;
        }
        if (!any) return List.of();
        List<DiffRow> out = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < all.size() && out.size() < MAX_ROWS; i++) {
            if (keep[i]) {
                if (gap && !out.isEmpty()) out.add(null);
                out.add(all.get(i));
                gap = false;
            } else {
                gap = true;
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        String clean = (text == null ? "" : text).replaceAll("[\uE000-\uF8FF]", "");
        return Arrays.stream(clean.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Renders the rows as a two-column table; a null row stands for folded unchanged lines. */
    static void render(StringBuilder b, Lang l, List<DiffRow> rows, String beforeLabel, String afterLabel) {
        b.append("<table class=\"diff\"><thead><tr><th>").append(Html.esc(beforeLabel)).append("</th><th>")
                .append(Html.esc(afterLabel)).append("</th></tr></thead><tbody>");
        for (DiffRow r : rows) {
            if (r == null) {
                b.append("<tr class=\"fold\"><td colspan=\"2\">⋯</td></tr>");
                continue;
            }
            String cls = switch (r.getTag()) {
                case INSERT -> "ins";
                case DELETE -> "del";
                case CHANGE -> "chg";
                default -> "eq";
            };
            b.append("<tr class=\"").append(cls).append("\"><td>").append(marked(r.getOldLine())).append("</td><td>")
                    .append(marked(r.getNewLine())).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static String marked(String line) {
        return Html.esc(line).replace(DEL_OPEN, "<del>").replace(DEL_CLOSE, "</del>").replace(INS_OPEN, "<ins>").replace(INS_CLOSE, "</ins>");
    }
}
