package org.nianbao.crawler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 30 hosts at --delay 200ms: no gap shorter than the delay, one request in flight per host, every
 * report found. The throughput reached (a share of the bound hosts ÷ delay) is logged here, but it is
 * a performance figure and depends on the machine's load, so it is measured and compared by
 * `nianbao bench` rather than asserted in a unit test.
 */
class FarmThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(FarmThroughputTest.class);

    /**
     * The crawler runs in its own JVM, as it would against real portals: in one JVM the farm's answer
     * threads and the crawler's workers share carriers, and the farm would time-stamp the end of its
     * answers late. It first crawls a small warm-up farm, so the measured crawl is not a measurement
     * of the JIT compiler.
     */
    @Test
    void thirtyHostsAt200msKeepEveryGapWithOneRequestInFlightAndFindEveryReport(@TempDir Path dir) throws Exception {
        int hosts = 30;
        Duration delay = Duration.ofMillis(200);
        FarmConfig farmConfig = FarmConfig.defaults(hosts).withHostile(Set.of()).withReports(8, 8).withOrdinaryPages(4)
                .withCorpusAttachments(false);
        try (PortalFarm warm = PortalFarm.start(FarmConfig.defaults(20).withHostile(Set.of()).withReports(12, 12)
                .withOrdinaryPages(6).withCorpusAttachments(false).withSeed(7));
             PortalFarm farm = PortalFarm.start(farmConfig)) {
            List<String> args = new ArrayList<>(List.of(dir.resolve("data").toString(), String.valueOf(delay.toMillis()),
                    "--warm-up", dir.resolve("warm-up").toString()));
            warm.seedUrls().forEach(u -> args.add(u.toString()));
            args.add("--");
            farm.seedUrls().forEach(u -> args.add(u.toString()));
            Path out = dir.resolve("crawl.log");
            Process crawl = CrawlMain.start(out, args.toArray(String[]::new));
            assertThat(crawl.waitFor(150, TimeUnit.SECONDS)).as("crawl finished in time").isTrue();
            String output = Files.readString(out);
            assertThat(crawl.exitValue()).as(output).isZero();
            String done = output.lines().filter(l -> l.startsWith("done ")).findFirst().orElseThrow();
            log.info("crawler JVM: {}", done);
            FarmStats stats = farm.stats();

            // Throughput while every host is busy: from the last host's first request to the first host's last one.
            List<FarmStats.RequestRecord> requests = farm.requests();
            Map<String, List<FarmStats.RequestRecord>> byHost = requests.stream().collect(Collectors.groupingBy(FarmStats.RequestRecord::host));
            long from = byHost.values().stream().mapToLong(l -> l.stream().mapToLong(FarmStats.RequestRecord::startMillis).min().orElseThrow()).max().orElseThrow();
            long to = byHost.values().stream().mapToLong(l -> l.stream().mapToLong(FarmStats.RequestRecord::endMillis).max().orElseThrow()).min().orElseThrow();
            long inWindow = requests.stream().filter(r -> r.startMillis() >= from && r.startMillis() < to).count();
            double perSecond = inWindow / ((to - from) / 1000.0);
            double bound = hosts / (delay.toMillis() / 1000.0);
            log.info("30 hosts at {} ms: {} req/s over {} ms = {}% of the bound {} req/s; {} requests; smallest gap {} ms; most in flight {}",
                    delay.toMillis(), String.format("%.1f", perSecond), to - from, String.format("%.1f", 100 * perSecond / bound),
                    bound, requests.size(), stats.minGapMillis(), stats.maxInFlight());

            assertThat(stats.hosts()).hasSize(hosts);
            stats.hosts().values().forEach(h -> {
                assertThat(h.requests()).as(h.host()).isGreaterThan(10);
                assertThat(h.maxInFlight()).as(h.host() + " in flight").isEqualTo(1);
                assertThat(h.minGapMillis()).as(h.host() + " gap").isGreaterThanOrEqualTo(delay.toMillis());
            });
            Set<String> fetched = requests.stream().filter(r -> r.status() == 200)
                    .map(r -> "http://" + r.host() + ":" + farm.port() + r.target()).collect(Collectors.toSet());
            assertThat(farm.truth().reports()).allSatisfy(r -> assertThat(fetched).contains(r.url().toString()));
            assertThat(to - from).isGreaterThan(1500);
        }
    }
}
