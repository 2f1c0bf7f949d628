package org.nianbao.runs;

import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A run in its own JVM, for tests that kill it: args = data dir, delay in ms, seed URLs. */
public final class RunChild {
    private RunChild() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(Long.parseLong(args[1])))
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
        List<Seed> seeds = Arrays.stream(args).skip(2).map(URI::create).map(Seed::of).toList();
        new WeeklyRun(data, config, Clock.systemUTC()).run(seeds);
    }
}
