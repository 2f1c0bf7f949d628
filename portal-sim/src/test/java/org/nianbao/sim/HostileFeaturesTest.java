package org.nianbao.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every hostile feature on the farm that has them all, one per host. */
class HostileFeaturesTest {
    static final Duration SLOWNESS = Duration.ofMillis(600);
    static PortalFarm farm;
    static SimHttp http;

    @BeforeAll
    static void start() {
        farm = PortalFarm.start(FarmConfig.defaults(17).withReports(10, 12).withSlowness(SLOWNESS).withRetryAfterSeconds(1));
        http = new SimHttp(farm);
    }

    @AfterAll
    static void stop() {
        http.close();
        farm.close();
    }

    static FarmTruth.HostTruth with(Hostile h) {
        return farm.truth().hosts().stream().filter(x -> x.features().contains(h)).findFirst().orElseThrow();
    }

    static FarmStats.HostStats stats(FarmTruth.HostTruth h) {
        return farm.stats().hosts().get(h.host());
    }

    static URI firstLink(FarmTruth.HostTruth h, String regex) {
        Matcher m = Pattern.compile("href=\"(" + regex + ")\"").matcher(SimHttp.text(http.get(h.seedUrl())));
        assertThat(m.find()).as("home page of %s links %s", h.host(), regex).isTrue();
        return h.seedUrl().resolve(m.group(1));
    }

    @Test
    void everyFeatureSitsOnExactlyOneHostAndHostZeroIsQuiet() {
        for (Hostile h : Hostile.values()) {
            assertThat(farm.truth().hosts().stream().filter(x -> x.features().contains(h))).as(h.name()).hasSize(1);
        }
        assertThat(farm.truth().hosts().getFirst().features()).isEmpty();
    }

    @Test
    void gzipHostEncodesHtmlOnlyForClientsThatAcceptItWithAWeakEtag() throws Exception {
        FarmTruth.HostTruth h = with(Hostile.GZIP_HTML);
        HttpResponse<byte[]> plain = http.get(h.reportColumnUrl());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> gz = http.get(h.reportColumnUrl(), "Accept-Encoding", "gzip, deflate");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gz.headers().firstValue("Content-Length")).hasValue(String.valueOf(gz.body().length));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String etag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"").isEqualTo("W/" + plain.headers().firstValue("ETag").orElseThrow());
        assertThat(http.get(h.reportColumnUrl(), "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> robots = http.get(h.seedUrl().resolve("/robots.txt"), "Accept-Encoding", "gzip");
        assertThat(robots.headers().firstValue("Content-Encoding")).as("only HTML is encoded").isEmpty();
    }

    @Test
    void antiBotHostAnswers412ChallengesAndIsNotInTheReportTruth() {
        FarmTruth.HostTruth h = with(Hostile.ANTI_BOT);
        assertThat(h.blocksCrawlers()).isTrue();
        assertThat(http.get(h.seedUrl().resolve("/robots.txt")).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = http.get(h.seedUrl());
        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("FSSBBIl1UgzbN7N80S=");
        assertThat(SimHttp.text(r)).contains("$_ts=window['$_ts']").doesNotContain("政府信息公开年报");
        assertThat(http.get(h.reportColumnUrl()).statusCode()).isEqualTo(412);
        assertThat(stats(h).antiBotHits()).isEqualTo(2);
        assertThat(farm.truth().reports()).noneMatch(x -> x.host().equals(h.host()));
    }

    @Test
    void rateLimitedHostAnswers429And503WithRetryAfterAndCountsEarlyReturns() {
        FarmTruth.HostTruth h = with(Hostile.RATE_LIMIT);
        int[] statuses = new int[14];
        for (int i = 0; i < 14; i++) {
            HttpResponse<byte[]> r = http.get(h.seedUrl());
            statuses[i] = r.statusCode();
            if (r.statusCode() != 200) assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(statuses[6]).isEqualTo(429);   // the 7th request
        assertThat(statuses[13]).isEqualTo(503);  // the 14th
        assertThat(java.util.Arrays.stream(statuses).filter(s -> s == 200).count()).isEqualTo(12);
        FarmStats.HostStats s = stats(h);
        assertThat(s.throttled()).isEqualTo(2);
        assertThat(s.retryAfterViolations()).isEqualTo(7); // requests 8..14 came back at once
    }

    @Test
    void redirectChainEndsOnARealPageAndTheLoopIsATrap() {
        FarmTruth.HostTruth h = with(Hostile.REDIRECTS);
        URI u = firstLink(h, "/go/3/xxgk");
        int hops = 0;
        HttpResponse<byte[]> r = http.get(u);
        while (r.statusCode() / 100 == 3) {
            hops++;
            u = u.resolve(r.headers().firstValue("Location").orElseThrow());
            r = http.get(u);
        }
        assertThat(hops).isEqualTo(3);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SimHttp.text(r)).contains("政府信息公开年报");

        URI loop = firstLink(h, "/loop/a.html");
        URI next = loop.resolve(http.get(loop).headers().firstValue("Location").orElseThrow());
        assertThat(loop.resolve(http.get(next).headers().firstValue("Location").orElseThrow())).isEqualTo(loop);
        assertThat(farm.truth().traps()).anyMatch(t -> t.kind().equals("redirect-loop") && loop.toString().startsWith(t.urlPrefix()));
        assertThat(stats(h).trapHits()).isEqualTo(2);
    }

    @Test
    void brokenLinksAnswer404() {
        FarmTruth.HostTruth h = with(Hostile.BROKEN_LINKS);
        assertThat(http.get(firstLink(h, "/xwzx/old/\\d+\\.html")).statusCode()).isEqualTo(404);
    }

    @Test
    void calendarNeverEndsAndEveryVisitIsATrapHit() {
        FarmTruth.HostTruth h = with(Hostile.CALENDAR_TRAP);
        URI u = firstLink(h, "/hdjl/calendar/[0-9-]+\\.html");
        for (int i = 0; i < 30; i++) {
            String html = SimHttp.text(http.get(u));
            Matcher m = Pattern.compile("href=\"([^\"]+)\">下个月").matcher(html);
            assertThat(m.find()).isTrue();
            u = u.resolve(m.group(1));
        }
        assertThat(u.getPath()).isEqualTo("/hdjl/calendar/2027-06.html");
        assertThat(stats(h).trapHits()).isEqualTo(30);
        assertThat(farm.truth().traps()).anyMatch(t -> t.kind().equals("calendar") && t.host().equals(h.host()));
    }

    @Test
    void sessionIdUrlsServeTheSamePagesAndAreCounted() {
        FarmTruth.HostTruth h = with(Hostile.SESSION_IDS);
        URI withSession = firstLink(h, "[^\"]+;jsessionid=[0-9A-F]+");
        URI without = URI.create(withSession.toString().replaceAll(";jsessionid=[0-9A-F]+", ""));
        assertThat(http.get(withSession).body()).isEqualTo(http.get(without).body());
        URI sid = firstLink(h, "[^\"]+\\?sid=[0-9a-f]+");
        assertThat(http.get(sid).body()).isEqualTo(http.get(h.reportColumnUrl()).body());
        assertThat(stats(h).sessionIdHits()).isEqualTo(2);
    }

    @Test
    void slowPageAnswersOnlyAfterTheConfiguredWait() {
        FarmTruth.HostTruth h = with(Hostile.SLOW_RESPONSE);
        URI u = firstLink(h, "/hdjl/zxft.html");
        long t0 = System.nanoTime();
        assertThat(http.get(u).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(SLOWNESS);
    }

    @Test
    void tricklingPageSendsAllItsBytesSlowly() {
        FarmTruth.HostTruth h = with(Hostile.TRICKLE);
        URI u = firstLink(h, "/hdjl/dczj.html");
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.get(u);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(SLOWNESS.multipliedBy(8).dividedBy(10));
        assertThat(SimHttp.text(r)).contains("调查征集").endsWith("</html>\n");
    }

    @Test
    void truncatedPdfIsAPdfCutShort() {
        FarmTruth.ReportTruth t = farm.truth().reports().stream().filter(r -> r.flags().contains("truncated")).findFirst().orElseThrow();
        HttpResponse<byte[]> r = http.get(t.url());
        assertThat(r.statusCode()).isEqualTo(200);
        String head = new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1);
        String tail = new String(r.body(), r.body().length - 64, 64, StandardCharsets.ISO_8859_1);
        assertThat(head).isEqualTo("%PDF-");
        assertThat(tail).doesNotContain("%%EOF");
        assertThat(SimHttp.text(http.get(t.pageUrl()))).contains(t.url().getPath());
    }

    @Test
    void hugeReportStreamsSixtyMegabytesWithExactLength() {
        FarmTruth.ReportTruth t = farm.truth().reports().stream().filter(r -> r.flags().contains("huge")).findFirst().orElseThrow();
        long[] got = http.drain(t.url());
        assertThat(got[0]).isEqualTo(200);
        assertThat(got[1]).isEqualTo(60L * 1024 * 1024);
        assertThat(got[2]).isEqualTo(60L * 1024 * 1024);
    }

    @Test
    void downloadServletNamesTheFileInRfc5987Form() {
        FarmTruth.ReportTruth t = farm.truth().reports().stream()
                .filter(r -> r.flags().contains("download") && r.format().equals("pdf") && r.host().contains("guyuan")).findFirst().orElseThrow();
        assertThat(t.url().getPath()).isEqualTo("/download");
        HttpResponse<byte[]> r = http.get(t.url());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"").contains("filename*=UTF-8''%E5%9B%BA%E5%8E%9F%E5%B8%82");
        assertThat(r.body()).hasSize(259262); // the corpus original, byte for byte
    }

    @Test
    void corpusUnitsAlsoPublishTheirOriginalsInEveryFormat() {
        assertThat(farm.truth().reports().stream().filter(r -> !r.variant()).map(FarmTruth.ReportTruth::format).distinct())
                .contains("html", "pdf", "doc", "docx", "scan-pdf");
    }

    @Test
    void externalLinksLeaveTheFarmAndFollowingThemIsCounted() {
        FarmTruth.HostTruth h = with(Hostile.EXTERNAL_LINKS);
        String home = SimHttp.text(http.get(h.seedUrl()));
        Matcher m = Pattern.compile("href=\"(http://www\\.gov\\.cn:\\d+/)\"").matcher(home);
        assertThat(m.find()).isTrue();
        assertThat(home).contains("href=\"http://www.nx.gov.cn:" + farm.port() + "/\"").contains("href=\"http://www.baidu.com/\"");
        http.get(m.group(1));
        assertThat(farm.stats().outsideHosts()).containsEntry("www.gov.cn", 1L);
    }
}
