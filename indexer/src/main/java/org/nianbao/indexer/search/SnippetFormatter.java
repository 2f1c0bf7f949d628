package org.nianbao.indexer.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML-escaped fragments with {@code <mark>} around matches, separated by
 * {@link #SEPARATOR}. Hard-wrapped text is closed up (no line break between two Han characters).
 */
final class SnippetFormatter extends PassageFormatter {

    static final char SEPARATOR = '\u0001';

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        for (Passage p : passages) {
            if (!out.isEmpty()) out.append(SEPARATOR);
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = Math.max(p.getMatchStarts()[i], pos);
                int end = p.getMatchEnds()[i];
                // Overlapping matches (bigrams of one phrase) extend the open mark.
                while (i + 1 < p.getNumMatches() && p.getMatchStarts()[i + 1] < end) {
                    end = Math.max(end, p.getMatchEnds()[++i]);
                }
                if (end <= pos) continue;
                append(out, content, pos, start);
                out.append("<mark>");
                append(out, content, start, end);
                out.append("</mark>");
                pos = end;
            }
            append(out, content, pos, p.getEndOffset());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String content, int from, int to) {
        String s = tidy(content.substring(from, Math.max(from, to)));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
    }

    /** Closes up whitespace between Han characters and folds other runs of whitespace into one space. */
    static String tidy(String s) {
        return s.replaceAll("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})", "").replaceAll("\\s+", " ");
    }
}
