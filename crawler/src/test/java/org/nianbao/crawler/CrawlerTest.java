package org.nianbao.crawler;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.Capture;
import org.nianbao.archive.Exchange;
import org.nianbao.crawler.fetch.DnsOverride;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlerTest {

    private static final String HOST = "www.test-sim.gov.cn";

    private static CrawlConfig config(Path state, Duration delay) {
        return CrawlConfig.defaults(state).withDelay(delay)
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")))
                .withBackoff(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    private static String base(TestSite site) {
        return "http://" + HOST + ":" + site.port();
    }

    private static TestSite portal() throws Exception {
        TestSite site = new TestSite();
        site.page("/robots.txt", r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
                .body("User-agent: *\nDisallow: /private/\n").build());
        site.html("/", """
                <html><body><a href="/xxgk/">政府信息公开</a> <a href="/news/1.html">新闻</a>
                <a href="/private/secret.html">内部</a> <a href="http://www.elsewhere.com/x.html">友情链接</a>
                <a href="/r1">旧栏目</a> <a href="http://10.1.2.3/intranet.html">内网</a></body></html>""");
        site.html("/xxgk/", "<a href='/xxgk/nb/index.html'>政府信息公开年报</a>");
        site.html("/news/1.html", "<p>新闻</p><a href='/private/other.html'>x</a>");
        site.page("/r1", r -> new MockResponse.Builder().code(302).setHeader("Location", "/r2").build());
        site.page("/r2", r -> new MockResponse.Builder().code(301).setHeader("Location", "/xxgk/nb/index.html").build());
        site.html("/xxgk/nb/index.html", """
                <ul><li><a href="/xxgk/nb/202201/t20220110_1.html">宁夏2021年政府信息公开工作年度报告</a></li></ul>
                <script>createPageHTML(2, 0, "index", "html");</script>""");
        site.html("/xxgk/nb/index_1.html", """
                <ul><li><a href="/xxgk/nb/202101/t20210110_2.html">宁夏2020年政府信息公开工作年度报告</a></li></ul>""");
        site.html("/xxgk/nb/202201/t20220110_1.html", "<p>附件：<a href='/files/2021.pdf'>2021年年报.pdf</a></p>");
        site.html("/xxgk/nb/202101/t20210110_2.html", "<table><tr><td>2020</td></tr></table>");
        site.page("/files/2021.pdf", r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf")
                .body("%PDF-1.4 a report").build());
        return site;
    }

    @Test
    void crawlsPolitelyFindsReportsAndArchivesEveryHop(@TempDir Path dir) throws Exception {
        try (TestSite site = portal(); FileArchive archive = new FileArchive(dir.resolve("archive"));
             Crawler crawler = new Crawler(config(dir.resolve("state"), Duration.ofMillis(100)), archive, Clock.systemUTC())) {
            CrawlSummary s = crawler.crawlUrls(List.of(URI.create(base(site) + "/")));

            List<String> paths = site.paths();
            assertThat(paths.getFirst()).isEqualTo("/robots.txt");
            assertThat(paths).doesNotContain("/private/secret.html", "/private/other.html");
            assertThat(paths).contains("/xxgk/nb/index_1.html", "/xxgk/nb/202201/t20220110_1.html",
                    "/xxgk/nb/202101/t20210110_2.html", "/files/2021.pdf", "/r1", "/r2");
            assertThat(paths).doesNotHaveDuplicates();
            // Reports and columns come before ordinary news pages.
            assertThat(paths.indexOf("/files/2021.pdf")).isLessThan(paths.indexOf("/news/1.html"));
            // Politeness: arrivals at least the delay apart (the gap after each response is at least that).
            List<TestSite.Hit> hits = site.hits();
            for (int i = 1; i < hits.size(); i++) {
                assertThat(Duration.between(hits.get(i - 1).at(), hits.get(i).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            }
            String ua = hits.getFirst().request().getHeaders().get("User-Agent");
            assertThat(ua).contains("nianbao").contains("https://");
            // Every answer is archived, each redirect hop on its own, with the request as sent.
            assertThat(archive.captures()).extracting(Capture::url).contains(base(site) + "/r1", base(site) + "/r2")
                    .noneMatch(u -> u.contains("elsewhere") || u.contains("10.1.2.3") || u.contains("/private/"));
            assertThat(archive.captures()).hasSize(hits.size());
            Exchange first = archive.exchanges().getFirst();
            String request = new String(first.request(), StandardCharsets.ISO_8859_1);
            assertThat(request).startsWith("GET /robots.txt HTTP/1.1\r\n").contains("Host: " + HOST + ":" + site.port())
                    .contains("Accept-Encoding: gzip").endsWith("\r\n\r\n");
            assertThat(first.serverIp()).isEqualTo("127.0.0.1");
            assertThat(new String(first.responseHead(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");

            assertThat(s.reportsFound()).isEqualTo(3);
            assertThat(s.newReports()).hasSize(3);
            HostSummary h = s.hosts().stream().filter(x -> x.host().startsWith(HOST)).findFirst().orElseThrow();
            assertThat(h.skippedByRobots()).isEqualTo(2);
            assertThat(h.requests()).isEqualTo(hits.size());
            assertThat(h.blockedByAntiBot()).isNull();
        }
    }

    @Test
    void honoursRetryAfterThenContinues(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestSite site = new TestSite(); FileArchive archive = new FileArchive(dir.resolve("archive"));
             Crawler crawler = new Crawler(config(dir.resolve("state"), Duration.ofMillis(50)), archive, Clock.systemUTC())) {
            site.html("/", "<a href='/busy.html'>2023年政府信息公开工作年度报告</a>");
            site.page("/busy.html", r -> calls.incrementAndGet() == 1
                    ? new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("slow down").build()
                    : new MockResponse.Builder().code(200).body("<p>report</p>").build());
            CrawlSummary s = crawler.crawlUrls(List.of(URI.create(base(site) + "/")));
            List<TestSite.Hit> busy = site.hits().stream().filter(h -> h.path().equals("/busy.html")).toList();
            assertThat(busy).hasSize(2);
            assertThat(Duration.between(busy.get(0).at(), busy.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(s.reportsFound()).isEqualTo(1);
            assertThat(s.hosts().getFirst().errors()).containsEntry("http-429", 1);
        }
    }

    @Test
    void stopsAHostThatAnswersWithAnAntiBotChallenge(@TempDir Path dir) throws Exception {
        try (TestSite site = new TestSite(); FileArchive archive = new FileArchive(dir.resolve("archive"));
             Crawler crawler = new Crawler(config(dir.resolve("state"), Duration.ofMillis(20)), archive, Clock.systemUTC())) {
            site.html("/", "<a href='/a.html'>a</a><a href='/b.html'>b</a><a href='/c.html'>c</a>");
            site.page("/a.html", r -> new MockResponse.Builder().code(412)
                    .body("<html><script>$_ts=window['$_ts'];$_ts.nsd=1;</script></html>").build());
            site.html("/b.html", "b");
            site.html("/c.html", "c");
            CrawlSummary s = crawler.crawlUrls(List.of(URI.create(base(site) + "/")));
            assertThat(site.paths()).containsExactly("/robots.txt", "/", "/a.html");
            assertThat(s.hosts().getFirst().blockedByAntiBot()).contains("412");
        }
    }

    @Test
    void secondRunAsksConditionallyAndReportsNewChangedAndRemoved(@TempDir Path dir) throws Exception {
        try (TestSite site = new TestSite(); FileArchive archive = new FileArchive(dir.resolve("archive"))) {
            AtomicInteger week = new AtomicInteger(1);
            site.page("/robots.txt", r -> new MockResponse.Builder().code(404).build());
            site.page("/", r -> etagged(r, "home-" + week.get(), week.get() == 1
                    ? "<a href='/r/2020.html'>2020年年度报告</a><a href='/r/2021.html'>2021年年度报告</a><a href='/r/2022.html'>2022年年度报告</a>"
                    : "<a href='/r/2020.html'>2020年年度报告</a><a href='/r/2021.html'>2021年年度报告</a><a href='/r/2023.html'>2023年年度报告</a>"));
            site.page("/r/2020.html", r -> etagged(r, "2020", "unchanged report"));
            site.page("/r/2021.html", r -> etagged(r, "2021-" + week.get(), "report edited in week " + week.get()));
            site.page("/r/2022.html", r -> etagged(r, "2022", "report removed later"));
            CrawlConfig cfg = config(dir.resolve("state"), Duration.ofMillis(20));
            try (Crawler c = new Crawler(cfg, archive, Clock.systemUTC())) {
                CrawlSummary first = c.crawlUrls(List.of(URI.create(base(site) + "/")));
                assertThat(first.newReports()).hasSize(3);
            }
            week.set(2);
            site.remove("/r/2022.html");
            site.page("/r/2023.html", r -> etagged(r, "2023", "new report"));
            int before = site.hits().size();
            try (Crawler c = new Crawler(cfg, archive, Clock.systemUTC())) {
                CrawlSummary second = c.crawlUrls(List.of(URI.create(base(site) + "/")));
                assertThat(second.newReports()).containsExactly(base(site) + "/r/2023.html");
                assertThat(second.changedReports()).containsExactly(base(site) + "/r/2021.html");
                assertThat(second.removedReports()).containsExactly(base(site) + "/r/2022.html");
                assertThat(second.notModified()).isEqualTo(1);
                assertThat(second.unchanged()).isEqualTo(1);
                assertThat(second.runId()).isEqualTo(2);
            }
            // robots.txt is trusted for a day, so the second run does not ask for it again.
            assertThat(site.paths().subList(before, site.hits().size())).doesNotContain("/robots.txt");
            assertThat(site.hits().stream().filter(h -> h.path().equals("/r/2020.html")).toList().getLast()
                    .request().getHeaders().get("If-None-Match")).isEqualTo("\"2020\"");
        }
    }

    private static MockResponse etagged(mockwebserver3.RecordedRequest r, String tag, String body) {
        String etag = "\"" + tag + "\"";
        if (etag.equals(r.getHeaders().get("If-None-Match"))) {
            return new MockResponse.Builder().code(304).setHeader("ETag", etag).build();
        }
        return new MockResponse.Builder().code(200).setHeader("ETag", etag).setHeader("Content-Type", "text/html; charset=utf-8")
                .body(body).build();
    }
}
