package org.nianbao.crawler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.sim.CmsStyle;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of a crawl, then crawl again: nothing lost, nothing archived twice. */
class CrawlResumeTest {

    private static List<String> args(Path data, PortalFarm farm) {
        List<String> a = new ArrayList<>(List.of(data.toString(), "30"));
        farm.seedUrls().forEach(u -> a.add(u.toString()));
        return a;
    }

    private static String runToEnd(Path data, PortalFarm farm, Path log) throws Exception {
        Process p = CrawlMain.start(log, args(data, farm).toArray(String[]::new));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("crawl finished in time").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static Map<String, Long> archivedCounts(Path data) throws Exception {
        try (WarcArchive a = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC())) {
            return a.capturesAfter(0).stream().collect(Collectors.groupingBy(Capture::url, Collectors.counting()));
        }
    }

    @Test
    void resumesAfterKillWithoutRefetching(@TempDir Path dir) throws Exception {
        FarmConfig config = FarmConfig.defaults(4).withHostile(Set.of())
                .withStyles(List.of(CmsStyle.TRS, CmsStyle.HANWEB, CmsStyle.PAGED_GBK, CmsStyle.JS_LINKS))
                .withReports(8, 12).withOrdinaryPages(6).withCorpusAttachments(false);
        try (PortalFarm farm = PortalFarm.start(config)) {
            Path clean = dir.resolve("clean");
            try (WarcArchive archive = WarcArchive.open(clean, ArchiveOptions.defaults(), Clock.systemUTC());
                 Crawler crawler = new Crawler(FarmCrawlTest.config(clean.resolve("state"), java.time.Duration.ofMillis(30)),
                         archive, Clock.systemUTC())) {
                crawler.crawlUrls(farm.seedUrls());
            }
            long cleanRequests = farm.stats().requests();

            Path killed = dir.resolve("killed");
            Process first = CrawlMain.start(dir.resolve("first.log"), args(killed, farm).toArray(String[]::new));
            long deadline = System.currentTimeMillis() + 60_000;
            while (farm.stats().requests() - cleanRequests < cleanRequests / 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive()).as("the crawl is still running when it is killed").isTrue();
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(first.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            long atKill = farm.stats().requests() - cleanRequests;

            String resumed = runToEnd(killed, farm, dir.resolve("resumed.log"));
            assertThat(resumed).contains("resumed=true");

            Map<String, Long> cleanUrls = archivedCounts(clean);
            Map<String, Long> killedUrls = archivedCounts(killed);
            assertThat(killedUrls.keySet()).isEqualTo(cleanUrls.keySet());
            assertThat(killedUrls.entrySet()).filteredOn(e -> e.getValue() > 1).extracting(Map.Entry::getKey)
                    .as("URLs archived twice").isEmpty();
            assertThat(cleanUrls.values()).allMatch(n -> n == 1);
            assertThat(atKill).isGreaterThan(0).isLessThan(cleanRequests);
            Function<Map<String, Long>, Long> total = m -> m.values().stream().mapToLong(Long::longValue).sum();
            org.slf4j.LoggerFactory.getLogger(CrawlResumeTest.class).info(
                    "kill -9 after {} of {} requests; clean run archived {} URLs, killed+resumed run {} URLs in {} captures",
                    atKill, cleanRequests, cleanUrls.size(), killedUrls.size(), total.apply(killedUrls));
        }
    }
}
