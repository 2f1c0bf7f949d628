package org.nianbao.indexer.search;

import java.util.Map;

/**
 * Table figures summed over the reports of one group (for charts: requests per year, outcome shares,
 * regions compared).
 *
 * @param group   the group's value (a year, a province, …), or "all" when not grouped
 * @param reports how many matching reports are in the group
 * @param sums    figure → sum over the reports that printed it
 * @param counted figure → how many reports printed it (the rest left the cell blank)
 */
public record FigureTotals(String group, long reports, Map<String, Double> sums, Map<String, Long> counted) {
}
