package org.nianbao.app.web;

import org.nianbao.indexer.search.SearchRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /stats}: charts of the current search (same q / facet parameters as the search page). */
final class StatsPage {

    private static final int MAX_AREAS = 20;
    private static final String[][] OUTCOME_EN = {{"予以公开", "granted"}, {"部分公开", "partly granted"}, {"不予公开", "refused"},
            {"无法提供", "cannot provide"}, {"不予处理", "not handled"}, {"其他处理", "other"}};

    private StatsPage() {
    }

    static String render(SearchRequest req, QueryStatistics s, Lang l) {
        SearchLinks links = SearchLinks.of(req);
        StringBuilder b = Layout.open(l, l.t("统计图表", "Statistics") + (req.query().isBlank() ? "" : " · " + req.query()),
                Layout.Section.STATS, "/stats" + links.params(), req.query());
        b.append("<h1>").append(l.t("统计图表", "Statistics")).append("</h1><p class=\"total\" id=\"total\">")
                .append(l.english() ? "Over <strong>" + s.reports() + "</strong> matching reports" : "基于 <strong>" + s.reports() + "</strong> 份符合条件的年报")
                .append(" · <a href=\"/search").append(Html.esc(links.params())).append("\">").append(l.t("查看这些年报", "see these reports")).append("</a>");
        if (!links.facets().isEmpty()) {
            b.append(" · ").append(l.t("筛选：", "filters: "));
            links.facets().forEach((d, vs) -> b.append(Html.esc(l.dimension(d))).append(" = ").append(Html.esc(String.join(" | ", vs))).append("; "));
        }
        b.append("</p>");

        List<SvgCharts.Bar> years = new ArrayList<>();
        s.receivedByYear().forEach((y, v) -> years.add(new SvgCharts.Bar(String.valueOf(y), v[0], v[1] + l.t(" 份年报", " reports"))));
        String yearTitle = l.t("各年度本年新收政府信息公开申请数量", "Requests received per year");
        b.append("<section class=\"chart-box\"><h2>").append(yearTitle).append("</h2>");
        if (years.isEmpty()) b.append(noData(l));
        else {
            b.append(SvgCharts.columns("chart-years", yearTitle, years));
            table(b, l, l.t("年度", "Year"), years);
        }
        b.append("</section>");

        List<SvgCharts.Bar> outcomes = new ArrayList<>();
        for (String[] o : OUTCOME_EN) outcomes.add(new SvgCharts.Bar(l.t(o[0], o[1]), s.outcomes().getOrDefault(o[0], 0L), null));
        String outcomeTitle = l.t("办理结果构成", "How requests were answered");
        b.append("<section class=\"chart-box\"><h2>").append(outcomeTitle).append("</h2>");
        if (outcomes.stream().allMatch(o -> o.value() == 0)) b.append(noData(l));
        else {
            b.append(SvgCharts.shares("chart-outcomes", outcomeTitle, outcomes));
            table(b, l, l.t("办理结果", "Outcome"), outcomes);
        }
        b.append("</section>");

        List<Map.Entry<String, long[]>> areas = new ArrayList<>(s.receivedByArea().entrySet());
        areas.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        List<SvgCharts.Bar> areaBars = new ArrayList<>();
        for (Map.Entry<String, long[]> e : areas.subList(0, Math.min(MAX_AREAS, areas.size()))) {
            String name = e.getKey().isEmpty() ? l.t("（上级本级）", "(the level above)") : e.getKey();
            areaBars.add(new SvgCharts.Bar(name, e.getValue()[0], e.getValue()[1] + l.t(" 份年报", " reports")));
        }
        String[] levels = {l.t("省份", "province"), l.t("地市", "city"), l.t("区县", "county")};
        String areaTitle = l.t("按", "Requests received by ") + levels[s.areaLevel()] + l.t("比较本年新收申请数量", "");
        b.append("<section class=\"chart-box\"><h2>").append(areaTitle).append("</h2>");
        if (!s.areasIndexed()) b.append("<p class=\"empty\">").append(l.t("索引由旧版本建立，缺少地区汇总数据；运行 nianbao index --rebuild 后即可显示。",
                "The index predates region totals; run nianbao index --rebuild to see this chart.")).append("</p>");
        else if (areaBars.isEmpty()) b.append(noData(l));
        else {
            b.append(SvgCharts.rows("chart-regions", areaTitle, areaBars));
            if (areas.size() > MAX_AREAS) b.append("<p class=\"note\">").append(l.t("仅显示数量最多的 ", "Showing the top ")).append(MAX_AREAS)
                    .append(l.t(" 个，共 ", " of ")).append(areas.size()).append(l.t(" 个。", ".")).append("</p>");
            table(b, l, levels[s.areaLevel()], areaBars);
        }
        b.append("</section><p class=\"note\">").append(l.t("数字为年报印刷的“总计”列之和；未印刷该数字的年报不计入。",
                "Sums of the printed 总计 column; reports that did not print a figure are left out.")).append("</p>");
        return Layout.close(b, l);
    }

    private static String noData(Lang l) {
        return "<p class=\"empty\">" + l.t("这些年报没有可用的数字。", "No figures in these reports.") + "</p>";
    }

    private static void table(StringBuilder b, Lang l, String head, List<SvgCharts.Bar> bars) {
        b.append("<details><summary>").append(l.t("数据表", "Data table")).append("</summary><table class=\"list numbers\"><thead><tr><th>")
                .append(Html.esc(head)).append("</th><th>").append(l.t("数量", "Count")).append("</th><th></th></tr></thead><tbody>");
        for (SvgCharts.Bar bar : bars) {
            b.append("<tr><td>").append(Html.esc(bar.label())).append("</td><td>").append(SvgCharts.num(bar.value())).append("</td><td>")
                    .append(Html.esc(bar.note() == null ? "" : bar.note())).append("</td></tr>");
        }
        b.append("</tbody></table></details>");
    }
}
