package org.nianbao.indexer.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What one indexing run did.
 *
 * @param capturesSeen     captures read from the archive
 * @param reportsIndexed   captures that were reports and went into the index
 * @param skipped          captures left out, counted by reason ("status 404", "not a report", …)
 * @param failedChecks     indexed reports whose arithmetic checks do not all hold
 * @param errors           one line per capture that could not be read (extraction errors included)
 * @param lastCaptureId    the newest capture id now in the index
 */
public record IndexSummary(long capturesSeen, long reportsIndexed, Map<String, Long> skipped, long failedChecks,
                           List<String> errors, long lastCaptureId) {
    public IndexSummary {
        skipped = Map.copyOf(skipped);
        errors = List.copyOf(errors);
    }
}
