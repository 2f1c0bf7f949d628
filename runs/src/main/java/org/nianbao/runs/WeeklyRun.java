package org.nianbao.runs;

import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.CrawlProgress;
import org.nianbao.crawler.CrawlSummary;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.HostSummary;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.frontier.Frontier;
import org.nianbao.indexer.extract.DocumentExtractor;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.indexer.pipeline.IndexPipeline;
import org.nianbao.indexer.pipeline.IndexSummary;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeDetector;
import org.nianbao.runs.changes.ChangeKind;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.changes.ListPresence;
import org.nianbao.runs.changes.ReportLocator;
import org.nianbao.runs.changes.StatusMarker;
import org.nianbao.runs.lock.RunLock;
import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunRecord;
import org.nianbao.runs.record.RunsDatabase;
import org.nianbao.runs.watch.WatchHit;
import org.nianbao.runs.watch.Watches;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One weekly run on a data directory, the thing cron calls: lock → crawl (incremental: conditional
 * requests, revisits) → index what is new → detect new / changed / removed reports → mark them in
 * the index → record the new matches of saved searches → finish the run record.
 *
 * <p>Every step keeps its own durable progress (the crawler's frontier, the index's last capture id,
 * the change log's last capture id), so a run killed anywhere leaves consistent data and the next
 * run simply finishes the work; the killed run's record is marked interrupted.
 *
 * <pre>{@code
 * RunResult r = new WeeklyRun(data, CrawlConfig.defaults(data.resolve("state")), Clock.systemUTC()).run(seeds);
 * }</pre>
 */
public final class WeeklyRun {
    private static final Logger log = LoggerFactory.getLogger(WeeklyRun.class);

    private final Path dataDir;
    private final CrawlConfig crawlConfig;
    private final Clock clock;
    private Consumer<CrawlProgress> crawlProgress = p -> { };
    private Duration crawlProgressEvery = Duration.ofSeconds(1);
    private IndexPipeline.Listener indexProgress = new IndexPipeline.Listener() {
        @Override
        public void started(int captures) {
        }

        @Override
        public void captureDone(Capture capture) {
        }
    };

    /** What one run did: its record, the changes it found, and the new matches of saved searches. */
    public record RunResult(RunRecord record, List<Change> changes, Map<String, List<WatchHit>> watchHits) {
    }

    public WeeklyRun(Path dataDir, CrawlConfig crawlConfig, Clock clock) {
        this.dataDir = dataDir;
        this.crawlConfig = crawlConfig;
        this.clock = clock;
        if (!crawlConfig.stateDir().toAbsolutePath().normalize().equals(dataDir.resolve("state").toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the crawl state must live in " + dataDir.resolve("state") + ", not " + crawlConfig.stateDir());
        }
    }

    public WeeklyRun onCrawlProgress(Consumer<CrawlProgress> listener, Duration every) {
        this.crawlProgress = listener;
        this.crawlProgressEvery = every;
        return this;
    }

    public WeeklyRun onIndexProgress(IndexPipeline.Listener listener) {
        this.indexProgress = listener;
        return this;
    }

    /**
     * Runs once.
     *
     * @throws org.nianbao.runs.lock.RunLockedException when another run works on the same data directory
     */
    public RunResult run(List<Seed> seeds) {
        try (RunLock lock = RunLock.acquire(dataDir); RunsDatabase db = RunsDatabase.open(dataDir)) {
            RunLog runs = new RunLog(db);
            List<Long> interrupted = runs.markInterrupted("the process stopped before the run ended; the next run finished its work");
            if (!interrupted.isEmpty()) log.warn("runs {} were interrupted; this run finishes their work", interrupted);
            long id = runs.begin(clock.instant(), seeds.size());
            RunRecord record = new RunRecord(id, clock.instant(), null, RunRecord.RUNNING, seeds.size(), 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), 0, null);
            try {
                RunResult result = steps(id, record.started(), seeds, db);
                runs.finish(result.record());
                return result;
            } catch (RuntimeException | IOException e) {
                RunRecord failed = new RunRecord(id, record.started(), clock.instant(), RunRecord.FAILED, seeds.size(),
                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), 0, e.getMessage());
                runs.finish(failed);
                throw e instanceof RunsException re ? re : new RunsException("run " + id + " failed: " + e.getMessage(), e);
            }
        }
    }

    private RunResult steps(long id, java.time.Instant started, List<Seed> seeds, RunsDatabase db) throws IOException {
        ChangeLog changeLog = new ChangeLog(db);
        DocumentExtractor extractor = Extractors.defaults();
        CrawlSummary crawl;
        long captures;
        long responses;
        IndexSummary indexed;
        List<Change> changes;
        Map<String, List<WatchHit>> hits;
        try (WarcArchive archive = WarcArchive.open(dataDir)) {
            if (!archive.writable()) throw new RunsException("the archive in " + dataDir + " is being written by another process");
            long lastIdBefore = lastCaptureId(archive);
            try (Crawler crawler = new Crawler(crawlConfig, archive, clock)) {
                crawler.onProgress(crawlProgress, crawlProgressEvery);
                crawl = crawler.crawlSeeds(seeds);
            }
            ChangeDetector.Listing listing = listing(crawl);
            archive.flush();
            List<Capture> written = archive.capturesAfter(lastIdBefore);
            captures = written.size();
            responses = written.stream().filter(c -> !c.revisit()).count();

            try (ReportIndex index = ReportIndex.open(dataDir.resolve("index"))) {
                indexed = new IndexPipeline(archive, extractor, new ReportParser(Gazetteer.load()), index).run(indexProgress);
                try (ReportSearcher searcher = ReportSearcher.open(dataDir.resolve("index"))) {
                    changes = new ChangeDetector(archive, extractor, changeLog, new ListPresence(db))
                            .detect(id, ReportLocator.of(searcher), listing);
                    new StatusMarker(index, searcher).apply(changeLog.statuses());
                    hits = new Watches(db).recordNewMatches(searcher, id, clock.instant());
                }
            }
        }
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, String> blocked = new TreeMap<>();
        int hosts = 0;
        for (HostSummary h : crawl.hosts()) {
            if (h.requests() > 0) hosts++;
            h.errors().forEach((k, v) -> errors.merge(k, v, Integer::sum));
            if (h.blockedByAntiBot() != null) blocked.put(h.host(), "anti-bot: " + h.blockedByAntiBot());
            else if (h.gaveUp() != null) blocked.put(h.host(), "gave up: " + h.gaveUp());
        }
        if (!indexed.errors().isEmpty()) errors.merge("index", indexed.errors().size(), Integer::sum);
        RunRecord done = new RunRecord(id, started, clock.instant(), RunRecord.DONE, seeds.size(), hosts,
                crawl.requests(), crawl.bytes(), crawl.notModified(),
                count(changes, ChangeKind.NEW), count(changes, ChangeKind.CHANGED), count(changes, ChangeKind.REMOVED),
                count(changes, ChangeKind.REAPPEARED),
                captures, responses, indexed.reportsIndexed(), errors, blocked, crawl.runId(), null);
        log.info("run {} done: {} requests, {} bytes, {} not modified; {} new, {} changed, {} removed, {} reappeared reports",
                id, done.requests(), done.bytes(), done.notModified(), done.newReports(), done.changedReports(), done.removedReports(),
                done.reappearedReports());
        return new RunResult(done, changes, hits);
    }

    /** What the finished crawl saw of the portals' lists, read from its frontier. */
    private ChangeDetector.Listing listing(CrawlSummary crawl) {
        // A host stopped early, or whose link budget ran out, may not have shown all its links.
        Set<String> incomplete = new HashSet<>();
        for (HostSummary h : crawl.hosts()) {
            if (h.blockedByAntiBot() != null || h.gaveUp() != null || h.refusedByBudget() > 0) incomplete.add(h.host());
        }
        try (Frontier frontier = Frontier.open(crawlConfig.stateDir(), clock)) {
            Set<String> checked = new HashSet<>();
            for (Frontier.Row r : frontier.rows()) {
                boolean content = (r.status() >= 200 && r.status() < 300) || r.status() == 304;
                if ("REPORT".equals(r.kind()) && "done".equals(r.state()) && content) checked.add(r.url());
            }
            return new ChangeDetector.Listing(checked, frontier.linkedThisRun(), incomplete);
        }
    }

    private static long lastCaptureId(WarcArchive archive) throws IOException {
        long[] max = {0};
        archive.captures().forEachById(r -> max[0] = Math.max(max[0], r.capture().id()));
        return max[0];
    }

    private static int count(List<Change> l, ChangeKind k) {
        return (int) l.stream().filter(c -> c.kind() == k).count();
    }
}
