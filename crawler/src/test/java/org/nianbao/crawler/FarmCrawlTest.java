package org.nianbao.crawler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.sim.CmsStyle;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.PortalFarm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The crawler against portal-sim on 127.0.0.1: recall and politeness, measured by the farm itself. */
class FarmCrawlTest {

    static CrawlConfig config(Path state, Duration delay) {
        return CrawlConfig.defaults(state).withDelay(delay)
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")))
                .withBackoff(5, Duration.ofMillis(200), Duration.ofSeconds(10))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    static Set<String> archivedUrls(WarcArchive archive) throws Exception {
        return archive.capturesAfter(0).stream().map(Capture::url).collect(Collectors.toSet());
    }

    @Test
    void crawlsRegistryUnitsFromTheirReportColumnsAndNamesTheUnitOfEachHost(@TempDir Path dir) throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small());
             WarcArchive archive = WarcArchive.open(dir, ArchiveOptions.defaults(), Clock.systemUTC());
             Crawler crawler = new Crawler(config(dir.resolve("state"), Duration.ofMillis(20)), archive, Clock.systemUTC())) {
            List<org.nianbao.seeds.Unit> units = farm.truth().hosts().stream().map(h -> new org.nianbao.seeds.Unit(
                    h.unit(), org.nianbao.seeds.Unit.Level.CITY, h.province(), null, h.seedUrl(), List.of(h.reportColumnUrl()),
                    List.of(h.host()), false)).toList();
            CrawlSummary summary = crawler.crawl(units);
            Set<String> archived = archivedUrls(archive);
            assertThat(farm.truth().reports()).allSatisfy(r -> assertThat(archived).contains(r.url().toString()));
            assertThat(summary.hosts()).extracting(HostSummary::unit)
                    .containsExactlyInAnyOrderElementsOf(units.stream().map(org.nianbao.seeds.Unit::name).toList());
            // The report column is a seed of its own and goes first, right after robots.txt.
            List<FarmStats.RequestRecord> log = farm.requests();
            for (FarmTruth.HostTruth h : farm.truth().hosts()) {
                List<String> targets = log.stream().filter(r -> r.host().equals(h.host())).map(FarmStats.RequestRecord::target).toList();
                assertThat(targets.get(0)).isEqualTo("/robots.txt");
                assertThat(targets.get(1)).isEqualTo(h.reportColumnUrl().getRawPath());
            }
        }
    }

    @Test
    void findsEveryReportOfEveryCmsFamilyWithoutBreakingAnyRule(@TempDir Path dir) throws Exception {
        FarmConfig farmConfig = FarmConfig.defaults(10).withReports(3, 6).withOrdinaryPages(4)
                .withSlowness(Duration.ofMillis(600)).withHugeBytes(3L * 1024 * 1024).withCrawlDelaySeconds(1)
                .withRetryAfterSeconds(1);
        try (PortalFarm farm = PortalFarm.start(farmConfig);
             WarcArchive archive = WarcArchive.open(dir, ArchiveOptions.defaults(), Clock.systemUTC());
             Crawler crawler = new Crawler(config(dir.resolve("state"), Duration.ofMillis(50)), archive, Clock.systemUTC())) {
            CrawlSummary summary = crawler.crawlUrls(farm.seedUrls());
            FarmTruth truth = farm.truth();
            FarmStats stats = farm.stats();
            Set<String> archived = archivedUrls(archive);

            // Recall: every report document and its page, for every CMS family.
            Map<CmsStyle, List<FarmTruth.ReportTruth>> byCms = truth.reports().stream().collect(Collectors.groupingBy(
                    r -> truth.hosts().stream().filter(h -> h.host().equals(r.host())).findFirst().orElseThrow().cms()));
            assertThat(byCms.keySet()).containsExactlyInAnyOrder(CmsStyle.values());
            byCms.forEach((cms, reports) -> {
                for (FarmTruth.ReportTruth r : reports) {
                    assertThat(archived).as(cms + " report " + r.url()).contains(r.url().toString());
                    assertThat(archived).as(cms + " page " + r.pageUrl()).contains(r.pageUrl().toString());
                }
            });
            org.slf4j.LoggerFactory.getLogger(FarmCrawlTest.class).info(
                    "recall {}/{} reports over {} CMS families; {} requests; disallowed hits {}; before robots {}; trap hits {}; "
                            + "session-id hits {}; Retry-After violations {}; smallest gap {} ms; most in flight {}; outside hosts {}",
                    truth.reports().stream().filter(r -> archived.contains(r.url().toString())).count(), truth.reports().size(),
                    byCms.size(), stats.requests(), stats.total(FarmStats.HostStats::disallowedHits),
                    stats.total(FarmStats.HostStats::requestsBeforeRobots), stats.total(FarmStats.HostStats::trapHits),
                    stats.total(FarmStats.HostStats::sessionIdHits), stats.total(FarmStats.HostStats::retryAfterViolations),
                    stats.minGapMillis(), stats.maxInFlight(), stats.outsideHosts().size());
            // Politeness and restraint, as the farm measured them.
            Duration delay = Duration.ofMillis(50);
            stats.hosts().values().forEach(h -> {
                assertThat(h.disallowedHits()).as(h.host() + " disallowed").isZero();
                assertThat(h.requestsBeforeRobots()).as(h.host() + " before robots").isZero();
                assertThat(h.maxInFlight()).as(h.host() + " in flight").isLessThanOrEqualTo(1);
                if (h.minGapMillis() != null) assertThat(h.minGapMillis()).as(h.host() + " gap").isGreaterThanOrEqualTo(delay.toMillis());
                assertThat(h.trapHits()).as(h.host() + " traps").isLessThanOrEqualTo(10 + 2);
                assertThat(h.sessionIdHits()).as(h.host() + " session ids").isZero();
                assertThat(h.retryAfterViolations()).as(h.host() + " Retry-After").isZero();
                assertThat(h.antiBotHits()).as(h.host() + " anti-bot").isLessThanOrEqualTo(1);
            });
            assertThat(stats.outsideHosts()).isEmpty();
            assertThat(truth.disallowedUrls()).allSatisfy(u -> assertThat(archived).doesNotContain(u.toString()));
            // The anti-bot host is reported as blocked; the crawl-delay host was given its gap.
            for (FarmTruth.HostTruth h : truth.hosts()) {
                HostSummary hs = summary.hosts().stream().filter(s -> s.host().startsWith(h.host() + ":")).findFirst().orElseThrow();
                if (h.blocksCrawlers()) assertThat(hs.blockedByAntiBot()).as(h.host()).isNotNull();
                else assertThat(hs.blockedByAntiBot()).as(h.host()).isNull();
                if (h.crawlDelaySeconds() != null && stats.hosts().get(h.host()).minGapMillis() != null) {
                    assertThat(stats.hosts().get(h.host()).minGapMillis()).isGreaterThanOrEqualTo(h.crawlDelaySeconds() * 1000L);
                }
            }
            assertThat(summary.reportsFound()).isGreaterThanOrEqualTo(truth.reports().size());
        }
    }
}
