package org.nianbao.bench;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * nianbao's crawler and crawler4j, each on its own fresh portal-sim farm of the same config (every CMS style,
 * every hostile feature), at the same delay, for the same time window. The farm counts what it received:
 * requests per second, and every politeness rule broken. The limit is hosts ÷ delay: no crawler that
 * rests {@code delay} between requests to a host can go faster.
 */
public final class CrawlBench {

    private static final Logger log = LoggerFactory.getLogger(CrawlBench.class);

    private final BenchSettings settings;

    public CrawlBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run() throws Exception {
        Duration delay = settings.crawlDelay();
        List<Double> oursRate = new ArrayList<>();
        List<Double> peerRate = new ArrayList<>();
        List<Double> oursViolations = new ArrayList<>();
        List<Double> peerViolations = new ArrayList<>();
        String oursDetail = "";
        String peerDetail = "";
        for (int rep = 0; rep < settings.crawlRuns(); rep++) {
            Politeness ours = nianbao(rep);
            oursRate.add(ours.requestsPerSecond());
            oursViolations.add((double) ours.violations());
            oursDetail = ours.describe();
            log.info("crawl repetition {}: nianbao {} req/s, {}", rep + 1, Samples.number(ours.requestsPerSecond()), ours.describe());
            Politeness peer = crawler4j(rep);
            peerRate.add(peer.requestsPerSecond());
            peerViolations.add((double) peer.violations());
            peerDetail = peer.describe();
            log.info("crawl repetition {}: crawler4j {} req/s, {}", rep + 1, Samples.number(peer.requestsPerSecond()), peer.describe());
        }
        double bound = settings.crawlHosts() * 1000.0 / delay.toMillis();
        String window = "%d-host farm, delay %d ms, %d s window".formatted(settings.crawlHosts(), delay.toMillis(), settings.crawlWindow().toSeconds());
        return List.of(
                new Figure("crawl", "requests/s", new Samples(oursRate), "politeness bound hosts ÷ delay",
                        Samples.of(bound), window),
                new Figure("crawl (peer)", "requests/s", new Samples(oursRate), "crawler4j 5.1.0, same farm and delay",
                        new Samples(peerRate), window),
                new Figure("crawl politeness", "violations (farm's count)", new Samples(oursViolations), "crawler4j",
                        new Samples(peerViolations), "nianbao: " + oursDetail + "; crawler4j: " + peerDetail));
    }

    private FarmConfig farmConfig() {
        return FarmConfig.defaults(settings.crawlHosts());
    }

    private Politeness nianbao(int rep) throws IOException, InterruptedException {
        Path dir = settings.work().resolve("crawl-nianbao-" + rep);
        ArchiveBench.deleteTree(dir);
        CrawlConfig config = CrawlConfig.defaults(dir.resolve("state")).withDelay(settings.crawlDelay())
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
        try (PortalFarm farm = PortalFarm.start(farmConfig());
             WarcArchive archive = WarcArchive.open(dir, ArchiveOptions.defaults(), Clock.systemUTC());
             Crawler crawler = new Crawler(config, archive, Clock.systemUTC())) {
            long start = System.nanoTime();
            Thread crawl = Thread.ofPlatform().name("bench-crawl").start(() -> {
                try {
                    crawler.crawlUrls(farm.seedUrls());
                } catch (RuntimeException e) {
                    log.debug("nianbao crawl stopped: {}", e.getMessage());
                }
            });
            crawl.join(settings.crawlWindow());
            double secs = (System.nanoTime() - start) / 1e9;
            FarmStats stats = farm.stats();
            if (crawl.isAlive()) {
                crawl.interrupt();
                crawl.join(Duration.ofSeconds(30));
            }
            return Politeness.of(stats, secs, settings.crawlDelay());
        }
    }

    private Politeness crawler4j(int rep) throws Exception {
        Path dir = settings.work().resolve("crawl-crawler4j-" + rep);
        ArchiveBench.deleteTree(dir);
        java.nio.file.Files.createDirectories(dir);
        try (PortalFarm farm = PortalFarm.start(farmConfig());
             Crawler4jPeer peer = new Crawler4jPeer(dir, farm.seedUrls(), settings.crawlDelay())) {
            long start = System.nanoTime();
            long end = start + settings.crawlWindow().toNanos();
            peer.start();
            while (System.nanoTime() < end && !peer.finished()) Thread.sleep(100);
            double secs = (System.nanoTime() - start) / 1e9;
            FarmStats stats = farm.stats();
            peer.stop(Duration.ofSeconds(20));
            return Politeness.of(stats, secs, settings.crawlDelay());
        }
    }
}
