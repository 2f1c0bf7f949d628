package org.nianbao.sim.render;

import org.nianbao.sim.model.Site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.nianbao.sim.render.Html.esc;
import static org.nianbao.sim.render.Html.js;

/** Column list pages, in the pagination and link style of each CMS family. */
final class Listing {
    private Listing() {}

    static int pageCount(int items, int perPage) {
        return perPage == Integer.MAX_VALUE ? 1 : Math.max(1, (items + perPage - 1) / perPage);
    }

    /** Every list page of a column, by path (aliases included). */
    static Map<String, String> pages(Site site, Urls urls, Column col, List<ListItem> items) {
        Map<String, String> out = new LinkedHashMap<>();
        int per = urls.perPage();
        int pages = pageCount(items.size(), per);
        String crumb = col == Column.REPORTS ? Chrome.crumb(urls.xxgk(), "政府信息公开") + Chrome.crumb(urls.list(col, 0), col.label)
                : Chrome.crumb(urls.list(col, 0), col.label);
        for (int p = 0; p < pages; p++) {
            List<ListItem> slice = items.subList((int) Math.min(items.size(), (long) p * per),
                    (int) Math.min(items.size(), (long) (p + 1) * per));
            String head = "";
            String body = switch (site.style()) {
                case TRS -> trs(urls, col, slice, p, pages);
                case HANWEB -> hanweb(site, urls, col, items, per);
                case PAGED_GBK -> paged(urls, col, slice, p, pages);
                case JS_LINKS -> jsLinks(urls, col, slice, p, pages);
                case SIMPLE -> simple(items);
            };
            if (site.style() == org.nianbao.sim.CmsStyle.TRS) head = TRS_PAGER;
            String html = Chrome.page(site, urls, col.label, crumb, "<h2>" + col.label + "</h2>\n" + body, head);
            out.put(urls.list(col, p), html);
            if (site.style() == org.nianbao.sim.CmsStyle.HANWEB) break; // one page; the rest via dataproxy.jsp
        }
        switch (site.style()) {
            case PAGED_GBK -> out.put(urls.dir(col) + "list.jsp?page=1", out.get(urls.list(col, 0)));
            case SIMPLE -> out.put(urls.dir(col) + "index.html", out.get(urls.list(col, 0)));
            default -> { }
        }
        return out;
    }

    // TRS WCM: the pager is written by createPageHTML(); no <a> points at index_N.shtml.
    private static final String TRS_PAGER = """
            <script language="JavaScript">
            function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
              if(_nPageCount == null || _nPageCount<=1){ return; }
              var nCurrIndex = _nCurrIndex || 0;
              if(nCurrIndex == 0) document.write("<span>首页</span>&nbsp;");
              else document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;");
              if(nCurrIndex > 0){ var p = nCurrIndex-1; document.write("<a href=\\""+_sPageName+(p==0?"":"_"+p)+"."+_sPageExt+"\\">上一页</a>&nbsp;"); }
              if(nCurrIndex < _nPageCount-1) document.write("<a href=\\""+_sPageName+"_"+(nCurrIndex+1)+"."+_sPageExt+"\\">下一页</a>&nbsp;");
              document.write("<a href=\\""+_sPageName+"_"+(_nPageCount-1)+"."+_sPageExt+"\\">尾页</a>");
            }
            </script>
            """;

    private static String trs(Urls urls, Column col, List<ListItem> slice, int page, int pages) {
        StringBuilder b = new StringBuilder("<div class=\"list\"><ul>\n");
        String dir = urls.dir(col);
        for (ListItem i : slice) {
            String href = i.href().startsWith(dir) ? "./" + i.href().substring(dir.length()) : i.href();
            b.append("<li><a href=\"").append(href).append("\" target=\"_blank\" title=\"").append(esc(i.title())).append("\">")
                    .append(esc(i.title())).append("</a><span>").append(i.date()).append("</span></li>\n");
        }
        b.append("</ul></div>\n<div class=\"page\"><script language=\"JavaScript\">\n")
                .append("var countPage = ").append(pages).append("//共多少页\n")
                .append("var currentPage = ").append(page).append("//所在页从0开始\n")
                .append("createPageHTML(").append(pages).append(", ").append(page).append(", \"index\", \"shtml\");\n")
                .append("</script></div>\n");
        return b.toString();
    }

    static String record(ListItem i) {
        return "<record><![CDATA[\n<li><a href=\"" + i.href() + "\" target=\"_blank\" title=\"" + esc(i.title()) + "\">"
                + esc(i.title()) + "</a><span>" + i.date() + "</span></li>\n]]></record>\n";
    }

    private static String hanweb(Site site, Urls urls, Column col, List<ListItem> items, int per) {
        int colId = urls.columnId(col);
        String proxyParams = "col=1&amp;appid=1&amp;webid=" + (site.index() + 1) + "&amp;path=%2F&amp;columnid=" + colId
                + "&amp;sourceContentType=1&amp;unitid=" + (colId * 10 + 7) + "&amp;permissiontype=0";
        StringBuilder b = new StringBuilder("<div class=\"list\" id=\"").append(colId).append("\">")
                .append("<script type=\"text/xml\"><datastore>\n<nextgroup><![CDATA[<a href=\"")
                .append(Urls.DATAPROXY).append("?page=1&").append(proxyParams.replace("&amp;", "&")).append("\"></a>]]></nextgroup>\n<recordset>\n");
        for (ListItem i : items.subList(0, Math.min(per, items.size()))) b.append(record(i));
        b.append("</recordset>\n</datastore></script></div>\n")
                .append("<script language=\"javascript\" src=\"/module/jslib/jquery/jpage/jquery.page.min.js\"></script>\n")
                .append("<script>$(document).ready(function(){$('#").append(colId).append("').jpage({")
                .append("perPage:").append(per).append(",totalRecord:").append(items.size())
                .append(",proxyUrl:'").append(Urls.DATAPROXY).append("',groupSize:1,barPosition:'bottom',dataBefore:'<ul>',dataAfter:'</ul>',")
                .append("ajaxParam:{col:1,appid:1,webid:").append(site.index() + 1).append(",path:'/',columnid:").append(colId)
                .append(",sourceContentType:1,unitid:").append(colId * 10 + 7).append(",permissiontype:0}});});</script>\n");
        return b.toString();
    }

    /** Hanweb's dataproxy.jsp answer: records startrecord..endrecord (1-based, inclusive). */
    static String dataproxy(List<ListItem> items, int start, int end) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<datastore>\n<nextgroup><![CDATA[]]></nextgroup>\n<recordset>\n");
        for (int k = Math.max(1, start); k <= Math.min(end, items.size()); k++) b.append(record(items.get(k - 1)));
        b.append("</recordset>\n<totalrecord>").append(items.size()).append("</totalrecord>\n</datastore>\n");
        return b.toString();
    }

    private static String paged(Urls urls, Column col, List<ListItem> slice, int page, int pages) {
        StringBuilder b = new StringBuilder("<div class=\"list\"><ul>\n");
        String dir = urls.dir(col);
        for (ListItem i : slice) {
            String href = i.href().startsWith(dir) ? i.href().substring(dir.length()) : i.href();
            b.append("<li><a href=\"").append(href).append("\">").append(esc(i.title())).append("</a><span>")
                    .append(i.date()).append("</span></li>\n");
        }
        int n = page + 1;
        b.append("</ul></div>\n<div class=\"page\">共").append(pages).append("页 第").append(n).append("页 ")
                .append("<a href=\"list.jsp?page=1\">首页</a>");
        if (n > 1) b.append("<a href=\"list.jsp?page=").append(n - 1).append("\">上一页</a>");
        for (int k = 1; k <= pages; k++) b.append(k == n ? "<b>" + k + "</b>" : "<a href=\"?page=" + k + "\">" + k + "</a>");
        if (n < pages) b.append("<a href=\"list.jsp?page=").append(n + 1).append("\">下一页</a>");
        b.append("<a href=\"list.jsp?page=").append(pages).append("\">尾页</a></div>\n");
        return b.toString();
    }

    private static String jsLinks(Urls urls, Column col, List<ListItem> slice, int page, int pages) {
        StringBuilder arr = new StringBuilder();
        StringBuilder titles = new StringBuilder();
        StringBuilder dates = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (int k = 0; k < slice.size(); k++) {
            ListItem i = slice.get(k);
            switch (k % 3) {
                case 0 -> {
                    if (!arr.isEmpty()) { arr.append(", "); titles.append(", "); dates.append(", "); }
                    arr.append(js(i.href()));
                    titles.append(js(i.title()));
                    dates.append(js(i.date().toString()));
                }
                case 1 -> other.append("<li onclick=\"window.open('").append(i.href()).append("')\">").append(esc(i.title()))
                        .append("<span>").append(i.date()).append("</span></li>\n");
                default -> other.append("<li><a href=\"javascript:void(0)\" onclick=\"location.href='").append(i.href())
                        .append("'\">").append(esc(i.title())).append("</a><span>").append(i.date()).append("</span></li>\n");
            }
        }
        StringBuilder b = new StringBuilder("<div class=\"list\"><ul id=\"nblist\">\n").append(other).append("</ul></div>\n")
                .append("<script type=\"text/javascript\">\n")
                .append("var urls = [").append(arr).append("];\n")
                .append("var titles = [").append(titles).append("];\n")
                .append("var dates = [").append(dates).append("];\n")
                .append("var ul = document.getElementById('nblist');\n")
                .append("for (var i = 0; i < urls.length; i++) {\n")
                .append("  ul.innerHTML += '<li><a href=\"' + urls[i] + '\">' + titles[i] + '</a><span>' + dates[i] + '</span></li>';\n}\n</script>\n")
                .append("<div class=\"page\">");
        String dir = urls.dir(col);
        if (page > 0) b.append("<a href=\"javascript:;\" onclick=\"location.href='").append(urls.list(col, page - 1).substring(dir.length()))
                .append("'\">上一页</a>");
        b.append(" 第").append(page + 1).append("/").append(pages).append("页 ");
        if (page < pages - 1) b.append("<a href=\"javascript:;\" onclick=\"location.href='").append(urls.list(col, page + 1).substring(dir.length()))
                .append("'\">下一页</a>");
        b.append("</div>\n");
        return b.toString();
    }

    private static String simple(List<ListItem> items) {
        StringBuilder b = new StringBuilder("<div class=\"list\"><ul>\n");
        for (ListItem i : items) {
            b.append("<li><a href=\"").append(i.href()).append("\">").append(esc(i.title())).append("</a><span>")
                    .append(i.date()).append("</span></li>\n");
        }
        return b.append("</ul></div>\n").toString();
    }
}
