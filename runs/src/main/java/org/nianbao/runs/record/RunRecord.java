package org.nianbao.runs.record;

import java.time.Instant;
import java.util.Map;

/**
 * One run of `nianbao run`, as kept in {@code state/runs.sqlite} and printed at the end.
 *
 * @param id              run id (1, 2, …)
 * @param started         when the run began
 * @param finished        when it ended, or null while running or after an interruption
 * @param state           running | done | failed | interrupted
 * @param seeds           seed URLs crawled
 * @param hosts           hosts the crawl touched
 * @param requests        HTTP requests made
 * @param bytes           body bytes received
 * @param notModified     304 answers to conditional requests
 * @param newReports      reports (agency + year) seen for the first time
 * @param changedReports  reports whose document changed bytes at the same URL
 * @param removedReports  reports whose document is gone (404/410 after 200)
 * @param reappearedReports removed reports that answer again or are listed again
 * @param captures        archive captures written by this run
 * @param responses       of those, full response records (the rest are revisits)
 * @param indexed         reports (re)indexed
 * @param errors          errors by kind (timeout, http-404, …)
 * @param blockedHosts    hosts that blocked us (anti-bot/WAF) or that we gave up on, with why
 * @param crawlRunId      the crawler's own run id (a resumed crawl keeps it)
 * @param message         why it failed, or null
 */
public record RunRecord(long id, Instant started, Instant finished, String state, int seeds, int hosts,
                        long requests, long bytes, long notModified, int newReports, int changedReports,
                        int removedReports, int reappearedReports, long captures, long responses, long indexed,
                        Map<String, Integer> errors, Map<String, String> blockedHosts, long crawlRunId,
                        String message) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public RunRecord {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        blockedHosts = blockedHosts == null ? Map.of() : Map.copyOf(blockedHosts);
    }
}
