package org.nianbao.app.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /crawl}: the last runs (when, hosts, pages, new / changed / removed reports, errors, blocked hosts) and the next one. */
final class CrawlStatusPage {

    private CrawlStatusPage() {
    }

    static String render(List<CrawlRuns.Run> runs, boolean stateFound, Optional<Instant> next, Lang l) {
        StringBuilder b = Layout.open(l, l.t("抓取状态", "Crawl status") + " · nianbao", Layout.Section.CRAWL, "/crawl", null);
        b.append("<h1>").append(l.t("抓取状态", "Crawl status")).append("</h1><p id=\"next-run\">").append(l.t("下次运行：", "Next run: "));
        if (next.isPresent()) b.append("<strong>").append(ReportPage.TIME.format(next.get())).append("</strong>").append(l.t("（北京时间）", " (Beijing time)"));
        else b.append(l.t("未设定定期运行。可用 <code>nianbao serve --schedule weekly</code>，或以 cron / systemd 定时执行 <code>nianbao run</code>。",
                "not scheduled. Use <code>nianbao serve --schedule weekly</code>, or run <code>nianbao run</code> from cron / systemd."));
        b.append("</p>");
        if (!stateFound) {
            b.append("<p class=\"empty\">").append(l.t("数据目录中还没有抓取记录（state/crawl.sqlite）。", "No crawl has been recorded in this data folder yet (state/crawl.sqlite)."))
                    .append("</p>");
            return Layout.close(b, l);
        }
        b.append("<table class=\"list runs\" id=\"runs\"><thead><tr><th>").append(l.t("运行", "Run")).append("</th><th>").append(l.t("开始", "Started"))
                .append("</th><th>").append(l.t("结束", "Finished")).append("</th><th>").append(l.t("网站", "Hosts")).append("</th><th>")
                .append(l.t("请求", "Requests")).append("</th><th>").append(l.t("未变(304)", "Not modified")).append("</th><th>").append(l.t("字节", "Bytes"))
                .append("</th><th>").append(l.t("新增", "New")).append("</th><th>").append(l.t("改动", "Changed")).append("</th><th>")
                .append(l.t("撤下", "Removed")).append("</th><th>").append(l.t("错误", "Errors")).append("</th><th>").append(l.t("拒绝我们的网站", "Hosts that blocked us"))
                .append("</th></tr></thead><tbody>");
        for (CrawlRuns.Run r : runs) {
            b.append("<tr><td>#").append(r.id()).append("</td><td>").append(Html.esc(r.started())).append("</td><td>")
                    .append(r.finished() == null ? l.t("进行中或中断", "running or interrupted") : Html.esc(r.finished())).append("</td><td>").append(r.hosts())
                    .append("</td><td>").append(r.requests()).append("</td><td>").append(r.notModified()).append("</td><td>").append(ReportPage.size(r.bytes()))
                    .append("</td><td>").append(opt(r.newReports())).append("</td><td>").append(opt(r.changedReports())).append("</td><td>")
                    .append(opt(r.removedReports())).append("</td><td>").append(r.errors());
            r.errorKinds().forEach((kind, n) -> b.append("<div class=\"reason\">").append(Html.esc(kind)).append(": ").append(n).append("</div>"));
            b.append("</td><td>");
            for (CrawlRuns.BlockedHost h : r.blocked()) {
                b.append("<div class=\"blocked\">").append(Html.esc(h.host())).append(" <span class=\"reason\">(").append(Html.esc(h.state()))
                        .append(h.reason() == null ? "" : ": " + Html.esc(h.reason())).append(")</span></div>");
            }
            b.append("</td></tr>");
        }
        if (runs.isEmpty()) b.append("<tr><td colspan=\"12\">").append(l.t("尚无运行记录。", "No runs yet.")).append("</td></tr>");
        b.append("</tbody></table><p class=\"note\">").append(l.t("“新增 / 改动 / 撤下”来自每周运行记录（nianbao run）；单独执行抓取时显示为“—”。",
                "New / changed / removed come from the weekly run records (nianbao run); a bare crawl shows “—”.")).append("</p>");
        b.append("<p><a href=\"/feeds/changes.atom\">").append(l.t("改动订阅（Atom）", "Changes feed (Atom)")).append("</a> · <a href=\"/api/runs\">")
                .append(l.t("运行记录（JSON）", "Run records (JSON)")).append("</a></p>");
        return Layout.close(b, l);
    }

    private static String opt(Long v) {
        return v == null ? "—" : String.valueOf(v);
    }
}
