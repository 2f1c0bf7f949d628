package org.nianbao.crawler;

import java.time.Instant;
import java.util.List;

/**
 * The end of a crawl run: per host and in total, plus what changed since the previous run.
 *
 * @param runId          the run (runs survive restarts: a resumed run keeps its id)
 * @param resumed        true when this call continued a run an earlier process left unfinished
 * @param requests       HTTP requests made in the whole run
 * @param bytes          body bytes received
 * @param notModified    304 answers
 * @param reportsFound   report-like URLs fetched
 * @param newReports     report URLs seen for the first time
 * @param changedReports report URLs whose bytes changed since their last fetch
 * @param removedReports report URLs that answered 404/410 after being alive before
 * @param unchanged      report URLs answered with 304 or identical bytes
 */
public record CrawlSummary(long runId, boolean resumed, Instant started, Instant finished, List<HostSummary> hosts,
                           long requests, long bytes, long notModified, long reportsFound,
                           List<String> newReports, List<String> changedReports, List<String> removedReports,
                           long unchanged) {

    public CrawlSummary {
        hosts = List.copyOf(hosts);
        newReports = List.copyOf(newReports);
        changedReports = List.copyOf(changedReports);
        removedReports = List.copyOf(removedReports);
    }
}
