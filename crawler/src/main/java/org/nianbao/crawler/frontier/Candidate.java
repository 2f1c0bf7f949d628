package org.nianbao.crawler.frontier;

/**
 * A URL offered to the frontier.
 *
 * @param url      normalised URL (the key: each URL is fetched at most once per run)
 * @param host     host[:port] it is queued under
 * @param unit     the seed unit it belongs to, or null
 * @param scope    the allowed-host patterns of its seed, comma separated (kept so a resumed run needs no seeds)
 * @param referrer the page that linked it, or null for a seed
 * @param anchor   the words that pointed to it
 * @param kind     a {@link org.nianbao.crawler.links.LinkKind} name
 * @param depth    link distance from the seed (list paging does not add depth)
 * @param priority higher first
 * @param trap     true when it looks like a trap and counts against the host's trap budget
 */
public record Candidate(String url, String host, String unit, String scope, String referrer, String anchor,
                        String kind, int depth, int priority, boolean trap) {
}
