package org.nianbao.crawler;

import java.util.Map;

/**
 * What one crawl did to one host.
 *
 * @param host             host[:port]
 * @param unit             the seed unit it was crawled for, or null
 * @param requests         HTTP requests made (robots.txt and retries included)
 * @param fetched          URLs fetched with an answer
 * @param reportsFound     report-like URLs fetched (2xx or 304)
 * @param notModified      304 answers to conditional requests
 * @param skippedByRobots  URLs not fetched because robots.txt disallows them
 * @param refusedByBudget  links not queued because the page or trap budget was spent
 * @param errors           errors by kind (timeout, connect, http-404, http-500, …)
 * @param blockedByAntiBot why the host was stopped by an anti-bot or WAF page, or null
 * @param gaveUp           why the host was given up (failures, robots unavailable), or null
 */
public record HostSummary(String host, String unit, int requests, int fetched, int reportsFound, int notModified,
                          int skippedByRobots, int refusedByBudget, Map<String, Integer> errors,
                          String blockedByAntiBot, String gaveUp) {

    public HostSummary {
        errors = Map.copyOf(errors);
    }
}
