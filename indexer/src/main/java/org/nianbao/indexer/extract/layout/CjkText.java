package org.nianbao.indexer.extract.layout;

import java.util.regex.Pattern;

/**
 * Spacing rules for Chinese text: layout extraction inserts spaces at font switches (CJK font to Latin
 * font, "2020 年") and in justified lines ("治 区 2020 年 政 务"); Chinese prose has none, so a space next
 * to a CJK character is dropped, while spaces between Latin words stay.
 */
public final class CjkText {
    private static final String CJK = "\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018-\\u201F\\u2014\\u2026\\u00B7";
    private static final Pattern AFTER_CJK = Pattern.compile("(?<=[" + CJK + "])[ \\t\\u00A0\\u3000]+");
    private static final Pattern BEFORE_CJK = Pattern.compile("[ \\t\\u00A0\\u3000]+(?=[" + CJK + "])");
    private static final Pattern IS_CJK = Pattern.compile("[" + CJK + "]");

    private CjkText() {
    }

    public static String closeUp(String s) {
        return BEFORE_CJK.matcher(AFTER_CJK.matcher(s).replaceAll("")).replaceAll("");
    }

    public static boolean isCjk(char c) {
        return IS_CJK.matcher(String.valueOf(c)).matches();
    }

    /** Joins wrapped lines of one paragraph or cell: no space where either side is CJK. */
    public static String joinWrapped(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        boolean tight = isCjk(a.charAt(a.length() - 1)) || isCjk(b.charAt(0));
        return tight ? a + b : a + " " + b;
    }
}
