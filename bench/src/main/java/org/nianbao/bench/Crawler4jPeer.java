package org.nianbao.bench;

import crawlercommons.filters.basic.BasicURLNormalizer;
import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * crawler4j (the maintained fork, 5.1) set up as close to nianbao's crawl as it allows: the same seeds,
 * the same politeness delay, robots.txt honoured, binary bodies fetched, bodies up to 100 MB, one worker
 * thread per host, kept to the farm's hosts, and *.gov.cn resolved to 127.0.0.1 through HttpClient's
 * {@link DnsResolver}.
 */
public final class Crawler4jPeer implements AutoCloseable {

    private final CrawlController controller;
    private final HSQLDBFrontierConfiguration frontier;
    private final PageFetcher fetcher;
    private final int threads;

    public Crawler4jPeer(Path storage, List<URI> seeds, Duration delay) throws Exception {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(storage.toString());
        config.setPolitenessDelay((int) delay.toMillis());
        config.setUserAgentString("crawler4j (nianbao bench peer)");
        config.setIncludeBinaryContentInCrawling(true);
        config.setMaxDownloadSize(100 * 1024 * 1024);
        config.setResumableCrawling(false);
        config.setShutdownOnEmptyQueue(true);
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);
        config.setDnsResolver(new LoopbackGovCn());
        BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder().build();
        frontier = new HSQLDBFrontierConfiguration(config, 10);
        fetcher = new PageFetcher(config, normalizer);
        RobotstxtConfig robots = new RobotstxtConfig();
        robots.setUserAgentName("crawler4j");
        RobotstxtServer robotsServer = new RobotstxtServer(robots, fetcher, frontier.getWebURLFactory());
        controller = new CrawlController(config, normalizer, fetcher, robotsServer, frontier);
        for (URI seed : seeds) controller.addSeed(seed.toString());
        threads = seeds.size();
        Set<String> hosts = seeds.stream().map(u -> u.getHost().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.hosts = hosts;
    }

    private final Set<String> hosts;

    /** Starts crawling on its own threads and returns at once. */
    public void start() {
        Set<String> scope = hosts;
        controller.startNonBlocking(() -> new ScopedCrawler(scope), threads);
    }

    public boolean finished() {
        return controller.isFinished();
    }

    /** Asks crawler4j to stop and waits up to {@code wait} for its threads. */
    public void stop(Duration wait) throws InterruptedException {
        controller.shutdown();
        Thread waiter = Thread.ofPlatform().daemon().start(controller::waitUntilFinish);
        waiter.join(wait);
    }

    @Override
    public void close() {
        fetcher.shutDown();
        frontier.close();
    }

    /** Follows links only within the farm's hosts, as nianbao keeps to each seed's host. */
    static final class ScopedCrawler extends WebCrawler {
        private final Set<String> hosts;

        ScopedCrawler(Set<String> hosts) {
            this.hosts = hosts;
        }

        @Override
        public boolean shouldVisit(Page referringPage, WebURL url) {
            String host = URI.create(url.getURL()).getHost();
            return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
        }

        @Override
        public void visit(Page page) {
            // the bench counts requests at the farm; nothing to keep
        }
    }

    /** Like curl's --resolve: every *.gov.cn host is the local portal farm; everything else as usual. */
    static final class LoopbackGovCn implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (host.toLowerCase(Locale.ROOT).endsWith(".gov.cn")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            return SystemDefaultDnsResolver.INSTANCE.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
