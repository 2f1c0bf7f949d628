package org.nianbao.sim.render;

import org.nianbao.sim.model.Attachment;
import org.nianbao.sim.model.Site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Where each CMS style puts its lists, detail pages and files. All paths are root-relative. */
public final class Urls {
    private static final DateTimeFormatter YM = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** robots.txt of the ROBOTS_DISALLOW host forbids these prefixes. */
    public static final String DISALLOWED_REPORTS = "/internal/";
    public static final String SEARCH = "/search";
    public static final String CALENDAR = "/hdjl/calendar/";
    public static final String LOOP = "/loop/";
    public static final String DATAPROXY = "/module/web/jpage/dataproxy.jsp";

    private final Site site;
    private final int port;

    Urls(Site site, int port) {
        this.site = site;
        this.port = port;
    }

    /** A link to a government site outside the farm. It carries the farm's port, so a crawler that wrongly
     *  follows it (with *.gov.cn mapped to loopback) reaches the farm and is counted in outsideHosts. */
    String outside(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    String dir(Column c) {
        return switch (site.style()) {
            case TRS -> switch (c) { case NEWS -> "/xwzx/zwdt/"; case NOTICE -> "/xwzx/tzgg/"; case REPORTS -> "/xxgk/xxgknb/"; };
            case HANWEB -> "/col/col" + columnId(c) + "/";
            case PAGED_GBK -> switch (c) { case NEWS -> "/xwdt/"; case NOTICE -> "/tzgg/"; case REPORTS -> "/zfxxgk/ndbg/"; };
            case JS_LINKS -> switch (c) { case NEWS -> "/zwdt/"; case NOTICE -> "/tzgg/"; case REPORTS -> "/zwgk/nbzl/"; };
            case SIMPLE -> switch (c) { case NEWS -> "/xwzx/"; case NOTICE -> "/tzgg/"; case REPORTS -> "/zwgk/ndbg/"; };
        };
    }

    int columnId(Column c) {
        return site.columnId() + c.idOffset;
    }

    /** The list page {@code page} (0-based) of a column. */
    String list(Column c, int page) {
        String d = dir(c);
        return switch (site.style()) {
            case TRS -> d + (page == 0 ? "index.shtml" : "index_" + page + ".shtml");
            case HANWEB -> d + "index.html"; // later pages only through dataproxy.jsp
            case PAGED_GBK -> d + "list.jsp" + (page == 0 ? "" : "?page=" + (page + 1));
            case JS_LINKS -> d + (page == 0 ? "list.html" : "list_" + (page + 1) + ".html");
            case SIMPLE -> d;
        };
    }

    int perPage() {
        return switch (site.style()) {
            case TRS, HANWEB -> 15;
            case PAGED_GBK, JS_LINKS -> 10;
            case SIMPLE -> Integer.MAX_VALUE;
        };
    }

    /** A detail page in a column. */
    String detail(Column c, int id, LocalDate date) {
        String d = dir(c);
        return switch (site.style()) {
            case TRS -> d + date.format(YM) + "/t" + date.format(YMD) + "_" + id + ".shtml";
            case HANWEB -> "/art/" + date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth() + "/art_" + columnId(c) + "_" + id + ".html";
            case PAGED_GBK -> d + "content_" + id + ".htm";
            case JS_LINKS, SIMPLE -> d + id + ".html";
        };
    }

    String disallowedDetail(int id) {
        return DISALLOWED_REPORTS + "nb/" + id + ".html";
    }

    /** Where an attachment is served. */
    String attachment(Attachment a, LocalDate date) {
        if (site.downloadServlet()) return "/download?id=" + a.id();
        return switch (site.style()) {
            case TRS -> dir(Column.REPORTS) + date.format(YM) + "/P0" + date.format(YMD) + a.id() + "." + a.form().ext;
            case PAGED_GBK -> "/uploadfiles/" + date.format(YM) + "/" + a.id() + "." + a.form().ext;
            default -> dir(Column.REPORTS) + "files/" + a.id() + "." + a.form().ext;
        };
    }

    String xxgk() {
        return switch (site.style()) {
            case TRS -> "/xxgk/index.shtml";
            case HANWEB -> "/col/col" + (site.columnId() + 3) + "/index.html";
            case PAGED_GBK -> "/zfxxgk/index.htm";
            case JS_LINKS, SIMPLE -> "/zwgk/index.html";
        };
    }
}
