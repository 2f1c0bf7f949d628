package org.nianbao.runs.changes;

import java.time.Instant;

/**
 * One detected change of a report.
 *
 * @param id                change id (0 before it is stored)
 * @param runId             the run that detected it
 * @param kind              new, changed, removed or reappeared
 * @param url               the document's URL
 * @param reportId          the report's id in the index (agency/year), or null when not known
 * @param title             the report's title when known
 * @param captureId         the capture that shows the change (the new version, or the 404)
 * @param previousCaptureId the capture before it (the old version), or null for a new report
 * @param at                capture time of {@code captureId}
 * @param previousAt        capture time of {@code previousCaptureId}, or null
 * @param diff              what changed (text lines, table cells), or null
 * @param reason            for a removal: http-404, http-410 or unlisted (gone from its list page); for a
 *                          reappearance: http-200 (answers again) or listed (linked again); else null
 */
public record Change(long id, long runId, ChangeKind kind, String url, String reportId, String title,
                     long captureId, Long previousCaptureId, Instant at, Instant previousAt, ChangeDiff diff, String reason) {

    public Change withId(long newId) {
        return new Change(newId, runId, kind, url, reportId, title, captureId, previousCaptureId, at, previousAt, diff, reason);
    }
}
