package org.nianbao.sim.render;

import org.nianbao.sim.Hostile;
import org.nianbao.sim.model.Site;

import static org.nianbao.sim.render.Html.esc;

/** The frame every page of a portal shares: header, navigation, breadcrumb, footer. */
final class Chrome {
    private static final String CSS = """
            body{margin:0;font-family:"Microsoft YaHei","微软雅黑",SimSun,sans-serif;background:#f3f3f3;color:#333;}
            .header{background:#b40000;color:#fff;padding:18px 40px;font-size:28px;font-weight:bold;letter-spacing:4px;}
            .header small{display:block;font-size:12px;font-weight:normal;letter-spacing:0;opacity:.8;}
            .nav{background:#8c0000;} .nav ul{list-style:none;margin:0;padding:0 40px;display:flex;flex-wrap:wrap;}
            .nav li a{display:block;color:#fff;text-decoration:none;padding:10px 22px;font-size:15px;}
            .wrap{width:1000px;margin:0 auto;background:#fff;padding:10px 40px 40px;min-height:400px;}
            .crumb{font-size:13px;color:#666;border-bottom:1px solid #ddd;padding:10px 0;} .crumb a{color:#666;text-decoration:none;}
            .list ul,ul.list,ul.links{list-style:none;padding:0;} .list li{border-bottom:1px dashed #ddd;padding:8px 0;font-size:15px;cursor:pointer;}
            .list li a{color:#333;text-decoration:none;} .list li span{float:right;color:#999;font-size:13px;}
            .page{text-align:center;margin:20px 0;font-size:14px;} .page a{margin:0 4px;color:#b40000;}
            .box{float:left;width:46%;margin:10px 2%;} .box h3{border-bottom:2px solid #b40000;color:#b40000;font-size:16px;}
            h1.article-title{text-align:center;font-size:24px;color:#b40000;margin:24px 0 8px;line-height:1.5;}
            .article-info{text-align:center;font-size:13px;color:#888;border-bottom:1px dashed #ccc;padding-bottom:10px;}
            .article-content{font-size:16px;line-height:2;} .attach{font-size:14px;margin-top:20px;}
            .footer{clear:both;background:#333;color:#bbb;text-align:center;font-size:12px;padding:20px;line-height:2;} .footer a{color:#bbb;}
            """;

    private Chrome() {}

    static String page(Site site, Urls urls, String title, String crumb, String body, String headExtra) {
        String name = site.region().governmentName();
        String meta = site.gbk() ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                : "<meta charset=\"utf-8\">";
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n").append(meta).append('\n')
                .append("<meta name=\"SiteName\" content=\"").append(esc(name)).append("\">\n")
                .append("<meta name=\"SiteDomain\" content=\"").append(site.host()).append("\">\n")
                .append("<title>").append(esc(title)).append("_").append(esc(name)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n").append(headExtra).append("</head>\n<body>\n")
                .append("<div class=\"header\">").append(esc(name)).append("<small>").append(site.host()).append("</small></div>\n")
                .append("<div class=\"nav\"><ul>\n")
                .append("<li><a href=\"/\">首页</a></li>")
                .append("<li><a href=\"").append(urls.list(Column.NEWS, 0)).append("\">要闻动态</a></li>")
                .append("<li><a href=\"").append(urls.list(Column.NOTICE, 0)).append("\">通知公告</a></li>")
                .append("<li><a href=\"").append(urls.xxgk()).append("\">政府信息公开</a></li>")
                .append("<li><a href=\"").append(urls.list(Column.REPORTS, 0)).append("\">政府信息公开年报</a></li>")
                .append("<li><a href=\"/hdjl/index.html\">互动交流</a></li>\n</ul></div>\n")
                .append("<div class=\"wrap\">\n<div class=\"crumb\">当前位置：<a href=\"/\">首页</a>").append(crumb).append("</div>\n")
                .append(body)
                .append("\n</div>\n").append(footer(site, urls)).append("</body>\n</html>\n");
        return b.toString();
    }

    private static String footer(Site site, Urls urls) {
        String name = site.region().governmentName();
        StringBuilder f = new StringBuilder("<div class=\"footer\">");
        if (site.has(Hostile.EXTERNAL_LINKS)) {
            f.append("友情链接：<a href=\"").append(urls.outside("www.gov.cn", "/")).append("\">中国政府网</a>　<a href=\"")
                    .append(urls.outside("www.nx.gov.cn", "/")).append("\">宁夏回族自治区人民政府</a>　<a href=\"")
                    .append(urls.outside("www.beian.gov.cn", "/portal/registerSystemInfo?recordcode=64030202000101")).append("\">公安备案</a>　")
                    .append("<a href=\"https://bszs.conac.cn/sitename?method=show&amp;id=1A2B3C\">党政机关</a>　")
                    .append("<a href=\"http://www.baidu.com/\">百度</a><br>");
        }
        f.append("主办：").append(esc(name)).append("办公室　　版权所有：").append(esc(name))
                .append("<br>网站标识码：").append(6403000000L + site.index()).append("　宁ICP备05001234号-").append(site.index() + 1)
                .append("<br>建议使用1366×768分辨率 IE9.0以上版本浏览器</div>\n");
        return f.toString();
    }

    static String crumb(String href, String label) {
        return " &gt; <a href=\"" + href + "\">" + esc(label) + "</a>";
    }
}
