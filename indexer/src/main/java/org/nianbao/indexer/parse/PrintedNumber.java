package org.nianbao.indexer.parse;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure as printed in a table cell: "47", "+501", "-1", "减4" (= -4), "24063 万元", "60255.6652".
 *
 * @param value a Long for whole numbers, a BigDecimal otherwise
 * @param unit  the unit printed with it (万元, 元), or null
 */
record PrintedNumber(Number value, String unit) {

    private static final Pattern NUMBER = Pattern.compile(
            "([+\\-−－]|增|减|增加|减少)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(万元|元|亿元)?");

    static boolean isUnit(String token) {
        return token.equals("万元") || token.equals("元") || token.equals("亿元");
    }

    /** The number in this cell text, or empty when the text is not (only) a number. */
    static Optional<PrintedNumber> parse(String text) {
        String s = Compact.nfkc(text).strip();
        if (s.isEmpty()) return Optional.empty();
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) return Optional.empty();
        String sign = m.group(1);
        String digits = m.group(2).replace(",", "");
        boolean negative = sign != null && (sign.equals("-") || sign.equals("−") || sign.equals("－") || sign.startsWith("减"));
        if (digits.length() > 18) return Optional.empty(); // not a count: an ID, a phone number run together
        Number value;
        if (m.group(3) == null) {
            long v = Long.parseLong(digits);
            value = negative ? -v : v;
        } else {
            BigDecimal v = new BigDecimal(digits + m.group(3));
            value = negative ? v.negate() : v;
        }
        return Optional.of(new PrintedNumber(value, m.group(4)));
    }

    private static final Pattern CELL_NOISE = Pattern.compile("^[。，、”“\"'‘’`_|·:;,.\\s]+|[。，、”“\"'‘’`_|·:;,\\s]+$");

    /**
     * A figure in a table cell, tolerating what OCR adds around it: stray punctuation ("。0", "”0")
     * and a plus sign read as 十 or 二 ("十4" = +4).
     */
    static Optional<PrintedNumber> parseCell(String text) {
        Optional<PrintedNumber> exact = parse(text);
        if (exact.isPresent()) return exact;
        String s = CELL_NOISE.matcher(Compact.nfkc(text).strip()).replaceAll("");
        if (s.isEmpty() || !Character.isDigit(s.charAt(s.length() - 1)) && !s.endsWith("元")) return Optional.empty();
        if (s.length() > 1 && (s.charAt(0) == '十' || s.charAt(0) == '二') && Character.isDigit(s.charAt(1))) s = "+" + s.substring(1);
        return parse(s);
    }

    /** A short run of non-digit marks in a data cell: OCR noise on a blank cell. */
    static boolean isNoise(String text) {
        String s = Compact.of(text);
        return s.length() <= 2 && s.chars().noneMatch(Character::isDigit);
    }

    /** True for cells that print nothing (blank, or a dash/slash placeholder). */
    static boolean isBlank(String text) {
        String s = Compact.of(text);
        return s.isEmpty() || s.equals("-") || s.equals("—") || s.equals("/") || s.equals("——") || s.equals("--");
    }

    Long asLong() {
        if (value instanceof Long l) return l;
        BigDecimal d = (BigDecimal) value;
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
