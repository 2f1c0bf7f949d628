package org.nianbao.app.web;

/** The frame every page shares: head, navigation, language switch, and the page's own content. */
final class Layout {

    enum Section { SEARCH, STATS, CRAWL, OTHER }

    private Layout() {
    }

    /**
     * Opens a page. {@code here} is the page's own path and query (for the language switch to come back to);
     * {@code query} fills the search box, or null for pages without one.
     */
    static StringBuilder open(Lang l, String title, Section section, String here, String query) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"").append(l.code()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/nianbao.css\">")
                .append("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"></head><body>");
        b.append("<header class=\"top\"><a class=\"brand\" href=\"/search\">").append(l.t("政府信息公开年报检索", "Annual disclosure reports"))
                .append("</a><nav>");
        nav(b, "/search", l.t("检索", "Search"), section == Section.SEARCH);
        nav(b, "/stats", l.t("统计图表", "Statistics"), section == Section.STATS);
        nav(b, "/crawl", l.t("抓取状态", "Crawl status"), section == Section.CRAWL);
        b.append("</nav><a class=\"lang\" href=\"/lang?to=").append(l.english() ? "zh" : "en").append("&amp;back=")
                .append(Html.enc(here)).append("\">").append(l.english() ? "中文" : "English").append("</a></header>");
        if (query != null) searchForm(b, l, query, section == Section.STATS ? "/stats" : "/search");
        b.append("<main>");
        return b;
    }

    static String close(StringBuilder b, Lang l) {
        b.append("</main><footer>").append(l.t("只读浏览：所有原件均取自本机 WARC 归档，页面内容来自被抓取的文件，已按纯文本显示。",
                "Read-only: every original comes from the local WARC archive; text from crawled documents is shown as plain text."))
                .append("</footer></body></html>");
        return b.toString();
    }

    private static void nav(StringBuilder b, String href, String label, boolean active) {
        b.append("<a href=\"").append(href).append('"').append(active ? " class=\"active\" aria-current=\"page\"" : "").append('>')
                .append(label).append("</a>");
    }

    private static void searchForm(StringBuilder b, Lang l, String query, String action) {
        b.append("<form class=\"query\" action=\"").append(action).append("\" method=\"get\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" id=\"q\" value=\"").append(Html.esc(query))
                .append("\" placeholder=\"").append(l.t("例：行政诉讼 year:2020 t3.新收.总计:>=100", "e.g. 行政诉讼 year:2020 t3.新收.总计:>=100"))
                .append("\" aria-label=\"").append(l.t("检索词", "query")).append("\">")
                .append("<button type=\"submit\" id=\"go\">").append(l.t("检索", "Search")).append("</button></form>");
    }
}
