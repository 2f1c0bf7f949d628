package org.nianbao.app.web;

import org.nianbao.indexer.search.FigureTotals;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums over every report a search matches (no result window), read from the index's doc values by
 * {@link ReportSearcher#totals}: requests received per year, how requests were answered, and requests per region
 * one level below the region drilled into. Figures a report did not print are left out, never guessed.
 *
 * @param reports         reports matched
 * @param receivedByYear  year → [sum of 本年新收 总计, reports that printed it]
 * @param outcomes        outcome group (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理) → sum of the 总计 column
 * @param receivedByArea  area (the next level of the region tree) → [sum of 本年新收 总计, reports that printed it];
 *                        "" for reports of the level above (e.g. a city's own agencies when comparing counties)
 * @param areaLevel       0 province, 1 city, 2 county
 * @param areasIndexed    false when the index predates region doc values (then {@code receivedByArea} is empty
 *                        until {@code nianbao index --rebuild})
 */
record QueryStatistics(long reports, Map<Integer, long[]> receivedByYear, Map<String, Long> outcomes,
                       Map<String, long[]> receivedByArea, int areaLevel, boolean areasIndexed) {

    static final List<String> OUTCOMES = List.of("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理");
    static final String RECEIVED = "t3.新收.总计";
    private static final List<String> LEVELS = List.of("province", "city", "county");

    static QueryStatistics of(ReportSearcher searcher, SearchRequest req) {
        SearchRequest all = req.withLimit(0).withOffset(0);
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (FigureTotals t : searcher.totals(all, List.of(RECEIVED), "year")) {
            long n = t.counted().get(RECEIVED);
            if (n > 0 && !t.group().isEmpty()) byYear.put(Integer.valueOf(t.group()), new long[] {Math.round(t.sums().get(RECEIVED)), n});
        }

        // Every 总计 cell of a result row, by its heading (2021's 其他处理 has sub-rows, 2019's has one row).
        Map<String, String> outcomeOf = new LinkedHashMap<>();
        for (String f : searcher.numericFields()) {
            if (!f.startsWith("t3.") || !f.endsWith(".总计")) continue;
            String row = f.substring(3, f.length() - 3);
            String group = row.contains(".") ? row.substring(0, row.indexOf('.')) : row;
            if (OUTCOMES.contains(group)) outcomeOf.put(f, group);
        }
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String o : OUTCOMES) outcomes.put(o, 0L);
        long reports = 0;
        for (FigureTotals t : searcher.totals(all, List.copyOf(outcomeOf.keySet()), null)) {
            reports += t.reports();
            t.sums().forEach((f, sum) -> outcomes.merge(outcomeOf.get(f), Math.round(sum), Long::sum));
        }

        List<String> regions = req.facets().getOrDefault("region", List.of());
        int level = regions.size() == 1 ? Math.min(LEVELS.size() - 1, regions.get(0).split("/").length) : 0;
        Map<String, long[]> byArea;
        try {
            byArea = areas(searcher, all, level);
            // Compare at the first level below the drill-down where the reports differ (one province: its cities).
            while (byArea.size() == 1 && level < LEVELS.size() - 1) byArea = areas(searcher, all, ++level);
        } catch (IllegalStateException olderIndex) {
            // Lucene: the field has no doc values, i.e. the index was written before regions had them.
            return new QueryStatistics(reports, byYear, outcomes, Map.of(), level, false);
        }
        return new QueryStatistics(reports, byYear, outcomes, byArea, level, true);
    }

    private static Map<String, long[]> areas(ReportSearcher searcher, SearchRequest req, int level) {
        Map<String, long[]> out = new TreeMap<>();
        for (FigureTotals t : searcher.totals(req, List.of(RECEIVED), LEVELS.get(level))) {
            long n = t.counted().get(RECEIVED);
            if (n > 0) out.put(t.group(), new long[] {Math.round(t.sums().get(RECEIVED)), n});
        }
        return out;
    }
}
