package org.nianbao.sim;

import java.net.URI;
import java.util.List;

/**
 * What a correct crawler should find this week: the oracle crawler tests assert against
 * (also served as JSON at {@code /__sim/truth}).
 *
 * @param week           the farm's week, 0 at start
 * @param hosts          every virtual portal
 * @param reports        every report document reachable this week by a crawler that obeys robots.txt
 * @param disallowedUrls URLs that pages link to but robots.txt disallows (a crawler must not fetch them)
 * @param traps          URL spaces that never end or never resolve (a crawler must bound its visits)
 * @param changes        what the last {@link PortalFarm#advanceWeek()} changed (empty in week 0)
 */
public record FarmTruth(int week, List<HostTruth> hosts, List<ReportTruth> reports, List<URI> disallowedUrls,
                        List<TrapTruth> traps, WeekChanges changes) {

    /**
     * One virtual portal.
     *
     * @param host            host name, e.g. {@code www.sim-wuzhong.gov.cn}
     * @param seedUrl         its home page
     * @param reportColumnUrl first page of its 政府信息公开年报 column
     * @param unit            the government the portal belongs to, e.g. 吴忠市
     * @param province        province of that government
     * @param cms             the CMS style of its pages
     * @param charset         charset of its HTML pages
     * @param features        hostile features placed on this host
     * @param crawlDelaySeconds Crawl-delay its robots.txt asks for, or null
     * @param blocksCrawlers  true when every page answers an anti-bot challenge (its reports are not in {@link #reports()})
     */
    public record HostTruth(String host, URI seedUrl, URI reportColumnUrl, String unit, String province, CmsStyle cms,
                            String charset, List<Hostile> features, Integer crawlDelaySeconds, boolean blocksCrawlers) {}

    /**
     * One report document.
     *
     * @param url         where the document is (the detail page for inline HTML, else the attachment)
     * @param pageUrl     the detail page that shows or links it
     * @param host        host name
     * @param agency      issuing agency
     * @param year        report year
     * @param format      html, pdf, doc, docx or scan-pdf
     * @param corpusStem  the corpus report whose content (tables, text) this document carries
     * @param variant     true when agency/year were rewritten from the corpus report (tables unchanged)
     * @param sinceWeek   week it appeared
     * @param changedWeek week of its latest silent edit, or null
     * @param flags       special cases: truncated, huge, download (served via /download?id=N), gbk
     */
    public record ReportTruth(URI url, URI pageUrl, String host, String agency, int year, String format,
                              String corpusStem, boolean variant, int sinceWeek, Integer changedWeek, List<String> flags) {}

    /** A trap: every URL starting with {@code urlPrefix} is inside it. */
    public record TrapTruth(String kind, String host, URI entryUrl, String urlPrefix) {}

    /** Report URLs added, silently changed (same URL, new bytes) and removed (now 404) by the latest week advance. */
    public record WeekChanges(List<URI> added, List<URI> changed, List<URI> removed) {
        public static final WeekChanges NONE = new WeekChanges(List.of(), List.of(), List.of());
    }
}
