package org.nianbao.crawler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.PortalFarm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A week later: conditional requests, 304s for what did not change, and new / changed / removed reports named. */
class FarmWeekTest {

    @Test
    void secondRunFetchesOnlyWhatChangedAndNamesNewChangedAndRemovedReports(@TempDir Path dir) throws Exception {
        FarmConfig config = FarmConfig.defaults(5).withHostile(Set.of()).withReports(5, 8).withOrdinaryPages(3)
                .withCorpusAttachments(false).withNewReportsPerWeek(2);
        try (PortalFarm farm = PortalFarm.start(config);
             WarcArchive archive = WarcArchive.open(dir, ArchiveOptions.defaults(), Clock.systemUTC())) {
            CrawlConfig crawl = FarmCrawlTest.config(dir.resolve("state"), Duration.ofMillis(20));
            FarmTruth week0 = farm.truth();
            try (Crawler c = new Crawler(crawl, archive, Clock.systemUTC())) {
                CrawlSummary first = c.crawlUrls(farm.seedUrls());
                assertThat(first.newReports()).containsAll(urls(week0.reports().stream().map(FarmTruth.ReportTruth::url).toList()));
            }
            int before = farm.requests().size();
            FarmTruth week1 = farm.advanceWeek();
            assertThat(week1.changes().added()).isNotEmpty();
            assertThat(week1.changes().changed()).isNotEmpty();
            assertThat(week1.changes().removed()).isNotEmpty();

            CrawlSummary second;
            try (Crawler c = new Crawler(crawl, archive, Clock.systemUTC())) {
                second = c.crawlUrls(farm.seedUrls());
            }
            assertThat(second.runId()).isEqualTo(2);
            assertThat(second.newReports()).containsAll(urls(week1.changes().added()));
            assertThat(second.changedReports()).containsExactlyInAnyOrderElementsOf(urls(week1.changes().changed()));
            assertThat(second.removedReports()).containsExactlyInAnyOrderElementsOf(urls(week1.changes().removed()));

            // Every report that did not change was asked for conditionally and answered 304.
            List<FarmStats.RequestRecord> week1Requests = farm.requests().subList(before, farm.requests().size());
            Set<String> changedOrNew = new HashSet<>(urls(week1.changes().added()));
            changedOrNew.addAll(urls(week1.changes().changed()));
            changedOrNew.addAll(urls(week1.changes().removed()));
            Set<String> unchanged = week0.reports().stream().map(r -> r.url().toString())
                    .filter(u -> !changedOrNew.contains(u)).collect(Collectors.toSet());
            assertThat(unchanged).isNotEmpty();
            for (String u : unchanged) {
                URI uri = URI.create(u);
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                List<Integer> statuses = week1Requests.stream().filter(r -> u.contains("//" + r.host() + ":") && r.target().equals(target))
                        .map(FarmStats.RequestRecord::status).toList();
                assertThat(statuses).as(u).containsExactly(304);
            }
            assertThat(second.notModified()).isGreaterThanOrEqualTo(unchanged.size());
            assertThat(second.unchanged()).isGreaterThanOrEqualTo(unchanged.size());
        }
    }

    private static List<String> urls(List<URI> uris) {
        return uris.stream().map(URI::toString).toList();
    }
}
