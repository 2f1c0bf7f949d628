package org.nianbao.app.web;

import com.github.difflib.text.DiffRow;
import org.nianbao.archive.Capture;
import org.nianbao.archive.history.HistoryEntry;
import org.nianbao.archive.history.VersionHistory;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One report ({@code GET /reports/{id}}): metadata, the three tables as in the official template with failing
 * checks and their arithmetic, every original with a download of the archived bytes and its SHA-256, each
 * original's capture history, a side-by-side diff for every change after publication, and the full text.
 */
final class ReportPage {

    private static final Logger log = LoggerFactory.getLogger(ReportPage.class);
    /** Changes shown per URL (newest first); older ones stay in the history table. */
    private static final int DIFFS_PER_URL = 3;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.of("Asia/Shanghai"));

    private final ArchiveReader archive;
    private final VersionTexts texts;

    ReportPage(ArchiveReader archive, VersionTexts texts) {
        this.archive = archive;
        this.texts = texts;
    }

    String render(ReportRecord r, Lang l) {
        ParsedReport p = r.parsed();
        String title = p.title() == null || p.title().isBlank() ? r.id() : p.title();
        StringBuilder b = Layout.open(l, title + " · nianbao", Layout.Section.OTHER, "/reports/" + Html.pathEncode(r.id()), "");
        b.append("<article class=\"report\"><h1 id=\"title\">").append(Html.esc(title)).append("</h1>");
        metadata(b, l, r);
        checks(b, l, p);
        b.append("<section class=\"tables\" id=\"tables\">");
        ReportTables.table2(b, l, p);
        ReportTables.table3(b, l, p, ReportTables.rowsOfFailedChecks(p));
        ReportTables.table4(b, l, p, ReportTables.table4Fails(p));
        if ((p.table3() == null || p.table3().isEmpty()) && (p.table4() == null || p.table4().isEmpty())) {
            b.append("<p>").append(l.t("未能从原件中读出统计表格。", "No statistical tables could be read from the originals.")).append("</p>");
        }
        b.append("</section>");
        originals(b, l, r);
        history(b, l, r);
        b.append("<section id=\"fulltext\"><h2>").append(l.t("全文", "Full text")).append("</h2><div class=\"fulltext\">")
                .append(Html.esc(r.text())).append("</div></section>");
        b.append("<p class=\"api\"><a href=\"/api/reports/").append(Html.esc(Html.pathEncode(r.id()))).append("\">JSON</a></p></article>");
        return Layout.close(b, l);
    }

    private static void metadata(StringBuilder b, Lang l, ReportRecord r) {
        ParsedReport p = r.parsed();
        List<String> region = new ArrayList<>();
        for (String s : new String[] {p.regionProvince(), p.regionCity(), p.regionCounty()}) if (s != null && !s.isBlank()) region.add(s);
        b.append("<dl class=\"metadata\" id=\"metadata\">");
        meta(b, l.t("发布机关", "Agency"), Html.esc(p.agency()));
        meta(b, l.t("机关类型", "Agency kind"), Html.esc(l.value("agency_kind", p.agencyKind())));
        meta(b, l.t("行政层级", "Level"), Html.esc(l.value("admin_level", p.adminLevel())));
        meta(b, l.t("地区", "Region"), Html.esc(String.join(" / ", region)) + (p.divisionCode() == null ? "" : " <span class=\"code\">(" + Html.esc(p.divisionCode()) + ")</span>"));
        meta(b, l.t("报告年度", "Year"), Html.esc(p.reportYear()));
        meta(b, l.t("表格模板", "Template"), Html.esc(l.value("template", p.template())));
        meta(b, l.t("收录状态", "Status"), Html.esc(l.value("status", r.status())));
        if (p.portalUrl() != null) {
            meta(b, l.t("门户网站", "Portal"), Html.isWebUrl(p.portalUrl())
                    ? "<a rel=\"noreferrer noopener\" href=\"" + Html.esc(p.portalUrl()) + "\">" + Html.esc(p.portalUrl()) + "</a>" : Html.esc(p.portalUrl()));
        }
        meta(b, l.t("编号", "Id"), "<code>" + Html.esc(r.id()) + "</code>");
        b.append("</dl>");
    }

    private static void meta(StringBuilder b, String label, String html) {
        b.append("<div><dt>").append(label).append("</dt><dd>").append(html).append("</dd></div>");
    }

    private static void checks(StringBuilder b, Lang l, ParsedReport p) {
        if (p.checks() == null || p.checks().isEmpty()) return;
        List<ParsedReport.Check> failed = p.checks().stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            b.append("<section class=\"checks fail\" id=\"failed-checks\"><h2>⚠ ").append(l.t("表格勾稽关系不符", "The tables' own arithmetic does not add up"))
                    .append("</h2><p>").append(l.t("以下等式按年报印刷的数字计算（空格按0计），不成立；数字未作任何更正。",
                            "Computed from the printed figures (blank cells as 0); the figures are shown as printed, never corrected.")).append("</p><ul>");
            for (ParsedReport.Check c : failed) {
                b.append("<li><strong>").append(Html.esc(checkLabel(l, c.name()))).append("</strong><br><code class=\"arith\">")
                        .append(Html.esc(c.detail())).append("</code></li>");
            }
            b.append("</ul></section>");
        }
        b.append("<details class=\"checks\"><summary>").append(l.t("全部勾稽校验", "All table checks")).append(" (")
                .append(p.checks().size() - failed.size()).append('/').append(p.checks().size()).append(l.t(" 项成立", " hold")).append(")</summary><ul>");
        for (ParsedReport.Check c : p.checks()) {
            b.append("<li class=\"").append(c.holds() ? "ok" : "bad").append("\">").append(c.holds() ? "✓ " : "✗ ")
                    .append(Html.esc(checkLabel(l, c.name()))).append(": <code>").append(Html.esc(c.detail())).append("</code></li>");
        }
        b.append("</ul></details>");
    }

    static String checkLabel(Lang l, String name) {
        if (name == null) return "";
        return switch (name) {
            case "table3_balance_总计_column" -> l.t("总计列：新收＋上年结转＝办理结果总计＋结转下年度", "总计 column: received + carried over = handled + carried forward");
            case "table3_balance_every_column" -> l.t("各申请人列：新收＋上年结转＝办理结果总计＋结转下年度", "every applicant column balances");
            case "table3_result_rows_sum_to_总计_row" -> l.t("各办理结果之和＝（七）总计", "the result rows sum to the 总计 row");
            case "table3_rows_sum_to_总计_column" -> l.t("各行：自然人＋法人或其他组织＝总计", "each row: natural persons + organisations = total");
            case "table4_blocks_sum_to_总计" -> l.t("表四：维持＋纠正＋其他＋尚未审结＝总计", "table 4: each block sums to its total");
            default -> name;
        };
    }

    private static void originals(StringBuilder b, Lang l, ReportRecord r) {
        b.append("<section id=\"originals\"><h2>").append(l.t("原件", "Originals")).append("</h2>");
        if (r.originals().isEmpty()) {
            b.append("<p>").append(l.t("该年报没有归档原件。", "No archived original.")).append("</p></section>");
            return;
        }
        b.append("<table class=\"list originals\"><thead><tr><th>").append(l.t("格式", "Format")).append("</th><th>URL</th><th>")
                .append(l.t("抓取时间", "Captured")).append("</th><th>SHA-256</th><th>").append(l.t("大小", "Size")).append("</th><th></th></tr></thead><tbody>");
        for (Original o : r.originals()) {
            b.append("<tr><td>").append(Html.esc(o.format())).append("</td><td class=\"url\">").append(Html.esc(o.url())).append("</td><td>")
                    .append(o.captureTime() == null ? "" : TIME.format(o.captureTime())).append("</td><td><code class=\"sha256\">")
                    .append(Html.esc(o.sha256())).append("</code></td><td>").append(size(o.size())).append("</td><td><a class=\"download\" href=\"/originals/")
                    .append(o.captureId()).append("\" data-sha256=\"").append(Html.esc(o.sha256())).append("\" download>")
                    .append(l.t("下载原件", "Download")).append("</a></td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    private void history(StringBuilder b, Lang l, ReportRecord r) {
        Set<String> urls = new LinkedHashSet<>();
        for (Original o : r.originals()) urls.add(o.url());
        b.append("<section id=\"history\"><h2>").append(l.t("抓取历史", "Capture history")).append("</h2>");
        if (!archive.available()) {
            b.append("<p>").append(l.t("本服务未连接归档，无法显示抓取历史。", "No archive attached: history unavailable.")).append("</p></section>");
            return;
        }
        for (String url : urls) {
            List<HistoryEntry> entries;
            try {
                entries = VersionHistory.of(archive.history(url));
            } catch (IOException | RuntimeException e) {
                log.warn("history of {}: {}", url, e.toString());
                b.append("<p class=\"error\">").append(Html.esc(url)).append(": ").append(l.t("无法读取抓取历史", "cannot read the history")).append("</p>");
                continue;
            }
            b.append("<h3 class=\"url\">").append(Html.esc(url)).append("</h3><table class=\"list history\"><thead><tr><th>")
                    .append(l.t("抓取时间", "Captured")).append("</th><th>HTTP</th><th>").append(l.t("变化", "Change")).append("</th><th>SHA-256</th><th>")
                    .append(l.t("大小", "Size")).append("</th><th></th></tr></thead><tbody>");
            for (HistoryEntry e : entries) {
                Capture c = e.capture();
                b.append("<tr class=\"").append(e.change().name().toLowerCase(Locale.ROOT)).append("\"><td>").append(TIME.format(c.time()))
                        .append("</td><td>").append(c.status()).append("</td><td>").append(changeLabel(l, e.change())).append("</td><td><code>")
                        .append(Html.esc(c.sha256())).append("</code></td><td>").append(size(c.length())).append("</td><td>");
                if (OriginalDownload.hasContent(c)) b.append("<a href=\"/originals/").append(c.id()).append("\" download>").append(l.t("下载", "download")).append("</a>");
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
            diffs(b, l, entries);
        }
        b.append("</section>");
    }

    /** A side-by-side diff for each change of a URL's content after its first version (newest first). */
    private void diffs(StringBuilder b, Lang l, List<HistoryEntry> entries) {
        List<Capture[]> pairs = new ArrayList<>();
        Capture previous = null;
        for (HistoryEntry e : entries) {
            if (!e.changed() || !OriginalDownload.hasContent(e.capture())) continue;
            if (previous != null && e.change() == HistoryEntry.Change.CHANGED) pairs.add(new Capture[] {previous, e.capture()});
            previous = e.capture();
        }
        for (int i = pairs.size() - 1; i >= 0 && i >= pairs.size() - DIFFS_PER_URL; i--) {
            Capture before = pairs.get(i)[0], after = pairs.get(i)[1];
            b.append("<div class=\"version-diff\"><h4>").append(l.t("版本对比", "Versions compared")).append("：")
                    .append(TIME.format(before.time())).append(" → ").append(TIME.format(after.time())).append("</h4>");
            try {
                List<DiffRow> rows = SideBySideDiff.rows(texts.text(before), texts.text(after));
                if (rows.isEmpty()) b.append("<p>").append(l.t("文件字节不同，但提取出的文字相同。", "The bytes differ but the text reads the same.")).append("</p>");
                else SideBySideDiff.render(b, l, rows, l.t("旧版 ", "before ") + TIME.format(before.time()), l.t("新版 ", "after ") + TIME.format(after.time()));
            } catch (IOException | RuntimeException ex) {
                log.warn("diff of capture {} and {}: {}", before.id(), after.id(), ex.toString());
                b.append("<p class=\"error\">").append(l.t("无法读取这两个版本的文字。", "Cannot read the text of these versions.")).append("</p>");
            }
            b.append("</div>");
        }
    }

    private static String changeLabel(Lang l, HistoryEntry.Change c) {
        return switch (c) {
            case NEW -> l.t("首次收录", "first version");
            case CHANGED -> "<strong class=\"changed\">" + l.t("内容有改动", "changed") + "</strong>";
            case UNCHANGED -> l.t("未变", "unchanged");
            case GONE -> "<strong class=\"gone\">" + l.t("已撤下", "gone") + "</strong>";
            case OTHER -> l.t("其他", "other");
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
