package org.nianbao.runs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeDetector;
import org.nianbao.runs.changes.ChangeKind;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunsDatabase;

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

/**
 * A report marked removed that comes back goes back to current in the index, with a change entry
 * saying it reappeared. (The portal simulator never brings a removed report back, so a small real
 * portal on 127.0.0.1 plays the weeks.)
 */
class ReappearedReportTest {
    private static final String HOST = "www.reappeared-test.gov.cn";
    private static final String LIST_BOTH = "<a href='/nb/r1.html'>2020年政府信息公开工作年度报告</a> "
            + "<a href='/nb/r2.html'>2021年政府信息公开工作年度报告</a>";

    @TempDir
    Path data;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private PagesServer server;
    private WeeklyRun runner;
    private List<Seed> seeds;
    private String base;
    private byte[] r2;

    @BeforeEach
    void portal() throws Exception {
        Path corpus = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs");
        byte[] r1 = Files.readAllBytes(corpus.resolve("000_ce2cda99d1cc7ffa").resolve("report.utf8.html"));
        r2 = Files.readAllBytes(corpus.resolve("001_d3dbc75fcf03ce83").resolve("report.utf8.html"));
        pages.put("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
        pages.put("/", html("<a href='/nb/index.html'>政府信息公开年报</a>"));
        pages.put("/nb/index.html", html(LIST_BOTH));
        pages.put("/nb/r1.html", r1);
        pages.put("/nb/r2.html", r2);
        server = new PagesServer(pages);
        base = "http://" + HOST + ":" + server.port();
        CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(20))
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
        runner = new WeeklyRun(data, config, Clock.systemUTC());
        seeds = List.of(Seed.of(URI.create(base + "/")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportAnswering404ThenTheDocumentAgainIsCurrentWithAReappearedEntry() throws Exception {
        assertThat(runner.run(seeds).record().newReports()).isEqualTo(2);

        pages.remove("/nb/r2.html");
        WeeklyRun.RunResult gone = runner.run(seeds);
        Change removed = only(gone.changes(), ChangeKind.REMOVED);
        assertThat(removed.url()).isEqualTo(base + "/nb/r2.html");
        assertThat(removed.reason()).isEqualTo("http-404");
        assertThat(status(removed.reportId())).isEqualTo("removed");

        pages.put("/nb/r2.html", r2);
        WeeklyRun.RunResult back = runner.run(seeds);
        Change reappeared = only(back.changes(), ChangeKind.REAPPEARED);
        assertThat(back.changes()).containsExactly(reappeared);
        assertThat(reappeared.url()).isEqualTo(removed.url());
        assertThat(reappeared.reportId()).isEqualTo(removed.reportId());
        assertThat(reappeared.reason()).isEqualTo(ChangeDetector.ANSWERS_AGAIN);
        assertThat(reappeared.previousCaptureId()).isEqualTo(removed.previousCaptureId());
        assertThat(reappeared.diff()).as("same bytes as the copy kept before the removal").isNull();
        assertThat(status(reappeared.reportId())).isEqualTo("current");
        assertThat(storedChanges(reappeared.reportId())).extracting(Change::kind)
                .containsExactly(ChangeKind.NEW, ChangeKind.REMOVED, ChangeKind.REAPPEARED);
        assertThat(RunsJson.changes(back.changes())).containsKey("reappeared");
        assertThat(gone.record().removedReports()).isEqualTo(1);
        assertThat(back.record().reappearedReports()).as("the run record counts the reappearance").isEqualTo(1);
        assertThat(back.record().removedReports()).isZero();
        try (RunsDatabase db = RunsDatabase.open(data)) {
            assertThat(new RunLog(db).get(back.record().id()).orElseThrow().reappearedReports()).isEqualTo(1);
        }
        assertThat(RunsJson.run(back.record())).containsEntry("reappeared", 1);

        WeeklyRun.RunResult quiet = runner.run(seeds);
        assertThat(quiet.changes()).as("a reappearance is reported once").isEmpty();
        assertThat(status(reappeared.reportId())).isEqualTo("current");
    }

    @Test
    void reportListedAgainAfterVanishingFromItsColumnIsCurrentWithAReappearedEntry() throws Exception {
        assertThat(runner.run(seeds).record().newReports()).isEqualTo(2);

        pages.put("/nb/index.html", html("<a href='/nb/r1.html'>2020年政府信息公开工作年度报告</a>"));
        Change removed = only(runner.run(seeds).changes(), ChangeKind.REMOVED);
        assertThat(removed.reason()).isEqualTo(ChangeDetector.UNLISTED);
        assertThat(status(removed.reportId())).isEqualTo("removed");

        pages.put("/nb/index.html", html(LIST_BOTH));
        WeeklyRun.RunResult back = runner.run(seeds);
        Change reappeared = only(back.changes(), ChangeKind.REAPPEARED);
        assertThat(back.changes()).containsExactly(reappeared);
        assertThat(reappeared.url()).isEqualTo(base + "/nb/r2.html");
        assertThat(reappeared.reportId()).isEqualTo(removed.reportId());
        assertThat(reappeared.reason()).isEqualTo(ChangeDetector.LISTED_AGAIN);
        assertThat(status(reappeared.reportId())).isEqualTo("current");

        assertThat(runner.run(seeds).changes()).isEmpty();

        // Listed again means it can vanish again later, and be reported as removed again.
        pages.put("/nb/index.html", html("<a href='/nb/r1.html'>2020年政府信息公开工作年度报告</a>"));
        assertThat(only(runner.run(seeds).changes(), ChangeKind.REMOVED).reportId()).isEqualTo(removed.reportId());
        assertThat(status(removed.reportId())).isEqualTo("removed");
    }

    private static Change only(List<Change> changes, ChangeKind kind) {
        List<Change> l = changes.stream().filter(c -> c.kind() == kind).toList();
        assertThat(l).as(kind + " changes in " + changes).hasSize(1);
        return l.getFirst();
    }

    private String status(String reportId) {
        try (ReportSearcher s = ReportSearcher.open(data.resolve("index"))) {
            return s.report(reportId).orElseThrow().status();
        }
    }

    private List<Change> storedChanges(String reportId) {
        try (RunsDatabase db = RunsDatabase.open(data)) {
            return new ChangeLog(db).ofReport(reportId);
        }
    }

    private static byte[] html(String body) {
        return ("<!doctype html><html><head><meta charset='utf-8'><title>政府信息公开</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
