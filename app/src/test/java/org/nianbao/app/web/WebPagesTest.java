package org.nianbao.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.Capture;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages over real HTTP, on an index and archive built by the real pipeline from the corpus. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesTest {

    private static final Instant NEXT_RUN = Instant.parse("2021-03-22T19:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private WebTestData.Built built;
    private ReportSearcher searcher;
    private WebServer server;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        built = WebTestData.build(data);
        searcher = ReportSearcher.open(data.resolve("index"));
        server = new WebServer(searcher, data, "127.0.0.1", 0, Clock.fixed(WebTestData.SECOND, ZoneOffset.UTC), () -> Optional.of(NEXT_RUN)).start();
    }

    @AfterAll
    void stop() {
        server.close();
        searcher.close();
    }

    private HttpResponse<byte[]> getBytes(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Document page(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(pathAndQuery).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        return Jsoup.parse(r.body());
    }

    private static String enc(String s) {
        return WebTestData.enc(s);
    }

    @Test
    void pipelineIndexedEveryCorpusReportOfTheFixture() {
        assertThat(built.summary().errors()).isEmpty();
        for (String id : WebTestData.reportIds()) assertThat(searcher.report(id)).as(id).isPresent();
    }

    @Test
    void searchPageShowsHitsWithFiguresFacetsAndLinksOfTheWholeResultSet() throws Exception {
        Document d = page("/search?q=" + enc("政府信息公开"));
        long total = searcher.count(SearchRequest.of("政府信息公开"));
        assertThat(d.select("#total strong").text()).isEqualTo(String.valueOf(total));
        assertThat(d.select("#hits > li.hit")).hasSize((int) Math.min(total, SearchPage.PAGE_SIZE));
        Element first = d.selectFirst("#hits > li.hit");
        assertThat(first.select(".agency").text()).isNotBlank();
        assertThat(first.select(".region").text()).startsWith("宁夏回族自治区");
        assertThat(first.select("dl.figures dt").eachText()).containsExactly("新收申请", "予以公开", "行政复议", "行政诉讼");
        assertThat(d.select(".snippet mark")).isNotEmpty();
        assertThat(d.select("#csv").attr("href")).isEqualTo("/api/export.csv?q=" + java.net.URLEncoder.encode("政府信息公开", StandardCharsets.UTF_8));
        assertThat(d.select("#atom").attr("href")).startsWith("/feeds/search.atom?q=");
        assertThat(d.select("#syntax a code").eachText()).contains("year:2020", "t3.新收.总计:>=100");
        assertThat(d.select("section.facet[data-dim=year] a[data-value=2020] + .count").text())
                .isEqualTo(String.valueOf(searcher.search(SearchRequest.of("政府信息公开").withFacet("year", "2020")).total()));
        // the changed 吴忠 report fails its checks and is marked
        assertThat(d.select("li.hit.checks-fail .fail-mark")).isNotEmpty();
    }

    @Test
    void regionTreeCountsFollowTheDrillDown() throws Exception {
        Document top = page("/search?q=");
        assertThat(top.select("section.facet[data-dim=region] a[data-value=宁夏回族自治区] + .count").text()).isEqualTo("5");
        Document province = page("/search?q=&facet=" + enc("region:宁夏回族自治区"));
        Map<String, String> shown = new TreeMap<>();
        for (Element a : province.select("section.facet[data-dim=region] li.depth2 a")) shown.put(a.attr("data-value"), a.nextElementSibling().text());
        Map<String, String> expected = new TreeMap<>();
        for (ReportRecord r : all()) expected.merge("宁夏回族自治区/" + r.parsed().regionCity(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
        assertThat(shown).isEqualTo(expected);
        Document city = page("/search?q=&facet=" + enc("region:宁夏回族自治区/吴忠市"));
        assertThat(city.select("#total strong").text()).isEqualTo("1");
        assertThat(city.select("section.facet[data-dim=region] li.up a").eachText()).containsExactly("宁夏回族自治区");
        // 吴忠市 has no county reports here: the tree offers its sibling cities instead, with their counts
        Map<String, String> siblings = new TreeMap<>();
        for (Element a : city.select("section.facet[data-dim=region] li.depth2 a")) siblings.put(a.attr("data-value"), a.nextElementSibling().text());
        assertThat(siblings).isEqualTo(expected);
        assertThat(city.select("section.facet[data-dim=region] li.depth2.on a").attr("data-value")).isEqualTo("宁夏回族自治区/吴忠市");
        // drill-sideways: the year facet still offers the other years of the region, with their counts
        Document year = page("/search?q=&facet=" + enc("year:2019"));
        assertThat(year.select("#total strong").text()).isEqualTo("1");
        assertThat(year.select("section.facet[data-dim=year] a[data-value=2020] + .count").text()).isEqualTo("4");
    }

    @Test
    void pagingWalksTheWholeResultSet() throws Exception {
        Document d = page("/search?q=&limit=2");
        assertThat(d.select("nav.paging a[rel=next]").attr("href")).contains("offset=2");
        List<String> ids = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            for (Element a : page("/search?q=&sort=year&limit=2&offset=" + offset).select("#hits a.report-link")) ids.add(a.attr("href"));
        }
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void reportPageDrawsTheOfficialTablesWithTheParsedFigures() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(WebTestData.corpus().resolve("truth/001_d3dbc75fcf03ce83.json").toFile());
        Document d = page("/reports/" + enc("固原市人民政府") + "/2020");
        assertThat(d.select("#title").text()).isEqualTo(truth.get("title").asText());
        Element table3 = d.selectFirst("#table3");
        assertThat(table3.select("thead th[colspan=5]").text()).isEqualTo("法人或其他组织");
        assertThat(table3.select("th[rowspan]").eachText()).anyMatch(t -> t.contains("本年度办理结果"));
        for (String row : List.of("新收", "予以公开", "总计")) {
            List<String> cells = table3.select("tr[data-row=" + row + "] td").eachText();
            List<String> expected = new ArrayList<>();
            truth.get("table3").get(row).forEach(v -> expected.add(v.isNull() ? "" : v.asText()));
            assertThat(cells).as(row).isEqualTo(expected);
        }
        List<String> t4 = new ArrayList<>();
        truth.get("table4").forEach(v -> t4.add(v.isNull() ? "" : v.asText()));
        assertThat(d.select("#table4 tbody td").eachText()).isEqualTo(t4);
        assertThat(d.select("#table4 thead th[colspan=10]").text()).isEqualTo("行政诉讼");
        assertThat(d.select("#originals a.download")).hasSize(1);
        assertThat(d.select("#fulltext .fulltext").text()).contains("固原市");
        assertThat(d.select("#failed-checks")).isEmpty();
    }

    @Test
    void changedReportShowsItsFailedCheckArithmeticHistoryAndSideBySideDiff() throws Exception {
        Document d = page("/reports/" + enc("吴忠市人民政府办公室") + "/2020");
        assertThat(d.select("#failed-checks code.arith").text()).contains("19");
        assertThat(d.select("#table3 tr[data-row=新收].check-fail td").first().text()).isEqualTo("19");
        assertThat(d.select("#originals a.download")).hasSize(3);
        Element history = d.selectFirst("#history");
        assertThat(history.select("table.history tr.changed")).hasSize(1);
        assertThat(history.select("table.history tr.new")).hasSize(2);
        Element diff = history.selectFirst(".version-diff table.diff");
        assertThat(diff).isNotNull();
        assertThat(diff.select("td ins").eachText()).anyMatch(t -> t.contains("补充说明依申请公开办理情况"));
        assertThat(diff.select("th").eachText()).anyMatch(t -> t.contains("2021-03-01")).anyMatch(t -> t.contains("2021-03-15"));
    }

    @Test
    void originalsAreTheArchivedBytesWithTheirNameTypeAndDigest() throws Exception {
        Capture pdf = built.captures().get("wuzhong-pdf");
        HttpResponse<byte[]> r = getBytes("/originals/" + pdf.id());
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] corpusBytes = Files.readAllBytes(WebTestData.doc("000_ce2cda99d1cc7ffa", "report.pdf"));
        assertThat(sha256(r.body())).isEqualTo(pdf.sha256()).isEqualTo(sha256(corpusBytes));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("X-Content-SHA256")).hasValue(pdf.sha256());
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("sandbox"));
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"");
        String star = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(star, StandardCharsets.UTF_8)).isEqualTo(WebTestData.WUZHONG_PDF_NAME);
        assertThat(disposition.substring(0, disposition.indexOf(';', 12))).matches("[\\x20-\\x7e]+");

        Capture page = built.captures().get("pingluo");
        HttpResponse<byte[]> html = getBytes("/originals/" + page.id());
        assertThat(sha256(html.body())).isEqualTo(page.sha256());
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(html.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("filename=\"2020.html\""));
        assertThat(html.headers().firstValue("Content-Encoding")).isEmpty();

        // Archived gzip-encoded as the server sent it: the same bytes go out, labelled so a browser saves the page.
        Capture gzipped = built.captures().get("guyuan");
        HttpResponse<byte[]> encoded = getBytes("/originals/" + gzipped.id());
        assertThat(encoded.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(sha256(encoded.body())).isEqualTo(gzipped.sha256());
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(encoded.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(WebTestData.doc("001_d3dbc75fcf03ce83", "report.utf8.html")));
        }
    }

    @Test
    void malformedParametersGiveA400PageAndNeverAStackTrace() throws Exception {
        Map<String, Integer> cases = new TreeMap<>(Map.of(
                "/originals/abc", 400, "/originals/-3", 400, "/originals/987654", 404,
                "/search?q=x&offset=lots", 400, "/search?q=x&offset=20000", 400, "/search?q=x&facet=colour:red", 400,
                "/stats?q=" + enc("\"unclosed"), 400, "/lang?to=fr", 400, "/reports/" + enc("没有这个单位") + "/1999", 404,
                "/search?q=x&sort=colour", 400));
        cases.put("/feeds/search.atom?q=" + enc("year:[2019 TO"), 400);
        cases.put("/no/such/page", 404);
        cases.put("/assets/..%2F..%2Fpom.xml", 404);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.body()).as(c.getKey()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
            if (!c.getKey().startsWith("/feeds/")) {
                assertThat(r.headers().firstValue("Content-Type")).as(c.getKey()).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
                assertThat(Jsoup.parse(r.body()).select("p.error").text()).as(c.getKey()).isNotBlank();
            }
        }
    }

    @Test
    void textFromCrawledDocumentsIsAlwaysEscaped() throws Exception {
        HttpResponse<String> report = get("/reports/" + enc("中卫市人民政府办公室") + "/2019");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).doesNotContain("<script").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Jsoup.parse(report.body()).select("#fulltext").text()).contains(WebTestData.HOSTILE_TEXT);
        HttpResponse<String> search = get("/search?q=" + enc("alert"));
        assertThat(search.body()).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(Jsoup.parse(search.body()).select(".snippet").text()).contains("alert(1)");
        HttpResponse<String> bad = get("/search?q=" + enc("\"<script>alert(3)</script>"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("<script>alert(3)");
    }

    @Test
    void statisticsAreSumsOverEveryMatchingReport() throws Exception {
        Document d = page("/stats?q=");
        assertThat(d.select("#total strong").text()).isEqualTo("5");
        long received2020 = all().stream().filter(r -> r.parsed().reportYear() == 2020)
                .mapToLong(r -> r.parsed().table3().get("新收").get(6)).sum();
        Element years = d.selectFirst("svg#chart-years");
        assertThat(years).isNotNull();
        assertThat(years.select("rect title").eachText()).anyMatch(t -> t.startsWith("2020: " + String.format("%,d", received2020)));
        long granted = all().stream().mapToLong(r -> r.parsed().table3().get("予以公开").get(6)).sum();
        assertThat(d.select("svg#chart-outcomes text").eachText()).anyMatch(t -> t.startsWith("予以公开 " + String.format("%,d", granted)));
        assertThat(d.select("svg#chart-regions text").eachText()).contains("吴忠市", "固原市", "中卫市");
        Document city = page("/stats?q=&facet=" + enc("region:宁夏回族自治区/石嘴山市"));
        assertThat(city.select("svg#chart-regions text").eachText()).contains("平罗县");
    }

    @Test
    void crawlStatusShowsTheRecordedRunAndTheNextOne() throws Exception {
        Document d = page("/crawl");
        Element run = d.selectFirst("#runs tbody tr");
        List<String> cells = run.select("td").eachText();
        assertThat(cells.get(0)).isEqualTo("#1");
        assertThat(cells.get(3)).isEqualTo("3");   // hosts
        assertThat(cells.get(4)).isEqualTo("4");   // requests
        assertThat(cells.get(5)).isEqualTo("1");   // 304
        assertThat(cells.get(10)).isEqualTo("1");  // errors
        assertThat(cells.get(11)).contains("www.sim-yinchuan.gov.cn").contains("anti-bot challenge page");
        assertThat(d.select("#next-run strong").text()).isEqualTo("2021-03-23 03:00");
    }

    @Test
    void crawlStatusPrefersTheWeeklyRunRecords(@TempDir Path other) throws Exception {
        Instant started = Instant.parse("2021-03-22T19:00:00Z");
        try (org.nianbao.runs.record.RunsDatabase db = org.nianbao.runs.record.RunsDatabase.open(other)) {
            org.nianbao.runs.record.RunLog runs = new org.nianbao.runs.record.RunLog(db);
            long id = runs.begin(started, 5);
            runs.finish(new org.nianbao.runs.record.RunRecord(id, started, started.plusSeconds(600), org.nianbao.runs.record.RunRecord.DONE,
                    5, 4, 120, 3_000_000, 80, 2, 1, 1, 0, 40, 12, 4, Map.of("timeout", 2, "http-404", 1),
                    Map.of("www.sim-yinchuan.gov.cn", "WAF challenge"), 7, null));
        }
        try (WebServer s = new WebServer(searcher, other, "127.0.0.1", 0, Clock.systemUTC(), Optional::empty).start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/crawl")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> cells = Jsoup.parse(r.body()).select("#runs tbody tr").first().select("td").eachText();
            assertThat(cells.subList(3, 10)).containsExactly("4", "120", "80", "2.9 MB", "2", "1", "1");
            assertThat(cells.get(10)).contains("3").contains("timeout: 2").contains("http-404: 1");
            assertThat(cells.get(11)).contains("www.sim-yinchuan.gov.cn").contains("WAF challenge");
            assertThat(Jsoup.parse(r.body()).select("#next-run").text()).contains("未设定");
        }
    }

    @Test
    void atomFeedOfASearchIsValidAtom() throws Exception {
        HttpResponse<byte[]> r = getBytes("/feeds/search.atom?q=" + enc("政府信息公开") + "&facet=" + enc("year:2020"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        String atom = "http://www.w3.org/2005/Atom";
        org.w3c.dom.Element feed = xml.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(atom);
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(feed.getElementsByTagNameNS(atom, required).getLength()).as(required).isPositive();
        }
        NodeList entries = feed.getElementsByTagNameNS(atom, "entry");
        assertThat(entries.getLength()).isEqualTo(4);
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(e.getElementsByTagNameNS(atom, required).getLength()).as(required).isEqualTo(1);
            }
            Instant.parse(e.getElementsByTagNameNS(atom, "updated").item(0).getTextContent());
            assertThat(((org.w3c.dom.Element) e.getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href"))
                    .startsWith("http://127.0.0.1:" + server.port() + "/reports/");
        }
    }

    @Test
    void languageSwitchSetsACookieAndReturnsOnlyToLocalPages() throws Exception {
        HttpResponse<String> r = get("/lang?to=en&back=" + enc("/stats?q=x"));
        assertThat(r.statusCode()).isBetween(301, 303);
        assertThat(r.headers().firstValue("Location")).hasValue("/stats?q=x");
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains(Lang.COOKIE + "=en"));
        assertThat(get("/lang?to=en&back=" + enc("//evil.example/")).headers().firstValue("Location")).hasValue("/search");
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/search?q="))
                .header("Cookie", Lang.COOKIE + "=en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Jsoup.parse(english.body()).select("#total").text()).isEqualTo("5 reports");
    }

    @Test
    void assetsAreServedByNianbaoItself() throws Exception {
        HttpResponse<String> css = get("/assets/nianbao.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        Document d = page("/search?q=");
        for (Element e : d.select("link[href], img[src], script[src]")) {
            String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertThat(ref).as("no external asset").startsWith("/");
        }
    }

    private List<ReportRecord> all() {
        List<ReportRecord> out = new ArrayList<>();
        searcher.forEachMatch(SearchRequest.of(""), out::add);
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
