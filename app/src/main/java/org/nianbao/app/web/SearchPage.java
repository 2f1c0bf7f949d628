package org.nianbao.app.web;

import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The plain server-rendered results page ({@code GET /search}). Every piece of text from a report or the
 * request is escaped; snippets arrive escaped with only {@code <mark>} added by the highlighter.
 */
final class SearchPage {

    private SearchPage() {
    }

    static String render(SearchRequest req, SearchResult r) {
        StringBuilder b = head(req.query().isBlank() ? "年报检索" : req.query() + " · 年报检索");
        form(b, req.query());
        b.append("<main><p class=\"total\">共 <strong>").append(r.total()).append("</strong> 份年报</p>");
        b.append("<p><a href=\"/api/export.csv?").append(Html.esc(params(req, null, null))).append("\">下载全部结果（CSV）</a></p>");
        b.append("<div class=\"layout\"><aside>");
        for (Map.Entry<String, Map<String, Long>> dim : r.facets().entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            b.append("<section><h2>").append(Html.esc(dim.getKey())).append("</h2><ul>");
            for (Map.Entry<String, Long> v : dim.getValue().entrySet()) {
                b.append("<li><a href=\"/search?").append(Html.esc(params(req, dim.getKey(), v.getKey()))).append("\">")
                        .append(Html.esc(v.getKey())).append("</a> <span class=\"count\">").append(v.getValue()).append("</span></li>");
            }
            b.append("</ul></section>");
        }
        b.append("</aside><ol class=\"hits\">");
        for (ReportHit h : r.hits()) {
            b.append("<li class=\"hit").append(h.checksHold() ? "" : " checks-fail").append("\"><h3><a href=\"/api/reports/")
                    .append(Html.esc(pathEncode(h.id()))).append("\">").append(Html.esc(h.title() == null ? h.id() : h.title())).append("</a></h3>");
            b.append("<p class=\"meta\">").append(Html.esc(h.agency())).append(" · ").append(Html.esc(h.region())).append(" · ")
                    .append(Html.esc(h.year())).append(" · ").append(Html.esc(String.join("/", h.formats())));
            if (!h.checksHold()) b.append(" · <span class=\"fail\">表格勾稽不符：").append(Html.esc(String.join("、", h.failedChecks()))).append("</span>");
            b.append("</p>");
            for (String s : h.snippets()) b.append("<p class=\"snippet\">…").append(s).append("…</p>");
            if (!h.figures().isEmpty()) {
                b.append("<dl class=\"figures\">");
                h.figures().forEach((k, v) -> b.append("<dt>").append(Html.esc(k)).append("</dt><dd>").append(Html.esc(v)).append("</dd>"));
                b.append("</dl>");
            }
            b.append("</li>");
        }
        b.append("</ol></div></main></body></html>");
        return b.toString();
    }

    static String error(String query, String message) {
        StringBuilder b = head("查询有误 · 年报检索");
        form(b, query);
        b.append("<main><p class=\"error\">查询有误 (bad query): ").append(Html.esc(message)).append("</p></main></body></html>");
        return b.toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.esc(title)).append("</title><link rel=\"stylesheet\" href=\"/assets/search.css\"></head><body>");
    }

    private static void form(StringBuilder b, String query) {
        b.append("<header><form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"")
                .append(Html.esc(query)).append("\" placeholder=\"例：行政诉讼 year:2020 t3.新收.总计:&gt;=100\"> <button type=\"submit\">检索</button></form></header>");
    }

    /** The query string of this search, plus one more facet value when {@code dim} is given. */
    private static String params(SearchRequest req, String dim, String value) {
        StringBuilder p = new StringBuilder("q=").append(enc(req.query()));
        req.facets().forEach((d, values) -> values.forEach(v -> p.append("&facet=").append(enc(d + ":" + v))));
        if (dim != null) p.append("&facet=").append(enc(dim + ":" + value));
        if (req.sort() != null) p.append("&sort=").append(enc(req.sort()));
        return p.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String pathEncode(String id) {
        return String.join("/", List.of(id.split("/")).stream().map(s -> enc(s).replace("+", "%20")).toList());
    }

    static final String CSS = """
            body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
            header{padding:12px 16px;background:#f4f4f4;border-bottom:1px solid #ddd}
            header input{width:60%;font-size:16px;padding:4px}
            main{padding:0 16px}.layout{display:flex;gap:24px}aside{min-width:200px;font-size:14px}
            aside h2{font-size:14px;margin:12px 0 4px}aside ul{list-style:none;padding:0;margin:0}
            .count{color:#777}.hits{flex:1}.hit{margin-bottom:18px}.hit h3{margin:0 0 4px;font-size:17px}
            .meta{color:#555;font-size:13px;margin:0}.fail{color:#b00}.snippet{margin:4px 0;font-size:14px}
            mark{background:#ffe58a}.figures{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;color:#444}
            .figures dt{font-weight:normal}.figures dd{margin:0 8px 0 0;font-weight:bold}.error{color:#b00}
            """;
}
