package org.nianbao.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How big and how long each stage runs. {@link #quick} fits in a few minutes on 2 cores;
 * {@link #standard} is the default (search at 100k reports); {@link #full} searches 1M reports.
 * Quick indexes 20k reports: on 2 busy cores 100k alone would take over ten minutes.
 *
 * @param mode            "quick", "standard" or "full"
 * @param corpus          the shared corpus folder (seeds-text, docs)
 * @param work            scratch folder for farms' archives, WARCs, indexes (deleted afterwards unless kept)
 * @param repetitions     how often each cheap figure is measured
 * @param crawlHosts      portal-sim hosts
 * @param crawlDelay      politeness delay for both crawlers
 * @param crawlWindow     how long each crawler crawls per repetition
 * @param crawlRuns       crawl repetitions per crawler
 * @param archiveMb       MB of payload written into WARC per repetition
 * @param reports         synthetic reports indexed and searched
 * @param searchQueries   timed queries per class and repetition
 * @param loadClients     concurrent clients of the serve load test
 * @param loadDuration    how long the load test runs
 * @param frontierUrls    URLs in the frontier of the crawl whose memory is measured
 * @param memoryWindow    longest that crawl runs before its peak RSS is read (it stops sooner once it has
 *                        enqueued the seeds and made a few hundred requests)
 * @param parseSeconds    seconds of parsing per repetition
 * @param indexDir        where the index stage keeps its indexes ({@code data/index} and {@code bare-index}), kept
 *                        after the run; null for the scratch folder
 * @param reuseIndex      search the indexes already in {@code indexDir} (built by an earlier run with the same
 *                        report count) instead of building them again
 * @param barePeer        also build the bare-Lucene peer index (a 1M build takes half the time without it)
 */
public record BenchSettings(String mode, Path corpus, Path work, int repetitions, int crawlHosts, Duration crawlDelay,
                            Duration crawlWindow, int crawlRuns, int archiveMb, int reports, int searchQueries,
                            int loadClients, Duration loadDuration, int frontierUrls, Duration memoryWindow,
                            double parseSeconds, Path indexDir, boolean reuseIndex, boolean barePeer) {

    public static BenchSettings quick(Path corpus, Path work) {
        return new BenchSettings("quick", corpus, work, 3, 30, Duration.ofMillis(200), Duration.ofSeconds(20), 1,
                40, 20_000, 100, 16, Duration.ofSeconds(15), 100_000, Duration.ofSeconds(60), 2, null, false, true);
    }

    public static BenchSettings standard(Path corpus, Path work) {
        return new BenchSettings("standard", corpus, work, 5, 30, Duration.ofMillis(200), Duration.ofSeconds(60), 3,
                256, 100_000, 500, 16, Duration.ofSeconds(30), 100_000, Duration.ofSeconds(120), 5, null, false, true);
    }

    public static BenchSettings full(Path corpus, Path work) {
        return new BenchSettings("full", corpus, work, 5, 30, Duration.ofMillis(200), Duration.ofSeconds(60), 3,
                512, 1_000_000, 500, 16, Duration.ofSeconds(30), 100_000, Duration.ofSeconds(120), 5, null, false, true);
    }

    public BenchSettings withReports(int n) {
        return new BenchSettings(mode, corpus, work, repetitions, crawlHosts, crawlDelay, crawlWindow, crawlRuns, archiveMb, n,
                searchQueries, loadClients, loadDuration, frontierUrls, memoryWindow, parseSeconds, indexDir, reuseIndex, barePeer);
    }

    /** Times {@code n} queries per class and repetition. */
    public BenchSettings withSearchQueries(int n) {
        return new BenchSettings(mode, corpus, work, repetitions, crawlHosts, crawlDelay, crawlWindow, crawlRuns, archiveMb, reports,
                n, loadClients, loadDuration, frontierUrls, memoryWindow, parseSeconds, indexDir, reuseIndex, barePeer);
    }

    /** Keeps the indexes in {@code dir}; {@code reuse} searches what an earlier run left there. */
    public BenchSettings withIndexDir(Path dir, boolean reuse, boolean bare) {
        return new BenchSettings(mode, corpus, work, repetitions, crawlHosts, crawlDelay, crawlWindow, crawlRuns, archiveMb, reports,
                searchQueries, loadClients, loadDuration, frontierUrls, memoryWindow, parseSeconds, dir, reuse, bare);
    }
}
