package org.nianbao.crawler.frontier;

/** A queued URL handed to a host worker; see {@link Candidate} for the fields. */
public record FrontierEntry(String url, String host, String unit, String scope, String referrer, String anchor,
                            String kind, int depth, int priority, int attempts) {
}
