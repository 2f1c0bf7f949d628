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
        Number value;
        if (m.group(3) == null) {
            long v = Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
            value = negative ? -v : v;
        } else {
            BigDecimal v = new BigDecimal(digits + m.group(3));
            value = negative ? v.negate() : v;
        }
        return Optional.of(new PrintedNumber(value, m.group(4)));
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
