package org.nianbao.crawler.links;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises URL spaces that never end: repeated path segments (/a/b/a/b/…), calendars (a date in the
 * URL next to a calendar word or date parameters) and overlong URLs. Report detail URLs carry dates
 * too (/202101/t20210112_1.shtml), so a date alone is not a trap.
 */
public final class TrapGuard {

    public enum Verdict { OK, SUSPECT, REJECT }

    private static final Pattern CALENDAR_WORD = Pattern.compile("(?i)calendar|rili|日历|schedule|/cal/|[?&](date|day|month|year|ym|ymd)=");
    private static final Pattern DATE = Pattern.compile("(19|20)\\d{2}[-/_]?(0[1-9]|1[0-2])([-/_]?(0[1-9]|[12]\\d|3[01]))?");
    private final int maxUrlLength;

    public TrapGuard(int maxUrlLength) {
        this.maxUrlLength = maxUrlLength;
    }

    /** REJECT: never fetch; SUSPECT: fetch only within the per-host trap budget; OK: fine. */
    public Verdict judge(String url) {
        if (url.length() > maxUrlLength) return Verdict.REJECT;
        URI u = URI.create(url);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (repeatsSegments(path)) return Verdict.REJECT;
        String lower = url.toLowerCase(Locale.ROOT);
        if (CALENDAR_WORD.matcher(lower).find() && DATE.matcher(lower).find()) return Verdict.SUSPECT;
        if (CALENDAR_WORD.matcher(lower).find() && lower.contains("calendar")) return Verdict.SUSPECT;
        return Verdict.OK;
    }

    /** A segment seen three times, or a path deeper than 15, is a loop of relative links. */
    static boolean repeatsSegments(String path) {
        String[] segs = path.split("/");
        if (segs.length > 16) return true;
        Map<String, Integer> seen = new HashMap<>();
        for (String s : segs) {
            if (s.isEmpty()) continue;
            if (seen.merge(s, 1, Integer::sum) >= 3) return true;
        }
        return false;
    }
}
