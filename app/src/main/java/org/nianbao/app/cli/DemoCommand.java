package org.nianbao.app.cli;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;
import org.nianbao.app.web.WebServer;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.CrawlSummary;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.pipeline.IndexSummary;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nianbao demo}: the whole path on one machine with no network — simulated portals on loopback
 * are crawled politely into WARC files, the reports are extracted, parsed and indexed, and the search
 * page is served.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start simulated government portals on 127.0.0.1, crawl them into the archive, index the reports,",
                "and serve the search page (Ctrl-C stops). Needs no network."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the search page (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    // A fixed port keeps the portals' URLs the same from one demo to the next, so a second demo on the
    // same data folder re-checks the same reports (conditional requests, revisits) like a weekly run.
    @Option(names = "--sim-port", defaultValue = "18930", description = "Port of the simulated portals (default: ${DEFAULT-VALUE}).")
    int simPort;

    @Option(names = "--hosts", defaultValue = "4", description = "How many simulated portals (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--delay", defaultValue = "100ms", converter = DurationConverter.class,
            description = "Politeness delay per host (default: ${DEFAULT-VALUE}; the portals are local).")
    Duration delay;

    @Option(names = "--no-serve", description = "Stop after indexing instead of serving the page.")
    boolean noServe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FarmConfig farmConfig = FarmConfig.defaults(hosts).withHostile(Set.of()).withReports(3, 6).withOrdinaryPages(5)
                .withPort(simPort);
        try (PortalFarm farm = PortalFarm.start(farmConfig)) {
            say(out, "portal farm: %d simulated portals on 127.0.0.1:%d, %d report documents",
                    hosts, farm.port(), farm.truth().reports().size());

            CrawlSummary crawl = crawl(farm.seedUrls());
            say(out, "crawl: %d requests, %d bytes, %d report links found, into %s",
                    crawl.requests(), crawl.bytes(), crawl.reportsFound(), data.resolve("warc"));

            IndexSummary index = IndexCommand.index(data, false);
            say(out, "index: %d captures read, %d report files indexed, %d with failed checks, %d errors",
                    index.capturesSeen(), index.reportsIndexed(), index.failedChecks(), index.errors().size());
        }
        if (noServe) return 0;

        ReportSearcher searcher = ReportSearcher.open(data.resolve("index"));
        WebServer server = ServeCommand.startSite(searcher, data, "127.0.0.1", port, null, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            searcher.close();
            stopped.countDown();
        }, "nianbao-demo-shutdown"));
        say(out, "ready: http://127.0.0.1:%d/search?q=%s  (Ctrl-C stops)", server.port(), "行政复议");
        stopped.await();
        return 0;
    }

    private CrawlSummary crawl(List<java.net.URI> seeds) throws Exception {
        CrawlConfig config = CrawlConfig.defaults(data.resolve("state"))
                .withDelay(delay)
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC());
             Crawler crawler = new Crawler(config, archive, Clock.systemUTC())) {
            return crawler.crawlUrls(seeds);
        }
    }

    private static void say(PrintWriter out, String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
