package org.nianbao.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.Csv;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.synth.CorpusReports;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private List<ReportRecord> records;
    private ReportSearcher searcher;
    private WebServer server;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        ReportRecord base = CorpusReports.load(TestIndex.corpus(), java.time.Instant.EPOCH).get(0);
        ReportRecord hostile = new ReportRecord("恶意单位/2020", new org.nianbao.indexer.parse.ParsedReport(
                "恶意单位<script>alert(1)</script>2020年报告", "恶意单位", "department", "county", "宁夏回族自治区", "吴忠市", "盐池县",
                null, 2020, null, "2019", base.parsed().table2(), null, base.parsed().table3(), base.parsed().table4(), List.of(), List.of()),
                "本机关收到的申请中有一份写着<script>alert(1)</script>的材料，已依法处理。", List.of(), "current");
        records = TestIndex.build(data, 120, hostile);
        searcher = ReportSearcher.open(data.resolve("index"));
        server = new WebServer(searcher, "127.0.0.1", 0).start();
    }

    @AfterAll
    void stop() {
        server.close();
        searcher.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void apiSearchAnswersWithTotalHitsAndFacets() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("行政复议") + "&limit=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = ReportJson.mapper().readTree(r.body());
        long expected = searcher.search(org.nianbao.indexer.search.SearchRequest.of("行政复议")).total();
        assertThat(body.get("total").asLong()).isEqualTo(expected).isGreaterThan(3);
        assertThat(body.get("hits")).hasSize(3);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("snippets").get(0).asText()).contains("<mark>");
        assertThat(hit.has("figures")).isTrue();
        assertThat(hit.get("originals").isArray()).isTrue();
        long yearSum = 0;
        for (JsonNode c : body.get("facets").get("year")) yearSum += c.asLong();
        assertThat(yearSum).isEqualTo(expected);
    }

    @Test
    void facetDrillDownAndSortFollowTheCliSemantics() throws Exception {
        JsonNode body = ReportJson.mapper().readTree(get("/api/search?q=&facet=" + enc("region:宁夏回族自治区/吴忠市")
                + "&facet=" + enc("year=2020") + "&sort=" + enc("t3.新收.总计") + "&limit=50").body());
        long expected = records.stream().filter(r -> "吴忠市".equals(r.parsed().regionCity()) && r.parsed().reportYear() == 2020).count();
        assertThat(body.get("total").asLong()).isEqualTo(expected).isPositive();
        long previous = Long.MAX_VALUE;
        for (JsonNode h : body.get("hits")) {
            assertThat(h.get("year").asInt()).isEqualTo(2020);
            long v = h.get("figures").path("t3.新收.总计").asLong(Long.MIN_VALUE);
            assertThat(v).isLessThanOrEqualTo(previous);
            previous = v;
        }
        JsonNode facets = ReportJson.mapper().readTree(get("/api/facets?q=" + enc("year:2020")).body());
        assertThat(facets.get("total").asLong()).isEqualTo(records.stream().filter(r -> r.parsed().reportYear() == 2020).count());
        assertThat(facets.get("facets").get("year").get("2020").asLong()).isEqualTo(facets.get("total").asLong());
    }

    @Test
    void malformedQueriesAreA400WithTheReason() throws Exception {
        for (String bad : List.of("\"行政诉讼", "year:[2019 TO", "colour:red", "t3.新收.总计:>=many")) {
            HttpResponse<String> r = get("/api/search?q=" + enc(bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(ReportJson.mapper().readTree(r.body()).get("error").asText()).as(bad).isNotBlank();
        }
        assertThat(ReportJson.mapper().readTree(get("/api/search?q=colour:red").body()).get("error").asText()).contains("unknown field 'colour'");
        assertThat(get("/api/search?q=x&limit=lots").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=x&limit=100000").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=x&facet=colour:red").statusCode()).isEqualTo(400);
        assertThat(get("/api/export.csv?q=" + enc("year:[2019 TO")).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/api/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ReportJson.mapper().readTree(unknown.body()).get("error").asText()).contains("/api/nothing-here");
        HttpResponse<String> page = get("/search?q=" + enc("\"<b>unclosed"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("&lt;b&gt;unclosed").doesNotContain("<b>unclosed");
    }

    @Test
    void statsSumFiguresPerGroup() throws Exception {
        JsonNode body = ReportJson.mapper().readTree(get("/api/stats?q=" + enc("year:[2019 TO 2021]") + "&group=year&figure="
                + enc("t3.新收.总计")).body());
        assertThat(body.get("groups")).hasSize(3);
        for (JsonNode g : body.get("groups")) {
            int year = g.get("group").asInt();
            double expected = records.stream().filter(r -> r.parsed().reportYear() == year)
                    .mapToDouble(r -> r.parsed().table3().get("新收").get(6) == null ? 0 : r.parsed().table3().get("新收").get(6)).sum();
            assertThat(g.get("sums").get("t3.新收.总计").asDouble()).as("year %d", year).isEqualTo(expected);
        }
        assertThat(get("/api/stats?group=colour").statusCode()).isEqualTo(400);
    }

    @Test
    void reportByIdHasTablesTextAndOriginals() throws Exception {
        HttpResponse<String> r = get("/api/reports/" + enc("吴忠市人民政府办公室") + "/2020");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ReportJson.mapper().readTree(r.body());
        assertThat(body.get("report").get("table3").get("新收").get(6).asLong()).isEqualTo(9);
        assertThat(body.get("figures").get("t3.新收.总计").asLong()).isEqualTo(9);
        assertThat(body.get("originals")).hasSize(4);
        assertThat(body.get("text").asText()).contains("吴忠市");
        HttpResponse<String> missing = get("/api/reports/" + enc("没有这个单位") + "/1999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ReportJson.mapper().readTree(missing.body()).get("error").asText()).contains("没有这个单位");
    }

    @Test
    void csvExportHasOneRowPerMatchingReport() throws Exception {
        HttpResponse<String> r = get("/api/export.csv?q=" + enc("政府信息") + "&facet=" + enc("admin_level:county"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        List<List<String>> rows = Csv.read(new StringReader(r.body()));
        long total = ReportJson.mapper().readTree(get("/api/search?q=" + enc("政府信息") + "&facet=" + enc("admin_level:county")).body())
                .get("total").asLong();
        assertThat(rows).hasSize((int) total + 1);
        assertThat(rows.get(0).get(0)).isEqualTo("id");
    }

    @Test
    void resultsPageEscapesReportTextAndSendsACsp() throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc("恶意单位"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(r.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(r.body()).contains("共 <strong>1</strong> 份年报");
        JsonNode api = ReportJson.mapper().readTree(get("/api/search?q=" + enc("恶意单位")).body());
        assertThat(api.get("hits").get(0).get("snippets").toString()).doesNotContain("<script>");
    }

    @Test
    void bindsTheLoopbackAddressByDefault() {
        try (WebServer s = new WebServer(searcher, null, 0).start()) {
            assertThat(s.port()).isPositive();
            assertThat(s.port()).isNotEqualTo(server.port());
        }
    }
}
