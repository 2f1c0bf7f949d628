package org.nianbao.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** HTML escaping and URL encoding for text that came from crawled documents or from the request (both untrusted). */
final class Html {

    private static final char MARK_OPEN = '\uE000';
    private static final char MARK_CLOSE = '\uE001';

    private Html() {
    }

    static String esc(Object o) {
        if (o == null) return "";
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A highlighter snippet (already escaped, matches in {@code <mark>}) made safe whatever it holds: every
     * angle bracket other than the two mark tags is escaped, so a snippet can never open another element.
     */
    static String snippet(String s) {
        if (s == null) return "";
        String marked = s.replace(String.valueOf(MARK_OPEN), "").replace(String.valueOf(MARK_CLOSE), "")
                .replace("<mark>", String.valueOf(MARK_OPEN)).replace("</mark>", String.valueOf(MARK_CLOSE))
                .replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return marked.replace(String.valueOf(MARK_OPEN), "<mark>").replace(String.valueOf(MARK_CLOSE), "</mark>");
    }

    /** A query-string value. */
    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** A report id as URL path segments ({@code 吴忠市人民政府办公室/2020}), each segment percent-encoded. */
    static String pathEncode(String id) {
        return Arrays.stream(id.split("/", -1)).map(s -> enc(s).replace("+", "%20")).collect(Collectors.joining("/"));
    }

    /** Whether a URL from a crawled document may become a link (plain web addresses only, never javascript: and the like). */
    static boolean isWebUrl(String url) {
        if (url == null) return false;
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }
}
