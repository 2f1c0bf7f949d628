package org.nianbao.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SmallFarmTest {
    static PortalFarm farm;
    static SimHttp http;

    @BeforeAll
    static void start() {
        farm = PortalFarm.start(FarmConfig.small());
        http = new SimHttp(farm);
    }

    @AfterAll
    static void stop() {
        http.close();
        farm.close();
    }

    @Test
    void servesOneHomePagePerHostUnderGovCnNames() {
        assertThat(farm.seedUrls()).hasSize(2)
                .containsExactly(URI.create("http://www.sim-wuzhong.gov.cn:" + farm.port() + "/"),
                        URI.create("http://www.sim-guyuan.gov.cn:" + farm.port() + "/"));
        HttpResponse<byte[]> home = http.get(farm.seedUrls().getFirst());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(SimHttp.text(home)).contains("吴忠市人民政府").contains("政府信息公开年报");
    }

    @Test
    void everyTruthReportIsServedAndListedInItsHostsColumn() {
        FarmTruth truth = farm.truth();
        assertThat(truth.reports()).hasSize(6);
        for (FarmTruth.HostTruth host : truth.hosts()) {
            String column = SimHttp.text(http.get(host.reportColumnUrl()));
            for (FarmTruth.ReportTruth r : truth.reports()) {
                if (!r.host().equals(host.host())) continue;
                assertThat(column).contains("href=\"" + r.pageUrl().getPath() + "\"");
                HttpResponse<byte[]> page = http.get(r.url());
                assertThat(page.statusCode()).as(r.url().toString()).isEqualTo(200);
                assertThat(SimHttp.text(page)).contains(r.agency()).contains(r.year() + "年");
            }
        }
    }

    @Test
    void corpusReportIsServedInlineWithItsTables() {
        FarmTruth.ReportTruth original = farm.truth().reports().stream()
                .filter(r -> r.corpusStem().equals("000_ce2cda99d1cc7ffa") && !r.variant()).findFirst().orElseThrow();
        String html = SimHttp.text(http.get(original.url()));
        assertThat(original.agency()).isEqualTo("吴忠市人民政府办公室");
        assertThat(original.year()).isEqualTo(2020);
        assertThat(html).contains("<table").contains("行政复议").contains("吴忠市人民政府办公室2020年政府信息公开工作年度报告")
                .doesNotContain("href=\"report.pdf\"");
    }

    @Test
    void variantReportsCarryTheirOwnAgencyAndYear() {
        FarmTruth.ReportTruth v = farm.truth().reports().stream().filter(FarmTruth.ReportTruth::variant).findFirst().orElseThrow();
        String html = SimHttp.text(http.get(v.url()));
        assertThat(html).contains("<h1 class=\"article-title\">" + v.agency() + v.year() + "年政府信息公开工作年度报告</h1>")
                .contains("<table");
    }

    @Test
    void conditionalGetAnswers304ForTheSameEtagOrDate() {
        URI url = farm.truth().reports().getFirst().url();
        HttpResponse<byte[]> first = http.get(url);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> byTag = http.get(url, "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(http.get(url, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(http.get(url, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        assertThat(http.get(url, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseHasEtagAndLastModifiedEvenA404() {
        HttpResponse<byte[]> missing = http.get(farm.seedUrls().getFirst().resolve("/no/such/page.html"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isPresent();
        assertThat(missing.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void aMalformedEscapeIsRefusedAndTheFarmKeepsServing() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", farm.port())) {
            s.getOutputStream().write(("GET /bad%zzpath.html HTTP/1.1\r\nHost: www.sim-wuzhong.gov.cn:" + farm.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
        }
        assertThat(http.get(farm.seedUrls().getFirst()).statusCode()).isEqualTo(200);
    }

    @Test
    void simEndpointsAnswerOnAnyHostNameAndAreNotCounted() {
        long before = farm.stats().requests();
        HttpResponse<byte[]> truth = http.get("http://127.0.0.1:" + farm.port() + "/__sim/truth");
        assertThat(truth.statusCode()).isEqualTo(200);
        assertThat(SimHttp.text(truth)).contains("\"reports\"").contains("www.sim-wuzhong.gov.cn");
        HttpResponse<byte[]> stats = http.get("http://www.sim-guyuan.gov.cn:" + farm.port() + "/__sim/stats");
        assertThat(SimHttp.text(stats)).contains("\"minGapMillis\"");
        assertThat(farm.stats().requests()).isEqualTo(before);
    }

    @Test
    void hostsOutsideTheFarmAreCountedSeparately() {
        HttpResponse<byte[]> r = http.get("http://www.nx.gov.cn:" + farm.port() + "/");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(farm.stats().outsideHosts()).containsKey("www.nx.gov.cn");
    }
}
