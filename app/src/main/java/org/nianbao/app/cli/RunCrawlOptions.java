package org.nianbao.app.cli;

import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.seeds.registry.SeedRegistry;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a scheduled run crawls and how politely: shared by {@code run} and {@code serve --schedule} (which bring their own --data). */
public final class RunCrawlOptions {

    @Option(names = "--seeds", paramLabel = "FILE|DIR", description = "Seed registry to crawl (default: the bundled registry).")
    Path seeds;

    @Option(names = "--url", paramLabel = "URL", description = "Crawl from this URL instead of the registry (repeatable).")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Least gap between two requests to one host, e.g. 300ms, 2s (default: ${DEFAULT-VALUE}).")
    Duration delay;

    @Option(names = "--resolve", paramLabel = "HOSTS=IP", description = "Resolve matching hosts to IP, e.g. '*.gov.cn=127.0.0.1' (repeatable).")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent to send (default: nianbao with its contact URL).")
    String userAgent;

    /** The seeds: the given URLs, or every unit of the seed registry. */
    public List<Seed> seeds() {
        if (!urls.isEmpty()) return urls.stream().map(Seed::of).toList();
        SeedRegistry registry = seeds == null ? SeedRegistry.bundled() : SeedRegistry.load(seeds);
        List<Seed> out = new ArrayList<>();
        registry.units().forEach(u -> {
            if (u.home() != null || !u.reportColumns().isEmpty()) out.addAll(Seed.of(u));
        });
        return out;
    }

    public CrawlConfig crawlConfig(Path data) {
        CrawlConfig c = CrawlConfig.defaults(data.resolve("state")).withDelay(delay)
                .withDnsOverrides(resolve.stream().map(DnsOverride::parse).toList());
        return userAgent == null ? c : c.withUserAgent(userAgent);
    }
}
