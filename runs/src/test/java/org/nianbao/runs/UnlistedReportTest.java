package org.nianbao.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeDetector;
import org.nianbao.runs.changes.ChangeKind;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A report still answering 200 but no longer linked from its column is marked removed, once. */
class UnlistedReportTest {
    private static final String HOST = "www.unlisted-test.gov.cn";

    @Test
    void reportDroppedFromItsListPageIsMarkedRemovedOnceAndStaysSearchable(@TempDir Path data) throws Exception {
        Path corpus = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs");
        byte[] r1 = Files.readAllBytes(corpus.resolve("000_ce2cda99d1cc7ffa").resolve("report.utf8.html"));
        byte[] r2 = Files.readAllBytes(corpus.resolve("001_d3dbc75fcf03ce83").resolve("report.utf8.html"));
        Map<String, byte[]> pages = new ConcurrentHashMap<>();
        pages.put("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
        pages.put("/", html("<a href='/nb/index.html'>政府信息公开年报</a>"));
        pages.put("/nb/index.html", html("<a href='/nb/r1.html'>2020年政府信息公开工作年度报告</a> "
                + "<a href='/nb/r2.html'>2021年政府信息公开工作年度报告</a>"));
        pages.put("/nb/r1.html", r1);
        pages.put("/nb/r2.html", r2);
        PagesServer server = new PagesServer(pages);
        try {
            String base = "http://" + HOST + ":" + server.port();
            CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(20))
                    .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
            WeeklyRun runner = new WeeklyRun(data, config, Clock.systemUTC());
            List<Seed> seeds = List.of(Seed.of(URI.create(base + "/")));

            WeeklyRun.RunResult first = runner.run(seeds);
            assertThat(first.record().newReports()).isEqualTo(2);

            pages.put("/nb/index.html", html("<a href='/nb/r1.html'>2020年政府信息公开工作年度报告</a>"));
            WeeklyRun.RunResult second = runner.run(seeds);
            assertThat(second.record().removedReports()).isEqualTo(1);
            Change removed = second.changes().stream().filter(c -> c.kind() == ChangeKind.REMOVED).findFirst().orElseThrow();
            assertThat(removed.url()).isEqualTo(base + "/nb/r2.html");
            assertThat(removed.reason()).isEqualTo(ChangeDetector.UNLISTED);
            try (ReportSearcher s = ReportSearcher.open(data.resolve("index"))) {
                assertThat(s.report(removed.reportId()).orElseThrow().status()).isEqualTo("removed");
            }

            WeeklyRun.RunResult third = runner.run(seeds);
            assertThat(third.record().removedReports()).isZero();
            assertThat(third.changes()).isEmpty();
        } finally {
            server.close();
        }
    }

    private static byte[] html(String body) {
        return ("<!doctype html><html><head><meta charset='utf-8'><title>政府信息公开</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
