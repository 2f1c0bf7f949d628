package org.nianbao.crawler.frontier;

import java.util.List;

/**
 * Everything that follows from one finished fetch, written in one transaction so a kill leaves either
 * all of it or none of it.
 *
 * @param url      the fetched URL
 * @param status   HTTP status, or 0 when no response came
 * @param outcome  new, changed, unchanged, removed, redirect, error, …
 * @param reason   error kind or other detail, or null
 * @param history  the new fetch history of the URL, or null to keep the old one
 * @param outlinks links found in the page (kept so an unchanged page need not be parsed again)
 * @param next     URLs to queue
 * @param request  the request made
 */
public record Completion(String url, int status, String outcome, String reason, History history,
                         List<Outlink> outlinks, List<Candidate> next, RequestLog request) {

    /** A link from a page, as stored. */
    public record Outlink(String target, String anchor, boolean paging) {
    }
}
