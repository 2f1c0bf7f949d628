package org.nianbao.indexer.search;

import org.nianbao.indexer.index.Original;

import java.util.List;
import java.util.Map;

/**
 * One search result: a report, not a file.
 *
 * @param snippets     2–3 fragments of the text, HTML-escaped, matches wrapped in {@code <mark>…</mark>}
 * @param figures      the main figures ({@link org.nianbao.indexer.index.Figures#MAIN}) that were printed
 * @param checksHold   whether every arithmetic check of the tables holds
 * @param failedChecks names of the checks that fail
 * @param originals    every archived file of the report
 * @param score        relevance score (NaN when sorted by a field)
 */
public record ReportHit(
        String id,
        String title,
        String agency,
        String region,
        String province,
        String city,
        String county,
        Integer year,
        String adminLevel,
        String agencyKind,
        String template,
        String status,
        List<String> formats,
        List<String> snippets,
        Map<String, Number> figures,
        boolean checksHold,
        List<String> failedChecks,
        List<Original> originals,
        float score) {
}
