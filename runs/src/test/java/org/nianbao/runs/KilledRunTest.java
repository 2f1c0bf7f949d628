package org.nianbao.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.runs.lock.RunLock;
import org.nianbao.runs.lock.RunLockedException;
import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunRecord;
import org.nianbao.runs.record.RunsDatabase;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kill -9 in the middle of a run: the lock does not outlive the process, and the next run finishes the work. */
class KilledRunTest {

    @Test
    void runKilledMidCrawlIsMarkedInterruptedAndTheNextRunFinishesItsWork(@TempDir Path data) throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small())) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), RunChild.class.getName(), data.toString(), "150"));
            farm.seedUrls().forEach(u -> cmd.add(u.toString()));
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(data.getParent().resolve("child-" + data.getFileName() + ".log").toFile()).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (farm.requests().size() < 12 && System.nanoTime() < deadline && child.isAlive()) Thread.sleep(20);
                assertThat(child.isAlive()).as("child still crawling").isTrue();
                // While it runs, a second run on the same data is refused and names the holder.
                assertThatThrownBy(() -> RunLock.acquire(data)).isInstanceOf(RunLockedException.class)
                        .satisfies(e -> assertThat(((RunLockedException) e).holderPid()).isEqualTo(child.pid()));
            } finally {
                new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
                child.waitFor();
            }
            int killedAt = farm.requests().size();
            java.time.Instant killedTime = java.time.Instant.now();

            CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(50))
                    .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
            WeeklyRun.RunResult next = new WeeklyRun(data, config, Clock.systemUTC())
                    .run(farm.seedUrls().stream().map(Seed::of).toList());

            assertThat(next.record().state()).isEqualTo(RunRecord.DONE);
            assertThat(next.record().newReports()).isEqualTo(farm.truth().reports().size());
            try (RunsDatabase db = RunsDatabase.open(data)) {
                assertThat(new RunLog(db).all()).extracting(RunRecord::state)
                        .containsExactly(RunRecord.DONE, RunRecord.INTERRUPTED);
            }
            // Nothing the killed run archived is fetched whole again (a record torn by the kill may be).
            Set<String> fetchedAfter = farm.requests().subList(killedAt, farm.requests().size()).stream()
                    .filter(r -> r.status() == 200 && !r.target().equals("/robots.txt"))
                    .map(r -> "http://" + r.host() + ":" + farm.port() + r.target()).collect(Collectors.toSet());
            assertThat(farm.requests().size()).isGreaterThan(killedAt);
            // The archive the killed process left is whole.
            try (WarcArchive archive = WarcArchive.open(data)) {
                assertThat(archive.verify(1, s -> { }).ok()).isTrue();
                Set<String> archivedBeforeKill = archive.capturesAfter(0).stream().filter(c -> c.time().isBefore(killedTime))
                        .map(c -> c.url()).collect(Collectors.toSet());
                assertThat(archivedBeforeKill).isNotEmpty().doesNotContainAnyElementsOf(fetchedAfter);
                Set<String> archived = archive.capturesAfter(0).stream().map(c -> c.url()).collect(Collectors.toSet());
                assertThat(archived).containsAll(farm.truth().reports().stream().map(r -> r.url().toString()).toList());
            }
        }
    }

    @Test
    void runKilledWhileIndexingLosesNothingAndTheNextRunCompletesTheIndexAsACleanRunWould(@TempDir Path data,
                                                                                         @TempDir Path clean) throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small())) {
            List<Seed> seeds = farm.seedUrls().stream().map(Seed::of).toList();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), RunChild.class.getName(), data.toString(), "20",
                    "--hold-indexing-after=3"));
            farm.seedUrls().forEach(u -> cmd.add(u.toString()));
            Path marker = RunChild.indexingMarker(data);
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(data.getParent().resolve("child-" + data.getFileName() + ".log").toFile()).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!(Files.exists(marker) && Files.readString(marker).startsWith("held"))
                        && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive()).as("child still running").isTrue();
                assertThat(Files.readString(marker)).as("the child is in its indexing step").startsWith("held 3");
            } finally {
                new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
                child.waitFor();
            }
            int killedAt = farm.requests().size();
            Set<String> reportUrls = farm.truth().reports().stream().map(r -> r.url().toString()).collect(Collectors.toSet());
            Map<Long, String> archivedByKilledRun;
            try (WarcArchive archive = WarcArchive.open(data)) {
                assertThat(archive.verify(1, s -> { }).ok()).isTrue();
                archivedByKilledRun = new TreeMap<>();
                archive.capturesAfter(0).forEach(c -> archivedByKilledRun.put(c.id(), c.url() + " " + c.sha256()));
            }
            assertThat(archivedByKilledRun).as("the crawl finished before indexing")
                    .hasSizeGreaterThanOrEqualTo(farm.truth().reports().size());
            try (RunsDatabase db = RunsDatabase.open(data)) {
                assertThat(new RunLog(db).all()).extracting(RunRecord::state).containsExactly(RunRecord.RUNNING);
            }

            CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(20))
                    .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
            WeeklyRun.RunResult next = new WeeklyRun(data, config, Clock.systemUTC()).run(seeds);

            assertThat(next.record().state()).isEqualTo(RunRecord.DONE);
            assertThat(next.record().newReports()).as("the killed run never got to detect them")
                    .isEqualTo(farm.truth().reports().size());
            assertThat(next.record().responses()).as("nothing refetched whole: the crawl was complete").isZero();
            try (RunsDatabase db = RunsDatabase.open(data)) {
                List<RunRecord> runs = new RunLog(db).all();
                assertThat(runs).extracting(RunRecord::state).containsExactly(RunRecord.DONE, RunRecord.INTERRUPTED);
                assertThat(runs.get(1).id()).isLessThan(runs.get(0).id());
            }
            try (WarcArchive archive = WarcArchive.open(data)) {
                assertThat(archive.verify(1, s -> { }).ok()).isTrue();
                Map<Long, String> now = new TreeMap<>();
                archive.capturesAfter(0).forEach(c -> now.put(c.id(), c.url() + " " + c.sha256()));
                assertThat(now).as("every capture of the killed run is still there").containsAllEntriesOf(archivedByKilledRun);
            }
            assertThat(farm.requests().subList(killedAt, farm.requests().size()))
                    .filteredOn(r -> r.status() == 200 && reportUrls.contains("http://" + r.host() + ":" + farm.port() + r.target()))
                    .as("no report fetched whole again").isEmpty();

            WeeklyRun.RunResult reference = new WeeklyRun(clean, CrawlConfig.defaults(clean.resolve("state"))
                    .withDelay(Duration.ofMillis(20)).withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1"))),
                    Clock.systemUTC()).run(seeds);
            assertThat(reference.record().newReports()).isEqualTo(next.record().newReports());
            Map<String, String> resumed = indexed(data);
            assertThat(resumed).hasSize(farm.truth().reports().size()).isEqualTo(indexed(clean));
        }
    }

    /** report id → status, URLs of its originals and text: what a search can find, free of capture ids and times. */
    private static Map<String, String> indexed(Path data) {
        Map<String, String> out = new TreeMap<>();
        try (ReportSearcher s = ReportSearcher.open(data.resolve("index"))) {
            s.forEachMatch(SearchRequest.of("*"), (ReportRecord r) -> out.put(r.id(), r.status() + " "
                    + r.originals().stream().map(o -> o.url() + "#" + o.sha256()).sorted().toList() + " " + r.text()));
        }
        return out;
    }
}
