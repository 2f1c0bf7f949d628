package org.nianbao.crawler;

import org.nianbao.crawler.fetch.DnsOverride;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How politely and how far to crawl. Build with {@link #defaults(Path)} and the {@code with…} methods.
 *
 * @param stateDir            folder for the SQLite frontier and fetch history (data/state)
 * @param delay               least gap between the end of one request to a host and the start of the next
 * @param responseTimeFactor  k in gap ≥ k × last response time (a slow host gets more rest); default 1, the
 *                            delay Scrapy's AutoThrottle settles on at a target concurrency of one
 * @param crawlDelayCap       robots.txt Crawl-delay is honoured up to this much
 * @param userAgent           honest User-Agent naming nianbao with a contact URL
 * @param robotsName          the product token matched against robots.txt groups
 * @param connectTimeout      TCP connect timeout
 * @param readTimeout         longest silence while reading
 * @param totalTimeout        longest time for one whole request
 * @param maxBodyBytes        bodies are cut (and marked truncated) beyond this many bytes
 * @param maxPagesPerHost     at most this many requests to one host in one run (a trap budget too)
 * @param maxDepth            ordinary (not report-like) pages deeper than this are not followed
 * @param trapBudgetPerHost   URLs that look like traps (calendars) followed per host before refusing more
 * @param maxUrlLength        longer URLs are treated as traps
 * @param maxHostFailures     consecutive failures (errors, 429/503) before giving a host up for the run
 * @param backoffBase         first backoff after a failure without Retry-After; doubles each time
 * @param backoffMax          longest backoff or Retry-After honoured; longer ones give the host up
 * @param robotsTtl           how long a fetched robots.txt is trusted
 * @param maxConcurrentHosts  how many hosts are crawled at once
 * @param dnsOverrides        curl-like --resolve rules (pattern → IP), e.g. *.gov.cn → 127.0.0.1
 */
public record CrawlConfig(
        Path stateDir,
        Duration delay,
        double responseTimeFactor,
        Duration crawlDelayCap,
        String userAgent,
        String robotsName,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxPagesPerHost,
        int maxDepth,
        int trapBudgetPerHost,
        int maxUrlLength,
        int maxHostFailures,
        Duration backoffBase,
        Duration backoffMax,
        Duration robotsTtl,
        int maxConcurrentHosts,
        List<DnsOverride> dnsOverrides) {

    public static final String DEFAULT_USER_AGENT =
            "nianbao/0.1 (+https://github.com/nianbao/nianbao; archives government information-disclosure annual reports)";

    public CrawlConfig {
        dnsOverrides = List.copyOf(dnsOverrides);
        if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative");
        if (!userAgent.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            throw new IllegalArgumentException("the User-Agent must be printable ASCII (HTTP headers are), got '" + userAgent + "'");
        }
        if (maxPagesPerHost < 1) throw new IllegalArgumentException("max pages per host must be at least 1");
    }

    public static CrawlConfig defaults(Path stateDir) {
        return new CrawlConfig(stateDir, Duration.ofSeconds(2), 1.0, Duration.ofSeconds(60),
                DEFAULT_USER_AGENT, "nianbao",
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5),
                100L * 1024 * 1024, 2000, 6, 10, 512,
                5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24), 64, List.of());
    }

    public CrawlConfig withDelay(Duration d) {
        return new CrawlConfig(stateDir, d, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withUserAgent(String ua) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, ua, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withMaxPagesPerHost(int n) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, n, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withMaxBodyBytes(long n) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, n, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withTimeouts(Duration connect, Duration read, Duration total) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connect,
                read, total, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withBackoff(int maxFailures, Duration base, Duration max) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxFailures, base, max, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withCrawlDelayCap(Duration cap) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, cap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, dnsOverrides);
    }

    public CrawlConfig withDnsOverrides(List<DnsOverride> overrides) {
        return new CrawlConfig(stateDir, delay, responseTimeFactor, crawlDelayCap, userAgent, robotsName, connectTimeout,
                readTimeout, totalTimeout, maxBodyBytes, maxPagesPerHost, maxDepth, trapBudgetPerHost, maxUrlLength,
                maxHostFailures, backoffBase, backoffMax, robotsTtl, maxConcurrentHosts, overrides);
    }

    /** Where request bodies wait between the wire and the archive. */
    public Path tempDir() {
        return stateDir.resolve("tmp");
    }
}
