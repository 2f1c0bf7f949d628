package org.nianbao.indexer.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML-escaped fragments with {@code <mark>} around matches, separated by
 * {@link #SEPARATOR}. Hard-wrapped text is closed up (no line break between two Han characters).
 */
final class SnippetFormatter extends PassageFormatter {

    static final char SEPARATOR = '\u0001';
    /** Longest fragment, in characters of the original text, and the context kept before the first match. */
    static final int MAX_CHARS = 160;
    static final int CONTEXT = 40;

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        for (Passage p : passages) {
            if (!out.isEmpty()) out.append(SEPARATOR);
            // A passage can be a whole flattened table (no sentence end in sight): keep a window around the matches.
            int pos = p.getStartOffset();
            int stop = p.getEndOffset();
            if (stop - pos > MAX_CHARS) {
                int first = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : pos;
                pos = Math.max(pos, first - CONTEXT);
                stop = Math.min(stop, pos + MAX_CHARS);
            }
            for (int i = 0; i < p.getNumMatches(); i++) {
                if (p.getMatchStarts()[i] >= stop) break;
                int start = Math.max(p.getMatchStarts()[i], pos);
                int end = p.getMatchEnds()[i];
                // Overlapping matches (bigrams of one phrase) extend the open mark.
                while (i + 1 < p.getNumMatches() && p.getMatchStarts()[i + 1] < end) {
                    end = Math.max(end, p.getMatchEnds()[++i]);
                }
                end = Math.min(end, stop);
                if (end <= pos) continue;
                append(out, content, pos, start);
                out.append("<mark>");
                append(out, content, start, end);
                out.append("</mark>");
                pos = end;
            }
            append(out, content, pos, stop);
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
