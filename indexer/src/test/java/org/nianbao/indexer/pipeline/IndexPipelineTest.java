package org.nianbao.indexer.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Exchange;
import org.nianbao.archive.WarcArchive;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.index.ReportIndex;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.nianbao.indexer.parse.ParseHints;
import org.nianbao.indexer.parse.ParsedReport;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexer's whole path on real parts: WARC archive → extraction → parser → Lucene → search. */
class IndexPipelineTest {
    private static final Path DOCS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void reportPublishedAsPageAndAttachmentIsOneHitWithBothOriginals() throws Exception {
        Path wuzhong = DOCS.resolve("000_ce2cda99d1cc7ffa");
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/xxgk/ndbg/", "text/html; charset=utf-8",
                    listPage().getBytes(StandardCharsets.UTF_8)));
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/xxgk/ndbg/202103/t20210301_1.shtml",
                    "text/html; charset=utf-8", Files.readAllBytes(wuzhong.resolve("report.utf8.html"))));
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/files/report2020.pdf", "application/pdf",
                    Files.readAllBytes(wuzhong.resolve("report.pdf"))));
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/missing.html", null, null, 404));
        }

        IndexSummary summary = index();

        assertThat(summary.capturesSeen()).isEqualTo(4);
        assertThat(summary.reportsIndexed()).isEqualTo(2);
        assertThat(summary.skipped()).containsEntry("status 404", 1L).containsEntry("not a report (html)", 1L);
        assertThat(summary.errors()).isEmpty();
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult result = searcher.search(SearchRequest.of("行政复议"));
            assertThat(result.total()).isEqualTo(1);
            ReportHit hit = result.hits().getFirst();
            assertThat(hit.agency()).isEqualTo("吴忠市人民政府办公室");
            assertThat(hit.year()).isEqualTo(2020);
            assertThat(hit.formats()).contains("html", "pdf");
            assertThat(hit.originals()).extracting(o -> o.url()).containsExactlyInAnyOrder(
                    "http://www.sim-wuzhong.gov.cn/xxgk/ndbg/202103/t20210301_1.shtml",
                    "http://www.sim-wuzhong.gov.cn/files/report2020.pdf");
            assertThat(hit.snippets()).isNotEmpty();
            assertThat(result.facets().get("year")).containsEntry("2020", 1L);
        }
    }

    @Test
    void pageTheServerSentGzipEncodedIsIndexedFromItsDecodedText() throws Exception {
        Path wuzhong = DOCS.resolve("000_ce2cda99d1cc7ffa");
        byte[] html = Files.readAllBytes(wuzhong.resolve("report.utf8.html"));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(html);
        }
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            // Most portals' nginx compresses HTML; the archive keeps the body as sent, still gzip-encoded.
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/xxgk/ndbg/202103/t20210301_1.shtml",
                    "text/html; charset=utf-8", gz.toByteArray(), 200, null, null, "Content-Encoding: gzip"));
        }

        IndexSummary summary = index();

        assertThat(summary.errors()).isEmpty();
        assertThat(summary.reportsIndexed()).isEqualTo(1);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult result = searcher.search(SearchRequest.of("行政复议"));
            assertThat(result.total()).isEqualTo(1);
            assertThat(result.hits().getFirst().agency()).isEqualTo("吴忠市人民政府办公室");
            assertThat(result.hits().getFirst().year()).isEqualTo(2020);
        }
    }

    @Test
    void secondRunIndexesOnlyNewCaptures() throws Exception {
        Path guyuan = DOCS.resolve("001_d3dbc75fcf03ce83");
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange("http://www.sim-guyuan.gov.cn/a.html", "text/html",
                    Files.readAllBytes(guyuan.resolve("report.utf8.html"))));
        }
        assertThat(index().reportsIndexed()).isEqualTo(1);
        assertThat(index().capturesSeen()).isZero();

        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange("http://www.sim-guyuan.gov.cn/a.doc", "application/msword",
                    Files.readAllBytes(guyuan.resolve("report.doc"))));
        }
        IndexSummary second = index();
        assertThat(second.capturesSeen()).isEqualTo(1);
        assertThat(second.reportsIndexed()).isEqualTo(1);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult all = searcher.search(SearchRequest.of("固原"));
            assertThat(all.total()).isEqualTo(1);
            assertThat(all.hits().getFirst().originals()).hasSize(2);
        }
    }

    @Test
    void brokenDocumentIsReportedAndTheRunGoesOn() throws Exception {
        byte[] pdf = Files.readAllBytes(DOCS.resolve("003_e497ca72f28c193c").resolve("report.pdf"));
        byte[] truncated = java.util.Arrays.copyOf(pdf, 900);
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange("http://www.sim-pingluo.gov.cn/broken.pdf", "application/pdf", truncated));
            archive.store(exchange("http://www.sim-pingluo.gov.cn/ok.pdf", "application/pdf", pdf));
        }
        IndexSummary summary = index();
        assertThat(summary.errors()).singleElement().asString().contains("broken.pdf");
        assertThat(summary.reportsIndexed()).isEqualTo(1);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            assertThat(searcher.search(SearchRequest.of("平罗县")).total()).isEqualTo(1);
        }
    }

    @Test
    void seedUnitTheCrawlerKnewSetsTheRegionOverTheReportsOwnName() throws Exception {
        Path wuzhong = DOCS.resolve("000_ce2cda99d1cc7ffa");
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            // a 吴忠 report found while crawling 平罗县's portal: the crawler's seed unit decides the region
            archive.store(exchange("http://www.sim-pingluo.gov.cn/xxgk/ndbg/wz2020.html", "text/html; charset=utf-8",
                    Files.readAllBytes(wuzhong.resolve("report.utf8.html")), 200,
                    "平罗县", "http://www.sim-pingluo.gov.cn/xxgk/ndbg/"));
        }
        assertThat(index().reportsIndexed()).isEqualTo(1);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            ReportHit hit = searcher.search(SearchRequest.of("行政复议")).hits().getFirst();
            assertThat(hit.agency()).isEqualTo("吴忠市人民政府办公室");
            assertThat(hit.province()).isEqualTo("宁夏回族自治区");
            assertThat(hit.city()).isEqualTo("石嘴山市");
            assertThat(hit.county()).isEqualTo("平罗县");
            ParsedReport parsed = searcher.report(hit.id()).orElseThrow().parsed();
            assertThat(parsed.divisionCode()).as("the seed unit's code from the seed registry").isEqualTo("640221");
            assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w).contains("seed unit 平罗县").contains("吴忠市"));
        }
    }

    @Test
    void withoutASeedUnitTheRegionComesFromTheReport() throws Exception {
        Path wuzhong = DOCS.resolve("000_ce2cda99d1cc7ffa");
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange("http://www.sim-wuzhong.gov.cn/xxgk/ndbg/2020.html", "text/html; charset=utf-8",
                    Files.readAllBytes(wuzhong.resolve("report.utf8.html"))));
        }
        index();
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            ReportHit hit = searcher.search(SearchRequest.of("行政复议")).hits().getFirst();
            assertThat(hit.city()).isEqualTo("吴忠市");
            assertThat(hit.county()).isNull();
        }
    }

    @Test
    void attachmentThatCannotNameItselfJoinsTheReportOfThePageThatLinkedIt() throws Exception {
        Path pingluo = DOCS.resolve("003_e497ca72f28c193c");
        byte[] untitled = docxWithoutTitle(pingluo.resolve("report.docx"));
        assertCannotNameItself(untitled);
        String page = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/t20210120_1.html";
        String attachment = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/P020210120.docx";
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(page, "text/html; charset=utf-8", Files.readAllBytes(pingluo.resolve("report.utf8.html")),
                    200, null, "http://www.sim-pingluo.gov.cn/xxgk/ndbg/"));
            archive.store(exchange(attachment, DOCX, untitled, 200, null, page));
        }

        IndexSummary summary = index();

        assertThat(summary.reportsIndexed()).isEqualTo(2);
        assertOneHitWithBothOriginals(page, attachment);
    }

    @Test
    void attachmentInALaterRunFindsItsPagesReportInTheIndex() throws Exception {
        Path pingluo = DOCS.resolve("003_e497ca72f28c193c");
        String page = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/t20210120_1.html";
        String attachment = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/P020210120.docx";
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(page, "text/html; charset=utf-8", Files.readAllBytes(pingluo.resolve("report.utf8.html")),
                    200, null, null));
        }
        assertThat(index().reportsIndexed()).isEqualTo(1);
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(attachment, DOCX, docxWithoutTitle(pingluo.resolve("report.docx")), 200, null, page));
        }

        assertThat(index().reportsIndexed()).isEqualTo(1);
        assertOneHitWithBothOriginals(page, attachment);
    }

    @Test
    void pageWithoutTablesTakesTheTablesOfItsUntitledAttachment() throws Exception {
        Path pingluo = DOCS.resolve("003_e497ca72f28c193c");
        byte[] untitled = docxWithoutTitle(pingluo.resolve("report.docx"));
        String page = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/t20210120_2.html";
        String attachment = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/P020210120_2.docx";
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(page, "text/html; charset=utf-8",
                    introPage(pingluo.resolve("report.utf8.html"), "P020210120_2.docx").getBytes(StandardCharsets.UTF_8),
                    200, null, null));
            archive.store(exchange(attachment, DOCX, untitled, 200, null, page));
        }

        assertThat(index().reportsIndexed()).isEqualTo(2);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult result = searcher.search(SearchRequest.of("平罗"));
            assertThat(result.total()).isEqualTo(1);
            ReportHit hit = result.hits().getFirst();
            assertThat(hit.id()).isEqualTo("平罗县人民政府办公室/2020");
            assertThat(hit.originals()).extracting(o -> o.url()).containsExactlyInAnyOrder(page, attachment);
            ParsedReport parsed = searcher.report(hit.id()).orElseThrow().parsed();
            ParsedReport own = new ReportParser(Gazetteer.load()).parse(
                    Extractors.defaults().extract(untitled, DOCX, attachment),
                    ParseHints.none());
            assertThat(own.table3()).isNotEmpty();
            assertThat(parsed.table3()).as("the page had no tables: the attachment's").isEqualTo(own.table3());
            assertThat(parsed.template()).isEqualTo(own.template());
            assertThat(parsed.agency()).isEqualTo("平罗县人民政府办公室");
            assertThat(parsed.reportYear()).isEqualTo(2020);
            assertThat(searcher.search(SearchRequest.of("结转下年度继续办理")).total())
                    .as("the attachment's text is searchable with the report").isEqualTo(1);
        }
    }

    @Test
    void scanWhoseOcrReadsNothingIsKeptAsAnOriginalOfTheReportThatLinkedItAndSkippedAlone() throws Exception {
        byte[] scan = noiseScan();
        String page = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/t20210120_1.html";
        String linked = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/P020210120_scan.pdf";
        String alone = "http://www.sim-pingluo.gov.cn/xxgk/other/scan.pdf";
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(page, "text/html; charset=utf-8",
                    Files.readAllBytes(DOCS.resolve("003_e497ca72f28c193c").resolve("report.utf8.html")), 200, null, null));
            archive.store(exchange(linked, "application/pdf", scan, 200, null, page));
            // the same kind of scan, other bytes, linked from no report: nothing says what it is
            archive.store(exchange(alone, "application/pdf", noiseScanOtherBytes(scan), 200, null, "http://www.sim-pingluo.gov.cn/"));
        }

        IndexSummary summary = index();

        assertThat(summary.reportsIndexed()).isEqualTo(2);
        assertThat(summary.skipped()).containsEntry("not a report (pdf)", 1L);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            ReportHit hit = searcher.search(SearchRequest.of("平罗")).hits().getFirst();
            assertThat(hit.id()).isEqualTo("平罗县人民政府办公室/2020");
            assertThat(hit.originals()).extracting(o -> o.url()).containsExactlyInAnyOrder(page, linked);
            ParsedReport parsed = searcher.report(hit.id()).orElseThrow().parsed();
            assertThat(parsed.table3()).as("the page's own tables stay").isNotEmpty();
        }
    }

    /** A one-page PDF holding only a page-sized image of specks: a scan that no OCR can read a report from. */
    private static byte[] noiseScan() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(306, 396, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random rnd = new java.util.Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.getRaster().setSample(x, y, 0, rnd.nextInt(20) == 0 ? 0 : 255);
        }
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var pdfPage = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(pdfPage);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, pdfPage)) {
                content.drawImage(image, 0, 0, pdfPage.getMediaBox().getWidth(), pdfPage.getMediaBox().getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] noiseScanOtherBytes(byte[] scan) {
        byte[] other = java.util.Arrays.copyOf(scan, scan.length + 1);
        other[scan.length] = '\n'; // after %%EOF: the same document, another SHA-256
        return other;
    }

    @Test
    void attachmentThatNamesAnotherReportStaysItsOwnHit() throws Exception {
        String page = "http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/t20210120_1.html";
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK)) {
            archive.store(exchange(page, "text/html; charset=utf-8",
                    Files.readAllBytes(DOCS.resolve("003_e497ca72f28c193c").resolve("report.utf8.html")), 200, null, null));
            archive.store(exchange("http://www.sim-pingluo.gov.cn/xxgk/ndbg/202101/guyuan.doc", "application/msword",
                    Files.readAllBytes(DOCS.resolve("001_d3dbc75fcf03ce83").resolve("report.doc")), 200, null, page));
        }
        index();
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult result = searcher.search(SearchRequest.of("行政复议"));
            assertThat(result.hits()).extracting(ReportHit::agency)
                    .containsExactlyInAnyOrder("平罗县人民政府办公室", "固原市人民政府");
            assertThat(result.hits()).allSatisfy(h -> assertThat(h.originals()).hasSize(1));
        }
    }

    private void assertOneHitWithBothOriginals(String page, String attachment) {
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            SearchResult result = searcher.search(SearchRequest.of("平罗"));
            assertThat(result.total()).as("one hit per report").isEqualTo(1);
            ReportHit hit = result.hits().getFirst();
            assertThat(hit.id()).isEqualTo("平罗县人民政府办公室/2020");
            assertThat(hit.agency()).isEqualTo("平罗县人民政府办公室");
            assertThat(hit.year()).isEqualTo(2020);
            assertThat(hit.formats()).contains("html", "docx");
            assertThat(hit.originals()).extracting(o -> o.url()).containsExactlyInAnyOrder(page, attachment);
            assertThat(searcher.report("url:" + attachment)).isEmpty();
        }
    }

    /** The corpus DOCX without its two title paragraphs and its title and author properties: it cannot name its agency. */
    private static byte[] docxWithoutTitle(Path docx) throws IOException {
        try (var in = Files.newInputStream(docx); var doc = new XWPFDocument(in);
             var out = new java.io.ByteArrayOutputStream()) {
            doc.removeBodyElement(0);
            doc.removeBodyElement(0);
            var properties = doc.getProperties().getCoreProperties();
            properties.setTitle("");
            properties.setCreator("");
            properties.setLastModifiedByUser("");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void assertCannotNameItself(byte[] docx) {
        ParsedReport own = new ReportParser(Gazetteer.load()).parse(
                Extractors.defaults().extract(docx, DOCX, "http://x/a.docx"),
                ParseHints.none());
        assertThat(own.agency() == null || own.reportYear() == null)
                .as("the untitled DOCX names no agency and year (agency %s, year %s)", own.agency(), own.reportYear())
                .isTrue();
    }

    /** A page announcing the report with its opening section and a link to the attachment, but no tables. */
    private static String introPage(Path reportHtml, String link) throws IOException {
        String text = org.jsoup.Jsoup.parse(Files.readString(reportHtml)).body().text();
        int start = text.indexOf("根据《中华人民共和国政府信息公开条例》");
        int end = text.indexOf("二、主动公开政府信息情况");
        String title = "平罗县人民政府办公室2020年政府信息公开年度报告";
        return "<html><head><meta charset=utf-8><title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                + text.substring(start, end) + "</p><p><a href='" + link + "'>附件：" + title + "</a></p></body></html>";
    }

    private IndexSummary index() throws IOException {
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), CLOCK);
             ReportIndex index = ReportIndex.open(data.resolve("index"))) {
            return new IndexPipeline(archive, Extractors.defaults(), new ReportParser(Gazetteer.load()), index)
                    .run(new IndexPipeline.Listener() {
                        @Override
                        public void started(int captures) {
                        }

                        @Override
                        public void captureDone(org.nianbao.archive.Capture capture) {
                        }
                    });
        }
    }

    private static String listPage() {
        return "<html><head><meta charset=utf-8><title>政府信息公开年报</title></head><body><ul>"
                + "<li><a href='202103/t20210301_1.shtml'>吴忠市人民政府办公室2020年政府信息公开工作年度报告</a></li>"
                + "</ul></body></html>";
    }

    private Exchange exchange(String url, String contentType, byte[] body) throws IOException {
        return exchange(url, contentType, body, 200);
    }

    private Exchange exchange(String url, String contentType, byte[] body, int status) throws IOException {
        return exchange(url, contentType, body, status, null, null);
    }

    private Exchange exchange(String url, String contentType, byte[] body, int status, String seedUnit,
                              String referrer, String... extraHeaders) throws IOException {
        URI uri = URI.create(url);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n";
        List<String> head = new ArrayList<>();
        head.add("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found"));
        if (contentType != null) head.add("Content-Type: " + contentType);
        head.addAll(List.of(extraHeaders));
        byte[] payload = body == null ? new byte[0] : body;
        head.add("Content-Length: " + payload.length);
        Path file = Files.createTempFile(data, "body", ".bin");
        Files.write(file, payload);
        return new Exchange(uri, request.getBytes(StandardCharsets.US_ASCII),
                (String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), file, "127.0.0.1",
                CLOCK.instant(), CLOCK.instant(), seedUnit, referrer, null, Map.of());
    }
}
