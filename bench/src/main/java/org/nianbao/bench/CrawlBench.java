package org.nianbao.bench;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * nianbao's crawler and crawler4j, each on its own fresh portal-sim farm of the same config, at the same
 * delay. The farm counts what it received. Two farms:
 * <ul>
 * <li><b>throughput</b>: 30 hosts of every CMS style with the hostile features that do not oblige a polite
 * crawler to wait (robots rules, redirects, broken links, calendar trap, session ids, truncated PDF,
 * outside links), and enough pages that no host runs dry within the measurement. Each crawler first
 * crawls for a warm-up period (JIT, connection set-up, the frontier filling); then the farm counts the
 * requests that start in the window. The limit is hosts ÷ delay: no crawler that rests {@code delay}
 * between requests to a host can go faster.</li>
 * <li><b>politeness</b>: the farm of the issue with every hostile feature (Crawl-delay, Retry-After,
 * robots.txt 503, anti-bot, slow and trickling answers, a 60 MB report), counted from the first request.
 * Its rate is shown too; hosts ÷ delay is out of reach there by the rules themselves (an anti-bot host
 * must be left alone, a Crawl-delay host asks for 1 s, a slow answer earns a longer rest).</li>
 * </ul>
 * Politeness violations are the sum over both farms.
 */
public final class CrawlBench {

    private static final Logger log = LoggerFactory.getLogger(CrawlBench.class);

    /** The hostile features that make a polite crawler wait (or stop) by rule; off on the throughput farm. */
    static final Set<Hostile> RULED_SLOWER = EnumSet.of(Hostile.ANTI_BOT, Hostile.CRAWL_DELAY, Hostile.RATE_LIMIT,
            Hostile.ROBOTS_UNAVAILABLE, Hostile.SLOW_RESPONSE, Hostile.TRICKLE, Hostile.HUGE_REPORT);

    private final BenchSettings settings;

    public CrawlBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** How long each crawler crawls before the throughput window opens. */
    Duration warmUp() {
        return settings.crawlWindow().compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }

    /** The throughput farm: no rule-imposed waits, and pages for warm-up plus window with a third to spare. */
    FarmConfig throughputFarm() {
        Set<Hostile> hostile = EnumSet.allOf(Hostile.class);
        hostile.removeAll(RULED_SLOWER);
        double perHost = (warmUp().toMillis() + settings.crawlWindow().toMillis()) / (double) settings.crawlDelay().toMillis() * 4 / 3;
        // ~99 news pages per host; each report adds its page and often an attachment. Reports per host are
        // capped by the farm's (agencies × years) at about 300.
        int reports = (int) Math.min(300, Math.max(40, Math.ceil((perHost - 99) / 1.5)));
        return FarmConfig.defaults(settings.crawlHosts()).withHostile(hostile).withOrdinaryPages(99)
                .withReports(reports, reports + 10);
    }

    FarmConfig politenessFarm() {
        return FarmConfig.defaults(settings.crawlHosts());
    }

    public List<Figure> run() throws Exception {
        Duration delay = settings.crawlDelay();
        List<Double> oursRate = new ArrayList<>();
        List<Double> peerRate = new ArrayList<>();
        Politeness oursAll = null;
        Politeness peerAll = null;
        for (int rep = 0; rep < settings.crawlRuns(); rep++) {
            Politeness ours = measure(throughputFarm(), "nianbao-" + rep, true);
            oursRate.add(ours.requestsPerSecond());
            oursAll = oursAll == null ? ours : oursAll.plusViolationsOf(ours);
            log.info("crawl repetition {}: nianbao {} req/s in the window, {}", rep + 1, Samples.number(ours.requestsPerSecond()), ours.describe());
            Politeness peer = measure(throughputFarm(), "crawler4j-" + rep, false);
            peerRate.add(peer.requestsPerSecond());
            peerAll = peerAll == null ? peer : peerAll.plusViolationsOf(peer);
            log.info("crawl repetition {}: crawler4j {} req/s in the window, {}", rep + 1, Samples.number(peer.requestsPerSecond()), peer.describe());
        }
        Politeness oursHostile = measure(politenessFarm(), "nianbao-hostile", true);
        log.info("every hostile feature: nianbao {} req/s, {}", Samples.number(oursHostile.requestsPerSecond()), oursHostile.describe());
        Politeness peerHostile = measure(politenessFarm(), "crawler4j-hostile", false);
        log.info("every hostile feature: crawler4j {} req/s, {}", Samples.number(peerHostile.requestsPerSecond()), peerHostile.describe());
        oursAll = oursAll.plusViolationsOf(oursHostile);
        peerAll = peerAll.plusViolationsOf(peerHostile);

        double bound = settings.crawlHosts() * 1000.0 / delay.toMillis();
        String window = "%d-host farm without rule-imposed waits, delay %d ms, %d s window after %d s warm-up"
                .formatted(settings.crawlHosts(), delay.toMillis(), settings.crawlWindow().toSeconds(), warmUp().toSeconds());
        String hostileNote = ("%d-host farm with every hostile feature, delay %d ms, %d s from the start; hosts ÷ delay = %s is out of"
                + " reach by rule there (anti-bot host stopped, Crawl-delay 1 s host, Retry-After, slow answers)")
                .formatted(settings.crawlHosts(), delay.toMillis(), settings.crawlWindow().toSeconds(), Samples.number(bound));
        return List.of(
                new Figure("crawl", "requests/s", new Samples(oursRate), "politeness bound hosts ÷ delay",
                        Samples.of(bound), window),
                new Figure("crawl (peer)", "requests/s", new Samples(oursRate), "crawler4j 5.1.0, same farm and delay",
                        new Samples(peerRate), window),
                new Figure("crawl, every hostile feature", "requests/s", Samples.of(oursHostile.requestsPerSecond()),
                        "crawler4j 5.1.0, same farm and delay", Samples.of(peerHostile.requestsPerSecond()), hostileNote),
                new Figure("crawl politeness", "violations (farm's count)", Samples.of(oursAll.violations()), "crawler4j",
                        Samples.of(peerAll.violations()), "both farms, every run; nianbao: " + oursAll.describe()
                        + "; crawler4j: " + peerAll.describe()));
    }

    /**
     * One crawl of a fresh farm. With {@code warm}, the rate counts the requests that start in the window
     * after the warm-up (from the crawler's first request); otherwise all requests from the start.
     */
    private Politeness measure(FarmConfig farmConfig, String name, boolean nianbao) throws Exception {
        Path dir = settings.work().resolve("crawl-" + name);
        ArchiveBench.deleteTree(dir);
        Files.createDirectories(dir);
        boolean steady = !name.endsWith("-hostile");
        try (PortalFarm farm = PortalFarm.start(farmConfig);
             Crawl crawl = nianbao ? new NianbaoCrawl(dir, farm) : new PeerCrawl(dir, farm)) {
            long start = System.nanoTime();
            crawl.start();
            long windowStart = start;
            long before = 0;
            if (steady) {
                while (farm.stats().requests() == 0 && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) Thread.sleep(20);
                Thread.sleep(warmUp());
                windowStart = System.nanoTime();
                before = farm.stats().requests();
            }
            long end = windowStart + settings.crawlWindow().toNanos();
            while (System.nanoTime() < end && !crawl.finished()) Thread.sleep(20);
            long after = farm.stats().requests();
            double secs = (System.nanoTime() - windowStart) / 1e9;
            crawl.stop();
            FarmStats stats = farm.stats();
            return Politeness.of(stats, secs, settings.crawlDelay()).rateOver(after - before, secs);
        }
    }

    private interface Crawl extends AutoCloseable {
        void start();

        boolean finished();

        void stop() throws InterruptedException;

        @Override
        void close() throws Exception;
    }

    private final class NianbaoCrawl implements Crawl {
        private final WarcArchive archive;
        private final Crawler crawler;
        private final PortalFarm farm;
        private Thread thread;

        NianbaoCrawl(Path dir, PortalFarm farm) throws IOException {
            this.farm = farm;
            CrawlConfig config = CrawlConfig.defaults(dir.resolve("state")).withDelay(settings.crawlDelay())
                    .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
            this.archive = WarcArchive.open(dir, ArchiveOptions.defaults(), Clock.systemUTC());
            this.crawler = new Crawler(config, archive, Clock.systemUTC());
        }

        @Override
        public void start() {
            thread = Thread.ofPlatform().name("bench-crawl").start(() -> {
                try {
                    crawler.crawlUrls(farm.seedUrls());
                } catch (RuntimeException e) {
                    log.debug("nianbao crawl stopped: {}", e.getMessage());
                }
            });
        }

        @Override
        public boolean finished() {
            return !thread.isAlive();
        }

        @Override
        public void stop() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(30));
            }
        }

        @Override
        public void close() throws IOException {
            crawler.close();
            archive.close();
        }
    }

    private final class PeerCrawl implements Crawl {
        private final Crawler4jPeer peer;

        PeerCrawl(Path dir, PortalFarm farm) throws Exception {
            this.peer = new Crawler4jPeer(dir, farm.seedUrls(), settings.crawlDelay());
        }

        @Override
        public void start() {
            peer.start();
        }

        @Override
        public boolean finished() {
            return peer.finished();
        }

        @Override
        public void stop() throws InterruptedException {
            peer.stop(Duration.ofSeconds(20));
        }

        @Override
        public void close() {
            peer.close();
        }
    }
}
