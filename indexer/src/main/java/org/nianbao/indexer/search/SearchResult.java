package org.nianbao.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total  every report that matches (exact)
 * @param hits   the requested page
 * @param facets dimension → value → count, with drill-sideways counts for the dimensions drilled into
 */
public record SearchResult(long total, List<ReportHit> hits, Map<String, Map<String, Long>> facets) {
}
