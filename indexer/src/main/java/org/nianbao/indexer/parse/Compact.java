package org.nianbao.indexer.parse;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The form labels are compared in: NFKC (full-width to half-width), no whitespace, no quotes. */
final class Compact {

    private static final Pattern DROP = Pattern.compile("[\\s\\u00a0\\u3000\\u200b“”\"‘’'「」『』]+");

    static String of(String s) {
        if (s == null) return "";
        return DROP.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** NFKC only, whitespace kept (for tokenising). */
    static String nfkc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private Compact() {
    }
}
