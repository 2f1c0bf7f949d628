package org.nianbao.app.web;

import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums over every report a search matches (no result window): requests received per year, how requests were
 * answered, and requests per region one level below the region drilled into. Figures a report did not print
 * are left out, never guessed.
 *
 * @param reports         reports matched
 * @param receivedByYear  year → [sum of 本年新收 总计, reports that printed it]
 * @param outcomes        outcome group (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理) → sum of the 总计 column
 * @param receivedByArea  area (the next level of the region tree) → [sum of 本年新收 总计, reports]
 * @param areaLevel       0 province, 1 city, 2 county, 3 agency
 */
record QueryStatistics(long reports, Map<Integer, long[]> receivedByYear, Map<String, Long> outcomes,
                       Map<String, long[]> receivedByArea, int areaLevel) {

    static final List<String> OUTCOMES = List.of("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理");
    private static final int TOTAL = 6;

    static QueryStatistics of(ReportSearcher searcher, SearchRequest req) {
        List<String> regions = req.facets().getOrDefault("region", List.of());
        int drilled = regions.size() == 1 ? Math.min(3, regions.get(0).split("/").length) : 0;
        Map<Integer, long[]> byYear = new TreeMap<>();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String o : OUTCOMES) outcomes.put(o, 0L);
        List<Object[]> received = new ArrayList<>(); // [ParsedReport, Long]
        long[] count = {0};
        searcher.forEachMatch(req.withLimit(0).withOffset(0), (ReportRecord r) -> {
            count[0]++;
            ParsedReport p = r.parsed();
            Map<String, List<Long>> t3 = p.table3();
            Long n = t3 == null || t3.get("新收") == null || t3.get("新收").size() <= TOTAL ? null : t3.get("新收").get(TOTAL);
            if (n != null && p.reportYear() != null) {
                long[] y = byYear.computeIfAbsent(p.reportYear(), k -> new long[2]);
                y[0] += n;
                y[1]++;
            }
            if (n != null) received.add(new Object[] {p, n});
            if (t3 != null) {
                t3.forEach((row, values) -> {
                    String group = row.contains(".") ? row.substring(0, row.indexOf('.')) : row;
                    if (outcomes.containsKey(group) && values != null && values.size() > TOTAL && values.get(TOTAL) != null) {
                        outcomes.merge(group, values.get(TOTAL), Long::sum);
                    }
                });
            }
        });
        // Compare at the first level below the drill-down where the reports differ (one province: its cities).
        int level = drilled;
        Map<String, long[]> byArea = areas(received, level);
        while (byArea.size() == 1 && level < 3) byArea = areas(received, ++level);
        return new QueryStatistics(count[0], byYear, outcomes, byArea, level);
    }

    private static Map<String, long[]> areas(List<Object[]> received, int level) {
        Map<String, long[]> byArea = new TreeMap<>();
        for (Object[] r : received) {
            long[] a = byArea.computeIfAbsent(area((ParsedReport) r[0], level), k -> new long[2]);
            a[0] += (Long) r[1];
            a[1]++;
        }
        return byArea;
    }

    private static String area(ParsedReport p, int level) {
        String[] parts = {p.regionProvince(), p.regionCity(), p.regionCounty(), p.agency()};
        for (int i = level; i < parts.length; i++) if (parts[i] != null && !parts[i].isBlank()) return parts[i];
        return "（未知）";
    }
}
