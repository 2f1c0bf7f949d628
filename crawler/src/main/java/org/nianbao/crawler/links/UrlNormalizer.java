package org.nianbao.crawler.links;

import crawlercommons.filters.basic.BasicURLNormalizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per resource: crawler-commons' BasicURLNormalizer (case, default port, dot segments,
 * escaping, sorted query) plus removal of session ids, which otherwise make every visit a "new" URL.
 */
public final class UrlNormalizer {

    /** Query parameters that only carry a session. */
    static final Set<String> SESSION_PARAMS = Set.of("jsessionid", "phpsessid", "sid", "sessionid", "session_id",
            "aspsessionid", "cfid", "cftoken", "sess");
    /** Path parameters like ;jsessionid=ABC (Java servlet containers put the session there). */
    private static final Pattern PATH_SESSION = Pattern.compile(";(?i:jsessionid|phpsessid|sid|sessionid)=[^?#/;]*");

    /** The same in the query, in any letter case (PHPSESSID, ASPSESSIONIDxyz). */
    private static final Pattern QUERY_SESSION = Pattern.compile(
            "(?i)(?<=[?&])(jsessionid|phpsessid|sid|sessionid|session_id|aspsessionid\\w*|cfid|cftoken|sess)=[^&]*(&|$)");

    private final BasicURLNormalizer basic = BasicURLNormalizer.newBuilder().queryParamsToRemove(SESSION_PARAMS).build();

    /** The normal form of an absolute http(s) URL, or null when it is not one we could fetch. */
    public String normalize(String url) {
        if (url == null) return null;
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) u = u.substring(0, hash);
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) return null;
        u = PATH_SESSION.matcher(u).replaceAll("");
        u = QUERY_SESSION.matcher(u).replaceAll("");
        if (u.endsWith("?") || u.endsWith("&")) u = u.substring(0, u.length() - 1);
        String n = basic.filter(u);
        if (n == null) return null;
        try {
            URI parsed = new URI(n);
            if (parsed.getHost() == null) return null;
        } catch (URISyntaxException e) {
            return null;
        }
        return n;
    }

    /** Resolves {@code href} against {@code base} and normalises it; null when that fails. */
    public String resolve(URI base, String href) {
        if (href == null) return null;
        String h = href.strip();
        if (h.isEmpty() || h.startsWith("#")) return null;
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("data:")) return null;
        // jsoup's resolver follows RFC 3986 where java.net.URI does not ("?page=2" keeps the file name).
        String abs = org.jsoup.internal.StringUtil.resolve(base.toString(), h.replace("\\", "/"));
        return abs.isEmpty() ? null : normalize(abs);
    }
}
