package org.nianbao.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What farm to build. Content is a pure function of {@code seed} and {@code hosts}, so two farms
 * with equal configs serve equal bytes.
 *
 * @param hosts             number of virtual portals, 1..100
 * @param port              TCP port on 127.0.0.1, 0 = any free port
 * @param seed              seed for every choice the farm makes
 * @param clock             time for Date/Last-Modified headers and request timestamps
 * @param hostile           the hostile features switched on (each placed on one host)
 * @param styles            CMS styles, assigned to hosts in turn
 * @param minReports        fewest report entries per host's report column
 * @param maxReports        most report entries per host's report column
 * @param ordinaryPages     news and notice pages per host
 * @param corpusAttachments whether the corpus units also publish their PDF/DOC/DOCX/scan originals
 * @param newReportsPerWeek reports added by each {@link PortalFarm#advanceWeek()}
 * @param slowness          how long the slow page waits and the trickling page takes
 * @param crawlDelaySeconds the {@code Crawl-delay} of the CRAWL_DELAY host
 * @param retryAfterSeconds the {@code Retry-After} of the RATE_LIMIT host
 * @param hugeBytes         size of the HUGE_REPORT attachment
 */
public record FarmConfig(int hosts, int port, long seed, Clock clock, Set<Hostile> hostile, List<CmsStyle> styles,
                         int minReports, int maxReports, int ordinaryPages, boolean corpusAttachments,
                         int newReportsPerWeek, Duration slowness, int crawlDelaySeconds, int retryAfterSeconds,
                         long hugeBytes) {

    public static final int MAX_HOSTS = 100;

    public FarmConfig {
        if (hosts < 1 || hosts > MAX_HOSTS) throw new IllegalArgumentException("hosts must be 1.." + MAX_HOSTS + ", got " + hosts);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        Objects.requireNonNull(clock, "clock");
        hostile = hostile.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hostile));
        styles = List.copyOf(styles);
        if (styles.isEmpty()) throw new IllegalArgumentException("at least one CMS style is needed");
        if (minReports < 1 || maxReports < minReports) throw new IllegalArgumentException("need 1 <= minReports <= maxReports");
        if (ordinaryPages < 0 || newReportsPerWeek < 0 || crawlDelaySeconds < 0 || retryAfterSeconds < 0 || hugeBytes < 1024)
            throw new IllegalArgumentException("counts must not be negative and hugeBytes at least 1024");
        Objects.requireNonNull(slowness, "slowness");
    }

    /** The farm of the issue: every CMS style, 10–40 reports and ~20 ordinary pages per host, every hostile feature. */
    public static FarmConfig defaults(int hosts) {
        return new FarmConfig(hosts, 0, 20260101L, Clock.systemUTC(), EnumSet.allOf(Hostile.class),
                List.of(CmsStyle.values()), 10, 40, 20, true, 2, Duration.ofSeconds(5), 1, 1, 60L * 1024 * 1024);
    }

    /** Two quiet hosts with a few inline-HTML reports each, for fast end-to-end tests and the demo. */
    public static FarmConfig small() {
        return new FarmConfig(2, 0, 20260101L, Clock.systemUTC(), Set.of(), List.of(CmsStyle.SIMPLE),
                3, 3, 4, false, 1, Duration.ofSeconds(5), 1, 1, 60L * 1024 * 1024);
    }

    public FarmConfig withHosts(int n) { return new FarmConfig(n, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withPort(int p) { return new FarmConfig(hosts, p, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withSeed(long s) { return new FarmConfig(hosts, port, s, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withClock(Clock c) { return new FarmConfig(hosts, port, seed, c, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withHostile(Set<Hostile> h) { return new FarmConfig(hosts, port, seed, clock, h, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withStyles(List<CmsStyle> s) { return new FarmConfig(hosts, port, seed, clock, hostile, s, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withReports(int min, int max) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, min, max, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withOrdinaryPages(int n) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, n, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withCorpusAttachments(boolean a) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, a, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withNewReportsPerWeek(int n) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, n, slowness, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withSlowness(Duration d) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, d, crawlDelaySeconds, retryAfterSeconds, hugeBytes); }
    public FarmConfig withCrawlDelaySeconds(int s) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, s, retryAfterSeconds, hugeBytes); }
    public FarmConfig withRetryAfterSeconds(int s) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, s, hugeBytes); }
    public FarmConfig withHugeBytes(long b) { return new FarmConfig(hosts, port, seed, clock, hostile, styles, minReports, maxReports, ordinaryPages, corpusAttachments, newReportsPerWeek, slowness, crawlDelaySeconds, retryAfterSeconds, b); }
}
