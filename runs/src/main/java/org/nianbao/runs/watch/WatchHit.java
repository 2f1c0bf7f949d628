package org.nianbao.runs.watch;

import java.time.Instant;

/**
 * A report that newly matched a saved search.
 *
 * @param runId the run after which it matched (0: it already matched when the search was saved)
 */
public record WatchHit(String watch, String reportId, long runId, Instant at, String title, String url) {
}
