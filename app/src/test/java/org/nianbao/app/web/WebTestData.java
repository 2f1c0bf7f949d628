package org.nianbao.app.web;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Capture;
import org.nianbao.archive.Exchange;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.frontier.Frontier;
import org.nianbao.crawler.frontier.RequestLog;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.indexer.pipeline.IndexPipeline;
import org.nianbao.indexer.pipeline.IndexSummary;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data folder built with the real parts: corpus documents stored as exchanges in a WARC archive, indexed
 * through the index pipeline, and a crawl run recorded in the crawler's state. It holds
 * <ul>
 *   <li>吴忠 2020 as a portal page (captured twice: the second capture edits a figure and adds a sentence, so the
 *       report changed after publication and its checks fail) and as a PDF attachment with a Chinese file name;</li>
 *   <li>固原 2020, 灵武 2020 and 平罗 2020 as portal pages (平罗 in GBK);</li>
 *   <li>中卫 2019 as a portal page whose text carries {@code <script>alert(1)</script>}.</li>
 * </ul>
 */
final class WebTestData {

    static final Instant FIRST = Instant.parse("2021-03-01T08:00:00Z");
    static final Instant SECOND = Instant.parse("2021-03-15T08:00:00Z");
    static final String WUZHONG_PAGE = "http://www.sim-wuzhong.gov.cn/xxgk/ndbg/202103/t20210301_1.shtml";
    static final String WUZHONG_PDF_NAME = "吴忠市2020年政府信息公开年报.pdf";
    static final String WUZHONG_PDF = "http://www.sim-wuzhong.gov.cn/files/" + enc(WUZHONG_PDF_NAME);
    static final String HOSTILE_TEXT = "<script>alert(1)</script>";
    static final String ADDED_SENTENCE = "2021年3月15日更正：补充说明依申请公开办理情况。";

    /** What was stored: captures by label. */
    record Built(Path data, Map<String, Capture> captures, IndexSummary summary) {
    }

    private WebTestData() {
    }

    static Path corpus() {
        return Path.of(System.getProperty("nianbao.shared"), "corpus");
    }

    static Path doc(String stem, String file) {
        return corpus().resolve("docs").resolve(stem).resolve(file);
    }

    static Built build(Path data) throws IOException {
        Map<String, Capture> captures = new LinkedHashMap<>();
        Path bodies = Files.createDirectories(data.resolve("tmp-bodies"));
        String wuzhong = Files.readString(doc("000_ce2cda99d1cc7ffa", "report.utf8.html"));
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.fixed(FIRST, ZoneOffset.UTC))) {
            captures.put("wuzhong-page-1", archive.store(exchange(bodies, WUZHONG_PAGE, "text/html; charset=utf-8",
                    wuzhong.getBytes(StandardCharsets.UTF_8), FIRST)));
            captures.put("wuzhong-pdf", archive.store(exchange(bodies, WUZHONG_PDF, "application/pdf",
                    Files.readAllBytes(doc("000_ce2cda99d1cc7ffa", "report.pdf")), FIRST.plusSeconds(5))));
            // 固原's server compresses its pages, as most portals' nginx does: archived gzip-encoded, as sent.
            captures.put("guyuan", archive.store(exchange(bodies, "http://www.sim-guyuan.gov.cn/xxgk/2021/ndbg.html",
                    "text/html; charset=utf-8", gzip(Files.readAllBytes(doc("001_d3dbc75fcf03ce83", "report.utf8.html"))),
                    FIRST.plusSeconds(10), "Content-Encoding: gzip\r\n")));
            captures.put("lingwu", archive.store(exchange(bodies, "http://www.sim-lingwu.gov.cn/zwgk/ndbg/2020.html",
                    "text/html; charset=utf-8", Files.readAllBytes(doc("002_b6c5992465737a46", "report.utf8.html")), FIRST.plusSeconds(15))));
            captures.put("pingluo", archive.store(exchange(bodies, "http://www.sim-pingluo.gov.cn/xxgk/ndbg/2020.html",
                    "text/html; charset=gb2312", Files.readAllBytes(doc("003_e497ca72f28c193c", "report.gbk.html")), FIRST.plusSeconds(20))));
            String zhongwei = Files.readString(doc("004_094e7d90817e6489", "report.utf8.html"))
                    .replaceFirst("id=\"zoom\">", "id=\"zoom\"><p>附件说明：&lt;script&gt;alert(1)&lt;/script&gt; 及 &lt;img src=x onerror=alert(2)&gt;</p>");
            captures.put("zhongwei", archive.store(exchange(bodies, "http://www.sim-zhongwei.gov.cn/xxgk/ndbg/2019.html",
                    "text/html; charset=utf-8", zhongwei.getBytes(StandardCharsets.UTF_8), FIRST.plusSeconds(25))));
            // Two weeks later the portal silently edits the page: 自然人 9 → 19 in 本年新收, and one added sentence.
            String edited = editFirstCellAfter(wuzhong, "一、本年新收政府信息公开申请数量", "9", "19")
                    .replaceFirst("id=\"zoom\">", "id=\"zoom\"><p>" + ADDED_SENTENCE + "</p>");
            captures.put("wuzhong-page-2", archive.store(exchange(bodies, WUZHONG_PAGE, "text/html; charset=utf-8",
                    edited.getBytes(StandardCharsets.UTF_8), SECOND)));
        }
        IndexSummary summary;
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.fixed(SECOND, ZoneOffset.UTC));
             ReportIndex index = ReportIndex.open(data.resolve("index"))) {
            summary = new IndexPipeline(archive, Extractors.defaults(), new ReportParser(Gazetteer.load()), index).run(new IndexPipeline.Listener() {
                @Override
                public void started(int n) {
                }

                @Override
                public void captureDone(Capture capture) {
                }
            });
        }
        recordCrawlRun(data);
        return new Built(data, captures, summary);
    }

    /** One crawl run in the crawler's own state: a few requests, a 304, an error, and a host that blocked us. */
    private static void recordCrawlRun(Path data) {
        try (Frontier frontier = Frontier.open(data.resolve("state"), Clock.fixed(FIRST, ZoneOffset.UTC))) {
            frontier.beginOrResume();
            frontier.logRequestOnly(new RequestLog(WUZHONG_PAGE, "www.sim-wuzhong.gov.cn", 200, 43_687, FIRST, FIRST.plusMillis(300), null));
            frontier.logRequestOnly(new RequestLog(WUZHONG_PDF, "www.sim-wuzhong.gov.cn", 200, 204_407, FIRST, FIRST.plusMillis(900), null));
            frontier.logRequestOnly(new RequestLog("http://www.sim-guyuan.gov.cn/", "www.sim-guyuan.gov.cn", 304, 0, FIRST, FIRST.plusMillis(80), null));
            frontier.logRequestOnly(new RequestLog("http://www.sim-lingwu.gov.cn/x", "www.sim-lingwu.gov.cn", 0, 0, FIRST, FIRST.plusMillis(10_000), "timeout"));
            frontier.skipHost("www.sim-yinchuan.gov.cn", "blocked", "anti-bot challenge page");
            frontier.finishRun();
        }
    }

    private static String editFirstCellAfter(String html, String anchor, String from, String to) {
        int at = html.indexOf(anchor);
        String cell = "<p style=\"margin:0;\">" + from + "</p>";
        int cellAt = html.indexOf(cell, at);
        if (at < 0 || cellAt < 0) throw new IllegalStateException("corpus page changed: cannot find " + anchor);
        return html.substring(0, cellAt) + "<p style=\"margin:0;\">" + to + "</p>" + html.substring(cellAt + cell.length());
    }

    private static Exchange exchange(Path dir, String url, String contentType, byte[] body, Instant at) throws IOException {
        return exchange(dir, url, contentType, body, at, "");
    }

    private static Exchange exchange(Path dir, String url, String contentType, byte[] body, Instant at, String moreHeaders)
            throws IOException {
        URI uri = URI.create(url);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n";
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n" + moreHeaders
                + "Content-Length: " + body.length + "\r\n\r\n";
        Path file = Files.createTempFile(dir, "body", ".bin");
        Files.write(file, body);
        return new Exchange(uri, request.getBytes(StandardCharsets.US_ASCII), head.getBytes(StandardCharsets.ISO_8859_1), file,
                "127.0.0.1", at, at.plusMillis(200), null, null, null, Map.of());
    }

    static byte[] gzip(byte[] plain) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> reportIds() {
        return List.of("吴忠市人民政府办公室/2020", "固原市人民政府/2020", "平罗县人民政府办公室/2020", "中卫市人民政府办公室/2019");
    }
}
