package org.nianbao.indexer.parse;

import java.text.Normalizer;

/** The form labels are compared in: NFKC (full-width to half-width), no whitespace, no quotes. */
final class Compact {

    static String of(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = nfkc(s);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!dropped(c)) sb.append(c);
        }
        return sb.toString();
    }

    /** NFKC only, whitespace kept (for tokenising). Most text is already normal: check before copying. */
    static String nfkc(String s) {
        if (s == null) return "";
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static boolean dropped(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '“' || c == '”' || c == '"'
                || c == '‘' || c == '’' || c == '\'' || c == '「' || c == '」' || c == '『' || c == '』';
    }

    private Compact() {
    }
}
