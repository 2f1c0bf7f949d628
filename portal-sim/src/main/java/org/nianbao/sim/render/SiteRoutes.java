package org.nianbao.sim.render;

import org.nianbao.sim.CmsStyle;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.corpus.Corpus;
import org.nianbao.sim.corpus.CorpusReport;
import org.nianbao.sim.http.Body;
import org.nianbao.sim.http.Reply;
import org.nianbao.sim.http.Route;
import org.nianbao.sim.http.SimRequest;
import org.nianbao.sim.model.Article;
import org.nianbao.sim.model.Attachment;
import org.nianbao.sim.model.DocForm;
import org.nianbao.sim.model.FarmState;
import org.nianbao.sim.model.Report;
import org.nianbao.sim.model.Site;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.nianbao.sim.render.Html.esc;

/** Builds a site's {@link SiteMap} and truth for one week. Pages are rendered when asked, not stored. */
public final class SiteRoutes {
    private static final Pattern CALENDAR = Pattern.compile("/hdjl/calendar/(\\d{4})-(\\d{2})\\.html");
    private static final Pattern ATTACH_DIV = Pattern.compile("<div class=\"attach\">.*?</div>", Pattern.DOTALL);
    private static final Charset GBK = Charset.forName("GBK");
    static final String SESSION = ";jsessionid=A1B2C3D4E5F60718293A4B5C6D7E8F90";

    private final Corpus corpus;
    private final FarmConfig config;
    private final TimeBase time;
    private final int port;

    public SiteRoutes(Corpus corpus, FarmConfig config, TimeBase time, int port) {
        this.corpus = corpus;
        this.config = config;
        this.time = time;
        this.port = port;
    }

    private String base(Site site) {
        return "http://" + site.host() + ":" + port;
    }

    public SiteBuild build(Site site, FarmState state) {
        Urls urls = new Urls(site, port);
        Map<String, Route> exact = new LinkedHashMap<>();
        Instant epoch = time.week(0);
        Charset cs = site.charset();
        boolean headerCharset = !site.gbk(); // GBK sites declare the charset only in <meta>
        List<Report> reports = state.visible(site.index());
        Instant listModified = time.week(lastListChange(site, state));

        // Ordinary columns and articles.
        List<ListItem> news = new ArrayList<>();
        List<ListItem> notices = new ArrayList<>();
        for (Article a : site.articles()) {
            Column col = a.notice() ? Column.NOTICE : Column.NEWS;
            String path = urls.detail(col, a.id(), a.date());
            (a.notice() ? notices : news).add(new ListItem(a.title(), path, a.date()));
            exact.put(path, req -> Reply.html(article(site, urls, col, a), cs, headerCharset, TimeBase.at(a.date())));
        }
        for (Column col : List.of(Column.NEWS, Column.NOTICE)) {
            List<ListItem> items = col == Column.NEWS ? news : notices;
            Listing.pages(site, urls, col, items).forEach((p, html) -> exact.put(p, req -> Reply.html(html, cs, headerCharset, epoch)));
        }

        // The report column and its detail pages and attachments.
        List<ListItem> reportItems = new ArrayList<>();
        List<FarmTruth.ReportTruth> truth = new ArrayList<>();
        List<URI> disallowed = new ArrayList<>();
        Map<Integer, List<URI>> urlsByReport = new LinkedHashMap<>();
        for (Report r : reports) {
            String page = r.disallowed() ? urls.disallowedDetail(r.id()) : urls.detail(Column.REPORTS, r.id(), r.published());
            reportItems.add(new ListItem(r.title(), page, r.published()));
            Map<Attachment, String> attachUrls = new LinkedHashMap<>();
            for (Attachment a : r.attachments()) attachUrls.put(a, urls.attachment(a, r.published()));
            Instant modified = r.lastChangedWeek() == 0 ? TimeBase.at(r.published()) : time.week(r.lastChangedWeek());
            exact.put(page, req -> Reply.html(r.inline() ? inlineReport(site, r, attachUrls) : attachmentPage(site, urls, r, attachUrls),
                    cs, headerCharset, modified));
            for (var e : attachUrls.entrySet()) exact.put(e.getValue(), attachmentRoute(site, r, e.getKey(), TimeBase.at(r.published())));
            List<URI> mine = new ArrayList<>();
            URI pageUri = URI.create(base(site) + page);
            if (r.disallowed()) {
                disallowed.add(pageUri);
            } else {
                Integer changed = r.editedWeek() < 0 ? null : r.editedWeek();
                if (r.inline()) {
                    truth.add(new FarmTruth.ReportTruth(pageUri, pageUri, site.host(), r.agency(), r.year(), "html", r.stem(),
                            r.variant(), r.addedWeek(), changed, site.gbk() ? List.of("gbk") : List.of()));
                    mine.add(pageUri);
                }
                for (var e : attachUrls.entrySet()) {
                    Attachment a = e.getKey();
                    List<String> flags = new ArrayList<>();
                    if (a.form() == DocForm.TRUNCATED_PDF) flags.add("truncated");
                    if (a.form() == DocForm.HUGE_PDF) flags.add("huge");
                    if (site.downloadServlet()) flags.add("download");
                    URI u = URI.create(base(site) + e.getValue());
                    truth.add(new FarmTruth.ReportTruth(u, pageUri, site.host(), r.agency(), r.year(), a.form().format,
                            a.stem(), r.variant(), r.addedWeek(), changed, List.copyOf(flags)));
                    mine.add(u);
                }
            }
            urlsByReport.put(r.id(), mine.isEmpty() ? List.of(pageUri) : List.copyOf(mine));
        }
        Listing.pages(site, urls, Column.REPORTS, reportItems)
                .forEach((p, html) -> exact.put(p, req -> Reply.html(html, cs, headerCharset, listModified)));

        // Home, 信息公开, 互动交流 and the hostile corners.
        exact.put("/", req -> Reply.html(home(site, urls, news, notices), cs, headerCharset, epoch));
        exact.put("/index.html", exact.get("/"));
        exact.put(urls.xxgk(), req -> Reply.html(xxgk(site, urls), cs, headerCharset, epoch));
        exact.put("/hdjl/index.html", req -> Reply.html(Chrome.page(site, urls, "互动交流", Chrome.crumb("/hdjl/index.html", "互动交流"),
                "<h2>互动交流</h2>\n<p>欢迎通过领导信箱、在线访谈、调查征集等渠道参与政务互动。</p>\n" + hostileLinks(site, urls), ""), cs, headerCharset, epoch));
        if (site.style() == CmsStyle.HANWEB) {
            byte[] jpage = Static.JPAGE;
            exact.put("/module/jslib/jquery/jpage/jquery.page.min.js", req -> Reply.bytes(200, "application/javascript", jpage, epoch));
        }
        List<FarmTruth.TrapTruth> traps = new ArrayList<>();
        addHostileRoutes(site, urls, exact, cs, headerCharset, epoch, disallowed, traps);

        String robots = robotsTxt(site);
        Route patterns = req -> patternRoute(site, urls, req, reportItems, news, notices, cs, headerCharset, listModified, epoch);
        Route notFound = req -> Reply.html(Chrome.page(site, urls, "页面不存在", "", "<h2>404 页面不存在</h2><p>您访问的页面不存在或已被删除。</p>", ""),
                cs, headerCharset, epoch).withStatus(404);
        FarmTruth.HostTruth host = new FarmTruth.HostTruth(site.host(), URI.create(base(site) + "/"),
                URI.create(base(site) + urls.list(Column.REPORTS, 0)), site.region().name(), site.region().province(), site.style(),
                site.gbk() ? "GBK" : "UTF-8", site.features().stream().sorted().toList(),
                site.has(Hostile.CRAWL_DELAY) ? config.crawlDelaySeconds() : null, site.has(Hostile.ANTI_BOT));
        if (site.has(Hostile.ANTI_BOT)) truth.clear();
        return new SiteBuild(new SiteMap(Map.copyOf(exact), patterns, notFound, robots), host, List.copyOf(truth),
                List.copyOf(disallowed), List.copyOf(traps), urlsByReport);
    }

    private static int lastListChange(Site site, FarmState state) {
        int w = 0;
        for (Report r : state.reports()) {
            if (r.site() != site.index()) continue;
            if (r.addedWeek() <= state.week()) w = Math.max(w, r.addedWeek());
            if (r.removedWeek() >= 0 && r.removedWeek() <= state.week()) w = Math.max(w, r.removedWeek());
        }
        return w;
    }

    // ---- robots.txt ----

    String robotsTxt(Site site) {
        StringBuilder b = new StringBuilder("# robots.txt for ").append(site.host()).append('\n')
                .append("User-agent: Baiduspider\nAllow: /\n\n")
                .append("User-agent: *\nDisallow: /manage/\nDisallow: /wcm/\n");
        if (site.has(Hostile.ROBOTS_DISALLOW)) b.append("Disallow: ").append(Urls.DISALLOWED_REPORTS).append('\n')
                .append("Disallow: ").append(Urls.SEARCH).append('\n');
        if (site.has(Hostile.CRAWL_DELAY)) b.append("Crawl-delay: ").append(config.crawlDelaySeconds()).append('\n');
        return b.toString();
    }

    /** The path prefixes robots.txt disallows for user-agent *. */
    public static List<String> disallowedPrefixes(String robotsTxt) {
        List<String> out = new ArrayList<>();
        boolean star = false;
        for (String line : robotsTxt.lines().toList()) {
            String l = line.strip();
            if (l.regionMatches(true, 0, "User-agent:", 0, 11)) star = l.substring(11).strip().equals("*");
            else if (star && l.regionMatches(true, 0, "Disallow:", 0, 9) && !l.substring(9).isBlank()) out.add(l.substring(9).strip());
        }
        return List.copyOf(out);
    }

    // ---- pages ----

    private String home(Site site, Urls urls, List<ListItem> news, List<ListItem> notices) {
        boolean sid = site.has(Hostile.SESSION_IDS);
        StringBuilder b = new StringBuilder();
        b.append(box("要闻动态", urls.list(Column.NEWS, 0), news, sid));
        b.append(box("通知公告", urls.list(Column.NOTICE, 0), notices, sid));
        b.append("<div class=\"box\"><h3>政务公开</h3><ul>")
                .append("<li><a href=\"").append(urls.xxgk()).append("\">政府信息公开</a></li>")
                .append("<li><a href=\"").append(urls.list(Column.REPORTS, 0)).append(sid ? "?sid=7f3e9a2b" : "").append("\">政府信息公开年报</a></li>")
                .append("<li><a href=\"/xxgk/zn.html\">政府信息公开指南</a></li></ul></div>\n");
        b.append("<div class=\"box\"><h3>互动交流</h3><ul><li><a href=\"/hdjl/index.html\">互动交流</a></li></ul>")
                .append(hostileLinks(site, urls)).append("</div>\n");
        return Chrome.page(site, urls, "首页", "", b.toString(), "");
    }

    private static String box(String title, String more, List<ListItem> items, boolean sid) {
        StringBuilder b = new StringBuilder("<div class=\"box\"><h3>").append(title).append(" <a href=\"").append(more)
                .append("\" style=\"float:right;font-size:12px\">更多&gt;&gt;</a></h3><ul class=\"list\">");
        for (ListItem i : items.subList(0, Math.min(6, items.size()))) {
            b.append("<li><a href=\"").append(i.href()).append(sid ? SESSION : "").append("\">").append(esc(i.title()))
                    .append("</a><span>").append(i.date()).append("</span></li>");
        }
        return b.append("</ul></div>\n").toString();
    }

    private String xxgk(Site site, Urls urls) {
        String body = "<h2>政府信息公开</h2>\n<div class=\"list\"><ul>\n"
                + "<li><a href=\"/xxgk/zn.html\">政府信息公开指南</a></li>\n"
                + "<li><a href=\"" + urls.list(Column.REPORTS, 0) + "\">政府信息公开年报</a></li>\n"
                + "<li><a href=\"/xxgk/zd.html\">政府信息公开制度</a></li>\n</ul></div>\n" + hostileLinks(site, urls);
        return Chrome.page(site, urls, "政府信息公开", Chrome.crumb(urls.xxgk(), "政府信息公开"), body, "");
    }

    /** Links into the host's hostile corners, placed where ordinary pages would link them. */
    private static String hostileLinks(Site site, Urls urls) {
        StringBuilder b = new StringBuilder("<ul class=\"links\">");
        if (site.has(Hostile.ROBOTS_DISALLOW)) b.append("<li><a href=\"").append(Urls.SEARCH).append("?searchword=")
                .append(URLEncoder.encode("年度报告", StandardCharsets.UTF_8)).append("\">站内搜索</a></li>")
                .append("<li><a href=\"").append(Urls.DISALLOWED_REPORTS).append("notice.html\">内部通知</a></li>");
        if (site.has(Hostile.REDIRECTS)) b.append("<li><a href=\"/go/3/xxgk\">旧版信息公开</a></li><li><a href=\"")
                .append(Urls.LOOP).append("a.html\">旧版网站</a></li>");
        if (site.has(Hostile.BROKEN_LINKS)) for (int i = 1; i <= 3; i++) b.append("<li><a href=\"/xwzx/old/").append(1000 + i)
                .append(".html\">往期回顾").append(i).append("</a></li>");
        if (site.has(Hostile.CALENDAR_TRAP)) b.append("<li><a href=\"").append(Urls.CALENDAR).append("2024-12.html\">活动日历</a></li>");
        if (site.has(Hostile.SLOW_RESPONSE)) b.append("<li><a href=\"/hdjl/zxft.html\">在线访谈</a></li>");
        if (site.has(Hostile.TRICKLE)) b.append("<li><a href=\"/hdjl/dczj.html\">调查征集</a></li>");
        if (site.has(Hostile.SESSION_IDS)) b.append("<li><a href=\"").append(urls.xxgk()).append(SESSION).append("\">信息公开目录</a></li>");
        return b.append("</ul>\n").toString();
    }

    private String article(Site site, Urls urls, Column col, Article a) {
        String body = "<h1 class=\"article-title\">" + esc(a.title()) + "</h1>\n<div class=\"article-info\">发布时间：" + a.date()
                + "　来源：" + esc(site.region().governmentName()) + "办公室</div>\n<div class=\"article-content\">\n"
                + "<p style=\"text-indent:2em;\">" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日，"
                + esc(a.title()) + "。会议强调，要坚持以人民为中心，扎实做好各项工作，确保各项任务落到实处。</p>\n"
                + "<p style=\"text-indent:2em;\">各部门要进一步提高思想认识，压实工作责任，加强协调配合，推动工作取得实效。</p>\n</div>\n";
        return Chrome.page(site, urls, a.title(), Chrome.crumb(urls.list(col, 0), col.label), body, "");
    }

    /** A report shown inline: the corpus page, rewritten for a variant, with this portal's attachment links. */
    String inlineReport(Site site, Report r, Map<Attachment, String> attachUrls) {
        CorpusReport c = corpus.get(r.stem());
        String html = site.gbk() ? new String(c.file("report.gbk.html"), GBK) : new String(c.file("report.utf8.html"), StandardCharsets.UTF_8);
        if (r.variant()) html = rewrite(html, c, site, r);
        StringBuilder att = new StringBuilder();
        for (var e : attachUrls.entrySet()) {
            att.append(att.isEmpty() ? "<div class=\"attach\">附件：" : "　").append("<a href=\"").append(e.getValue()).append("\">")
                    .append(esc(e.getKey().displayName())).append("</a>");
        }
        if (!att.isEmpty()) att.append("</div>");
        html = ATTACH_DIV.matcher(html).replaceFirst(Matcher.quoteReplacement(att.toString()));
        if (r.edits() > 0) {
            LocalDate d = LocalDate.ofInstant(time.week(r.editedWeek()), TimeBase.BEIJING);
            html = html.replace("<div class=\"article-content\" id=\"zoom\">", "<div class=\"article-content\" id=\"zoom\">\n"
                    + "<p style=\"text-indent:2em;\">（更新说明：本报告于" + d + "更正了部分表述，第" + r.edits() + "次修订。）</p>");
        }
        return html;
    }

    private static String rewrite(String html, CorpusReport c, Site site, Report r) {
        int y = c.year();
        String region = c.county() != null ? c.county() : c.city();
        String s = html.replace(c.title(), "\u0001T").replace(c.agency(), "\u0001A").replace(c.siteName(), "\u0001S")
                .replace(c.portalUrl(), "\u0001U").replace(region, "\u0001R").replace(c.city(), "\u0001C")
                .replace(y + "年", "\u0001Y").replace((y - 1) + "年", "\u0001P");
        s = s.replaceAll((y + 1) + "-\\d\\d-\\d\\d", r.published().toString());
        return s.replace("\u0001T", r.title()).replace("\u0001A", r.agency()).replace("\u0001S", site.region().governmentName())
                .replace("\u0001U", "http://" + site.host() + "/").replace("\u0001R", site.region().name())
                .replace("\u0001C", site.region().city()).replace("\u0001Y", r.year() + "年").replace("\u0001P", (r.year() - 1) + "年");
    }

    private String attachmentPage(Site site, Urls urls, Report r, Map<Attachment, String> attachUrls) {
        StringBuilder b = new StringBuilder("<h1 class=\"article-title\">").append(esc(r.title())).append("</h1>\n")
                .append("<div class=\"article-info\">发布时间：").append(r.published()).append("　来源：").append(esc(r.agency())).append("</div>\n")
                .append("<div class=\"article-content\"><p style=\"text-indent:2em;\">根据《中华人民共和国政府信息公开条例》要求，现将")
                .append(esc(r.agency())).append(r.year()).append("年政府信息公开工作年度报告予以公布，全文详见附件。</p></div>\n")
                .append("<div class=\"attach\">附件：");
        for (var e : attachUrls.entrySet()) b.append("<a href=\"").append(e.getValue()).append("\">").append(esc(e.getKey().displayName())).append("</a>　");
        b.append("</div>\n");
        return Chrome.page(site, urls, r.title(), Chrome.crumb(urls.xxgk(), "政府信息公开") + Chrome.crumb(urls.list(Column.REPORTS, 0), Column.REPORTS.label),
                b.toString(), "");
    }

    private Route attachmentRoute(Site site, Report r, Attachment a, Instant modified) {
        String disposition = switch (site.style()) {
            case HANWEB -> "attachment; filename=\"" + a.id() + "." + a.form().ext + "\"; filename*=UTF-8''"
                    + URLEncoder.encode(a.displayName(), StandardCharsets.UTF_8).replace("+", "%20");
            case JS_LINKS -> "attachment; filename=\"" + a.id() + "." + a.form().ext + "\"";
            default -> null;
        };
        return req -> {
            Reply reply = switch (a.form()) {
                case HUGE_PDF -> new Reply(200, a.form().contentType, Map.of(), new Body.GeneratedPdf(config.hugeBytes(), config.seed() + a.id()),
                        "\"huge-" + a.id() + "-" + config.hugeBytes() + "\"", modified, 0);
                case TRUNCATED_PDF -> {
                    byte[] full = corpus.get(a.stem()).file(a.form().corpusFile());
                    yield Reply.bytes(200, a.form().contentType, java.util.Arrays.copyOf(full, full.length * 11 / 20), modified);
                }
                default -> Reply.bytes(200, a.form().contentType, corpus.get(a.stem()).file(a.form().corpusFile()), modified);
            };
            return disposition == null ? reply : reply.withHeader("Content-Disposition", disposition);
        };
    }

    // ---- hostile corners ----

    private void addHostileRoutes(Site site, Urls urls, Map<String, Route> exact, Charset cs, boolean hc, Instant epoch,
                                  List<URI> disallowed, List<FarmTruth.TrapTruth> traps) {
        exact.put("/xxgk/zn.html", req -> Reply.html(Chrome.page(site, urls, "政府信息公开指南", Chrome.crumb(urls.xxgk(), "政府信息公开"),
                "<h2>政府信息公开指南</h2><p>为了更好地提供政府信息公开服务，特编制本指南。</p>", ""), cs, hc, epoch));
        exact.put("/xxgk/zd.html", req -> Reply.html(Chrome.page(site, urls, "政府信息公开制度", Chrome.crumb(urls.xxgk(), "政府信息公开"),
                "<h2>政府信息公开制度</h2><p>包括政府信息公开保密审查、发布协调、考核评议等制度。</p>", ""), cs, hc, epoch));
        if (site.has(Hostile.ROBOTS_DISALLOW)) {
            String search = Urls.SEARCH + "?searchword=" + URLEncoder.encode("年度报告", StandardCharsets.UTF_8);
            exact.put(Urls.SEARCH, req -> Reply.html(Chrome.page(site, urls, "站内搜索", "", "<h2>搜索结果</h2><p>共找到 0 条结果。</p>", ""), cs, hc, epoch));
            exact.put(Urls.DISALLOWED_REPORTS + "notice.html", req -> Reply.html(Chrome.page(site, urls, "内部通知", "", "<p>内部通知，仅限内网访问。</p>", ""), cs, hc, epoch));
            disallowed.add(URI.create(base(site) + search));
            disallowed.add(URI.create(base(site) + Urls.DISALLOWED_REPORTS + "notice.html"));
        }
        if (site.has(Hostile.REDIRECTS)) {
            exact.put("/go/3/xxgk", req -> Reply.redirect(302, "/go/2/xxgk", epoch));
            exact.put("/go/2/xxgk", req -> Reply.redirect(301, "/go/1/xxgk", epoch));
            exact.put("/go/1/xxgk", req -> Reply.redirect(302, urls.xxgk(), epoch));
            exact.put(Urls.LOOP + "a.html", req -> Reply.redirect(302, Urls.LOOP + "b.html", epoch));
            exact.put(Urls.LOOP + "b.html", req -> Reply.redirect(302, Urls.LOOP + "a.html", epoch));
            traps.add(new FarmTruth.TrapTruth("redirect-loop", site.host(), URI.create(base(site) + Urls.LOOP + "a.html"), base(site) + Urls.LOOP));
        }
        if (site.has(Hostile.CALENDAR_TRAP)) {
            traps.add(new FarmTruth.TrapTruth("calendar", site.host(), URI.create(base(site) + Urls.CALENDAR + "2024-12.html"), base(site) + Urls.CALENDAR));
        }
        if (site.has(Hostile.SLOW_RESPONSE)) {
            exact.put("/hdjl/zxft.html", req -> Reply.html(Chrome.page(site, urls, "在线访谈", "", "<h2>在线访谈</h2><p>本期访谈嘉宾：政务公开办负责人。</p>", ""), cs, hc, epoch)
                    .withDelay(config.slowness().toMillis()));
        }
        if (site.has(Hostile.TRICKLE)) {
            exact.put("/hdjl/dczj.html", req -> {
                Reply r = Reply.html(Chrome.page(site, urls, "调查征集", "", "<h2>调查征集</h2><p>欢迎参与网上调查。</p>", ""), cs, hc, epoch);
                return r.withBody(new Body.Trickle(((Body.Bytes) r.body()).data(), config.slowness(), 50));
            });
        }
    }

    private Reply patternRoute(Site site, Urls urls, SimRequest req, List<ListItem> reports, List<ListItem> news, List<ListItem> notices,
                               Charset cs, boolean hc, Instant listModified, Instant epoch) {
        if (site.style() == CmsStyle.HANWEB && req.path().equals(Urls.DATAPROXY)) {
            int start = intParam(req, "startrecord", 1);
            int per = intParam(req, "perpage", urls.perPage());
            int end = intParam(req, "endrecord", start + per - 1);
            int col = intParam(req, "columnid", urls.columnId(Column.REPORTS));
            List<ListItem> items = col == urls.columnId(Column.NEWS) ? news : col == urls.columnId(Column.NOTICE) ? notices : reports;
            return Reply.bytes(200, "text/xml;charset=UTF-8", Listing.dataproxy(items, start, end).getBytes(StandardCharsets.UTF_8),
                    items == reports ? listModified : epoch);
        }
        if (site.has(Hostile.CALENDAR_TRAP)) {
            Matcher m = CALENDAR.matcher(req.path());
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                int mo = Integer.parseInt(m.group(2));
                if (mo >= 1 && mo <= 12) {
                    LocalDate d = LocalDate.of(y, mo, 1);
                    String prev = Urls.CALENDAR + d.minusMonths(1).toString().substring(0, 7) + ".html";
                    String next = Urls.CALENDAR + d.plusMonths(1).toString().substring(0, 7) + ".html";
                    String body = "<h2>活动日历 " + y + "年" + mo + "月</h2><p>本月暂无活动安排。</p><div class=\"page\"><a href=\"" + prev
                            + "\">上个月</a> <a href=\"" + next + "\">下个月</a></div>";
                    return Reply.html(Chrome.page(site, urls, "活动日历", Chrome.crumb("/hdjl/index.html", "互动交流"), body, ""), cs, hc, epoch);
                }
            }
        }
        return null;
    }

    private static int intParam(SimRequest req, String name, int dflt) {
        String v = req.param(name);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
