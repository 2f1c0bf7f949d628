package org.nianbao.sim;

/** The hostile, broken or merely inconvenient behaviours a farm can switch on; each lives on one host (see {@link FarmTruth.HostTruth#features()}). */
public enum Hostile {
    /** robots.txt disallows paths that ordinary pages (and one report) link into. */
    ROBOTS_DISALLOW,
    /** robots.txt asks for a {@code Crawl-delay}. */
    CRAWL_DELAY,
    /** robots.txt answers 503 for its first requests (RFC 9309: disallow all for a while), then 200. */
    ROBOTS_UNAVAILABLE,
    /** robots.txt is missing (404: allow all). */
    ROBOTS_MISSING,
    /** Some requests get 429 or 503 with {@code Retry-After}. */
    RATE_LIMIT,
    /** A redirect chain that ends on a real page, and a redirect loop. */
    REDIRECTS,
    /** Links to pages that answer 404. */
    BROKEN_LINKS,
    /** A calendar with endless previous/next month links. */
    CALENDAR_TRAP,
    /** The same pages again under {@code ;jsessionid=} and {@code ?sid=} URLs. */
    SESSION_IDS,
    /** A page that answers only after a long wait. */
    SLOW_RESPONSE,
    /** A page whose bytes trickle out slowly. */
    TRICKLE,
    /** A report attachment cut short (a broken upload). */
    TRUNCATED_PDF,
    /** A 60 MB 'report' attachment, generated while streaming. */
    HUGE_REPORT,
    /** Every page answers HTTP 412 with a JavaScript challenge, as the Ruishu WAF does. */
    ANTI_BOT,
    /** Links to sites outside the farm. */
    EXTERNAL_LINKS,
    /**
     * HTML gzip-encoded for clients that accept it, with a weak ETag, as nginx with {@code gzip on} does on
     * most portals: the crawler must archive the encoded bytes and every reader must decode them.
     */
    GZIP_HTML
}
