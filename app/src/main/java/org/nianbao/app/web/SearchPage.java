package org.nianbao.app.web;

import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;

import java.util.List;
import java.util.Map;

/**
 * The search page ({@code GET /search}): query box with the query language a click away, facet sidebar with
 * drill-sideways counts (region as a tree), sort, paging, result count, CSV / Atom / statistics of the same
 * search. Every piece of text from a report or the request is escaped; snippets keep only their {@code <mark>}.
 */
final class SearchPage {

    static final int PAGE_SIZE = 20;

    /** Examples of the query language, each one click from running. */
    private static final List<String[]> EXAMPLES = List.of(
            new String[] {"行政诉讼", "任意两个以上汉字：全文检索", "any 2+ characters: full text"},
            new String[] {"\"依申请公开\" AND 吴忠", "短语与 AND / OR / NOT", "phrases with AND / OR / NOT"},
            new String[] {"行政复议 NOT 诉讼", "排除某词", "leave a word out"},
            new String[] {"year:2020", "某一年度的年报", "one year's reports"},
            new String[] {"year:[2019 TO 2022]", "年度范围", "a range of years"},
            new String[] {"agency:人民政府办公室", "按发布机关", "by agency"},
            new String[] {"region:吴忠", "按地区（省、市、县名称）", "by region name"},
            new String[] {"t3.新收.总计:>=100", "表格数字：本年新收申请≥100", "a table figure: new requests ≥ 100"},
            new String[] {"t4.行政复议.总计:>0 year:2021", "有行政复议的2021年报", "2021 reports with administrative reviews"});

    /** Sort choices offered in the form (any figure field works through the API). */
    private static final List<String[]> SORTS = List.of(
            new String[] {"", "相关度", "relevance"},
            new String[] {"year", "年度（新→旧）", "year (newest first)"},
            new String[] {"year:asc", "年度（旧→新）", "year (oldest first)"},
            new String[] {"t3.新收.总计", "本年新收申请（多→少）", "requests received (most first)"},
            new String[] {"t3.予以公开.总计", "予以公开（多→少）", "granted in full (most first)"},
            new String[] {"t4.行政复议.总计", "行政复议（多→少）", "administrative reviews (most first)"},
            new String[] {"t4.行政诉讼.总计", "行政诉讼（多→少）", "lawsuits (most first)"});

    /** The figures a hit shows, with their labels. */
    static final List<String[]> KEY_FIGURES = List.of(
            new String[] {"t3.新收.总计", "新收申请", "requests received"},
            new String[] {"t3.予以公开.总计", "予以公开", "granted"},
            new String[] {"t4.行政复议.总计", "行政复议", "admin. reviews"},
            new String[] {"t4.行政诉讼.总计", "行政诉讼", "lawsuits"});

    private SearchPage() {
    }

    /**
     * The "save as watch" form: offered only when the server accepts saved searches ({@code serve --allow-watches}).
     *
     * @param offered whether to show the form
     * @param saved   the name of the watch just saved (after the form's redirect back), or null
     */
    record WatchForm(boolean offered, String saved) {
        static final WatchForm OFF = new WatchForm(false, null);
    }

    static String render(SearchRequest req, SearchResult r, Lang l) {
        return render(req, r, Map.of(), l);
    }

    static String render(SearchRequest req, SearchResult r, Map<String, Long> regionSiblings, Lang l) {
        return render(req, r, regionSiblings, l, WatchForm.OFF);
    }

    /**
     * @param regionSiblings when the region drilled into has no sub-regions in the results: the counts of its
     *                       siblings (same parent), so the tree still offers the neighbours
     */
    static String render(SearchRequest req, SearchResult r, Map<String, Long> regionSiblings, Lang l, WatchForm watch) {
        SearchLinks links = SearchLinks.of(req);
        String title = req.query().isBlank() ? l.t("年报检索", "Report search") : req.query() + " · " + l.t("年报检索", "Report search");
        StringBuilder b = Layout.open(l, title, Layout.Section.SEARCH, "/search" + links.params(req.offset()), req.query());
        examples(b, l);
        b.append("<div class=\"layout\"><aside class=\"facets\" id=\"facets\">");
        facets(b, l, links, r.facets(), regionSiblings);
        b.append("</aside><section class=\"results\">");
        summary(b, l, req, r, links);
        if (watch.offered()) watchForm(b, l, req, links, watch.saved());
        b.append("<ol class=\"hits\" id=\"hits\" start=\"").append(req.offset() + 1).append("\">");
        for (ReportHit h : r.hits()) hit(b, l, h);
        b.append("</ol>");
        if (r.total() == 0) b.append("<p class=\"empty\">").append(l.t("没有符合条件的年报。", "No report matches.")).append("</p>");
        paging(b, l, req, r.total(), links);
        b.append("</section></div>");
        return Layout.close(b, l);
    }

    private static void examples(StringBuilder b, Lang l) {
        b.append("<details class=\"syntax\" id=\"syntax\"><summary>").append(l.t("查询语法示例", "Query language examples"))
                .append("</summary><table><tbody>");
        for (String[] e : EXAMPLES) {
            b.append("<tr><td><a href=\"/search?q=").append(Html.enc(e[0])).append("\"><code>").append(Html.esc(e[0]))
                    .append("</code></a></td><td>").append(l.t(e[1], e[2])).append("</td></tr>");
        }
        b.append("</tbody></table><p>").append(l.t("字段名见 README“查询语言”一节；同一侧栏维度内多选为“或”，不同维度为“且”。",
                "Field names: see the README, \"Query language\". Values of one sidebar facet are OR-ed, facets are AND-ed.")).append("</p></details>");
    }

    private static void summary(StringBuilder b, Lang l, SearchRequest req, SearchResult r, SearchLinks links) {
        b.append("<div class=\"summary\"><p class=\"total\" id=\"total\">")
                .append(l.english() ? "<strong>" + r.total() + "</strong> reports" : "共 <strong>" + r.total() + "</strong> 份年报")
                .append("</p><form class=\"sort\" action=\"/search\" method=\"get\"><input type=\"hidden\" name=\"q\" value=\"")
                .append(Html.esc(req.query())).append("\">");
        links.facets().forEach((d, vs) -> vs.forEach(v -> b.append("<input type=\"hidden\" name=\"facet\" value=\"")
                .append(Html.esc(d + ":" + v)).append("\">")));
        b.append("<label>").append(l.t("排序", "Sort")).append(" <select name=\"sort\" id=\"sort\">");
        String current = req.sort() == null ? "" : req.sort().strip();
        boolean known = false;
        for (String[] s : SORTS) {
            boolean sel = s[0].equals(current) || (s[0].isEmpty() && current.equalsIgnoreCase("relevance"));
            known |= sel;
            b.append("<option value=\"").append(Html.esc(s[0])).append('"').append(sel ? " selected" : "").append('>')
                    .append(l.t(s[1], s[2])).append("</option>");
        }
        if (!known) b.append("<option value=\"").append(Html.esc(current)).append("\" selected>").append(Html.esc(current)).append("</option>");
        b.append("</select></label> <button type=\"submit\">").append(l.t("排序", "Apply")).append("</button></form>");
        b.append("<p class=\"actions\"><a id=\"csv\" href=\"/api/export.csv").append(Html.esc(links.params())).append("\">")
                .append(l.t("下载全部结果（CSV）", "Download all results (CSV)")).append("</a> · <a id=\"atom\" href=\"/feeds/search.atom")
                .append(Html.esc(links.params())).append("\">").append(l.t("订阅本检索（Atom）", "Atom feed of this search"))
                .append("</a> · <a id=\"stats\" href=\"/stats").append(Html.esc(links.params())).append("\">")
                .append(l.t("本检索的统计图表", "Statistics of this search")).append("</a></p></div>");
        if (!links.facets().isEmpty()) {
            b.append("<p class=\"chosen\">").append(l.t("已选：", "Filters: "));
            links.facets().forEach((d, vs) -> vs.forEach(v -> b.append("<a class=\"chip\" href=\"/search")
                    .append(Html.esc(links.toggle(d, v).params())).append("\" title=\"").append(l.t("取消", "remove")).append("\">")
                    .append(Html.esc(l.dimension(d))).append("：").append(Html.esc(d.equals("region") ? v : l.value(d, v))).append(" ✕</a> ")));
            b.append("</p>");
        }
    }

    /** Saves the query as a watch through {@code POST /api/watches}, which sends the browser back here. */
    private static void watchForm(StringBuilder b, Lang l, SearchRequest req, SearchLinks links, String saved) {
        if (saved != null) {
            String feed = "/feeds/watch/" + Html.enc(saved) + ".atom";
            b.append("<p class=\"saved\" id=\"watch-saved\">").append(l.t("已保存订阅 ", "Saved as watch "))
                    .append("<strong>").append(Html.esc(saved)).append("</strong>").append(l.t("：每次运行后的新结果见 ", ": new matches after each run in "))
                    .append("<a href=\"").append(Html.esc(feed)).append("\">").append(Html.esc(feed)).append("</a></p>");
        }
        if (req.query().isBlank()) return;
        b.append("<form class=\"watch\" id=\"watch\" action=\"/api/watches\" method=\"post\">")
                .append("<input type=\"hidden\" name=\"q\" value=\"").append(Html.esc(req.query())).append("\">")
                .append("<input type=\"hidden\" name=\"from\" value=\"search\">")
                .append("<label>").append(l.t("保存为订阅，名称", "Save as watch, name"))
                .append(" <input type=\"text\" name=\"name\" required maxlength=\"64\" pattern=\"[\\p{L}\\p{N}_.\\-]{1,64}\" placeholder=\"")
                .append(l.t("字母、数字、_ . -", "letters, digits, _ . -")).append("\"></label> <button type=\"submit\">")
                .append(l.t("保存为订阅", "Save as watch")).append("</button>");
        if (!links.facets().isEmpty()) {
            b.append(" <small>").append(l.t("（只保存检索词，侧栏筛选不保存）", "(saves the query only, not the sidebar filters)")).append("</small>");
        }
        b.append("</form>");
    }

    private static void facets(StringBuilder b, Lang l, SearchLinks links, Map<String, Map<String, Long>> facets, Map<String, Long> siblings) {
        for (Map.Entry<String, Map<String, Long>> dim : facets.entrySet()) {
            String d = dim.getKey();
            if (dim.getValue().isEmpty() && !links.facets().containsKey(d)) continue;
            b.append("<section class=\"facet\" data-dim=\"").append(Html.esc(d)).append("\"><h2>").append(Html.esc(l.dimension(d))).append("</h2>");
            if (d.equals("region")) regionTree(b, l, links, dim.getValue().isEmpty() ? siblings : dim.getValue(), !dim.getValue().isEmpty());
            else {
                b.append("<ul>");
                for (Map.Entry<String, Long> v : dim.getValue().entrySet()) {
                    boolean on = links.has(d, v.getKey());
                    b.append("<li").append(on ? " class=\"on\"" : "").append("><a href=\"/search").append(Html.esc(links.toggle(d, v.getKey()).params()))
                            .append("\" data-value=\"").append(Html.esc(v.getKey())).append("\">").append(on ? "☑ " : "☐ ")
                            .append(Html.esc(l.value(d, v.getKey()))).append("</a> <span class=\"count\">").append(v.getValue()).append("</span></li>");
                }
                b.append("</ul>");
            }
            b.append("</section>");
        }
    }

    /** The region facet as a tree: the path drilled into (each step a way back up), then the next level with counts. */
    private static void regionTree(StringBuilder b, Lang l, SearchLinks links, Map<String, Long> counts, boolean children) {
        List<String> chosen = links.facets().getOrDefault("region", List.of());
        b.append("<ul class=\"tree\">");
        b.append("<li><a href=\"/search").append(Html.esc(links.without("region").params())).append("\">")
                .append(l.t("全部地区", "All regions")).append("</a></li>");
        String path = chosen.size() == 1 ? chosen.get(0) : null;
        int depth = 0;
        if (path != null) {
            String[] parts = path.split("/");
            StringBuilder sofar = new StringBuilder();
            // Siblings listed below include the chosen region itself: the path then stops at its parent.
            int shown = children || counts.isEmpty() ? parts.length : parts.length - 1;
            for (int i = 0; i < shown; i++) {
                if (i > 0) sofar.append('/');
                sofar.append(parts[i]);
                b.append("<li class=\"up depth").append(i + 1).append(i == parts.length - 1 ? " on" : "").append("\">");
                if (i == parts.length - 1) b.append("<strong>").append(Html.esc(parts[i])).append("</strong>");
                else b.append("<a href=\"/search").append(Html.esc(links.toggle("region", sofar.toString()).params())).append("\">")
                        .append(Html.esc(parts[i])).append("</a>");
                b.append("</li>");
            }
            depth = shown;
        }
        for (Map.Entry<String, Long> v : counts.entrySet()) {
            if (children && v.getKey().equals(path)) continue;
            boolean on = chosen.contains(v.getKey());
            b.append("<li class=\"depth").append(depth + 1).append(on ? " on" : "").append("\"><a href=\"/search")
                    .append(Html.esc((on ? links.toggle("region", v.getKey()) : links.without("region").toggle("region", v.getKey())).params()))
                    .append("\" data-value=\"").append(Html.esc(v.getKey())).append("\">").append(Html.esc(l.value("region", v.getKey())))
                    .append("</a> <span class=\"count\">").append(v.getValue()).append("</span></li>");
        }
        b.append("</ul>");
    }

    private static void hit(StringBuilder b, Lang l, ReportHit h) {
        b.append("<li class=\"hit").append(h.checksHold() ? "" : " checks-fail").append("\"><h3><a class=\"report-link\" href=\"/reports/")
                .append(Html.esc(Html.pathEncode(h.id()))).append("\">").append(Html.esc(h.title() == null || h.title().isBlank() ? h.id() : h.title()))
                .append("</a>");
        if (!h.checksHold()) {
            b.append(" <span class=\"fail-mark\" title=\"").append(Html.esc(String.join("; ", h.failedChecks()))).append("\">⚠ ")
                    .append(l.t("表格勾稽不符", "table checks fail")).append("</span>");
        }
        if (!"current".equals(h.status())) b.append(" <span class=\"status-mark\">").append(Html.esc(l.value("status", h.status()))).append("</span>");
        b.append("</h3><p class=\"meta\"><span class=\"agency\">").append(Html.esc(h.agency())).append("</span> · <span class=\"region\">")
                .append(Html.esc(h.region())).append("</span> · <span class=\"year\">").append(Html.esc(h.year()))
                .append(l.t("年度", "")).append("</span> · ").append(Html.esc(String.join("/", h.formats()))).append("</p>");
        for (String s : h.snippets()) b.append("<p class=\"snippet\">…").append(Html.snippet(s)).append("…</p>");
        b.append("<dl class=\"figures\">");
        for (String[] f : KEY_FIGURES) {
            Number v = h.figures().get(f[0]);
            b.append("<div><dt>").append(l.t(f[1], f[2])).append("</dt><dd>").append(v == null ? "—" : Html.esc(v)).append("</dd></div>");
        }
        b.append("</dl></li>");
    }

    private static void paging(StringBuilder b, Lang l, SearchRequest req, long total, SearchLinks links) {
        int size = Math.max(1, req.limit());
        if (total <= size && req.offset() == 0) return;
        long pages = (total + size - 1) / size;
        long current = req.offset() / size + 1;
        b.append("<nav class=\"paging\" aria-label=\"").append(l.t("翻页", "pages")).append("\">");
        if (req.offset() > 0) b.append("<a rel=\"prev\" href=\"/search").append(Html.esc(links.params(Math.max(0, req.offset() - size))))
                .append("\">‹ ").append(l.t("上一页", "previous")).append("</a>");
        long from = Math.max(1, current - 4), to = Math.min(pages, from + 8);
        for (long p = from; p <= to; p++) {
            if (p == current) b.append("<strong>").append(p).append("</strong>");
            else b.append("<a href=\"/search").append(Html.esc(links.params((int) Math.min(Integer.MAX_VALUE, (p - 1) * size)))).append("\">").append(p).append("</a>");
        }
        if (req.offset() + size < total) b.append("<a rel=\"next\" href=\"/search").append(Html.esc(links.params(req.offset() + size)))
                .append("\">").append(l.t("下一页", "next")).append(" ›</a>");
        b.append("</nav>");
    }
}
