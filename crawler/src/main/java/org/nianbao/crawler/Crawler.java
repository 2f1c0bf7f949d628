package org.nianbao.crawler;

import org.nianbao.archive.Archive;
import org.nianbao.archive.Capture;
import org.nianbao.archive.Exchange;
import org.nianbao.crawler.fetch.FetchRequest;
import org.nianbao.crawler.fetch.FetchResult;
import org.nianbao.crawler.fetch.HttpFetcher;
import org.nianbao.crawler.frontier.Candidate;
import org.nianbao.crawler.frontier.Completion;
import org.nianbao.crawler.frontier.Frontier;
import org.nianbao.crawler.frontier.FrontierEntry;
import org.nianbao.crawler.frontier.History;
import org.nianbao.crawler.frontier.RequestLog;
import org.nianbao.crawler.links.CharsetSniffer;
import org.nianbao.crawler.links.Link;
import org.nianbao.crawler.links.LinkClassifier;
import org.nianbao.crawler.links.LinkExtractor;
import org.nianbao.crawler.links.LinkKind;
import org.nianbao.crawler.links.Scope;
import org.nianbao.crawler.links.TrapGuard;
import org.nianbao.crawler.links.UrlNormalizer;
import org.nianbao.crawler.politeness.AntiBotDetector;
import org.nianbao.crawler.politeness.HostState;
import org.nianbao.crawler.politeness.RetryAfter;
import org.nianbao.crawler.robots.RobotsPolicy;
import org.nianbao.crawler.robots.RobotsRules;
import org.nianbao.seeds.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The polite crawler. Each host has one worker (a virtual thread) and therefore at most one request
 * in flight; between the end of one request and the start of the next it waits at least
 * max(delay, Crawl-delay, k × last response time). Many hosts run at once, so throughput grows with
 * the number of hosts, not with impatience. Every answer goes to the {@link Archive}; every state
 * change goes to the SQLite {@link Frontier}, so a killed crawl resumes where it stopped.
 *
 * <pre>{@code
 * try (Crawler c = new Crawler(CrawlConfig.defaults(data.resolve("state")), archive, Clock.systemUTC())) {
 *     CrawlSummary s = c.crawl(units);
 * }
 * }</pre>
 */
public final class Crawler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final int MAX_PARSE_BYTES = 8 * 1024 * 1024;
    private static final int MAX_ATTEMPTS = 3;
    /**
     * Added to every gap. The gap already counts from when we read the last byte (later than the server
     * sent it) to when we start the next request (earlier than it arrives), so the server never sees less
     * than we waited; the margin only absorbs clock granularity.
     */
    private static final Duration GAP_MARGIN = Duration.ofMillis(2);

    private final CrawlConfig config;
    private final Archive archive;
    private final Clock clock;
    private final HttpFetcher fetcher;
    private final RobotsPolicy robotsPolicy;
    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final LinkExtractor extractor = new LinkExtractor(normalizer);
    private final LinkClassifier classifier = new LinkClassifier();
    private final CharsetSniffer charsets = new CharsetSniffer();
    private final TrapGuard traps;
    private final AntiBotDetector antiBot = new AntiBotDetector();
    private final ArchiveQueue archiveQueue;
    private final Map<String, HostState> hostStates = new ConcurrentHashMap<>();
    private final Map<String, RobotsRules> robots = new ConcurrentHashMap<>();
    private final Map<String, Instant> robotsFetched = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Consumer<CrawlProgress> progress = p -> { };
    private Duration progressEvery = Duration.ofSeconds(1);
    private Frontier frontier;
    private Frontier.Run run;

    public Crawler(CrawlConfig config, Archive archive, Clock clock) {
        this.config = config;
        this.archive = archive;
        this.clock = clock;
        this.fetcher = new HttpFetcher(config.userAgent(), config.connectTimeout(), config.readTimeout(),
                config.totalTimeout(), config.maxBodyBytes(), config.dnsOverrides(), config.tempDir(), clock);
        this.robotsPolicy = new RobotsPolicy(config.robotsName(), config.crawlDelayCap());
        this.traps = new TrapGuard(config.maxUrlLength());
        this.archiveQueue = new ArchiveQueue(archive, 1000);
    }

    /** Receives a progress snapshot every {@code every} while a crawl runs. */
    public void onProgress(Consumer<CrawlProgress> listener, Duration every) {
        this.progress = listener;
        this.progressEvery = every;
    }

    /** Crawls the units' report columns and home pages (units without either are skipped). */
    public CrawlSummary crawl(List<Unit> units) {
        List<Seed> seeds = new ArrayList<>();
        for (Unit u : units) {
            if (u.home() == null && u.reportColumns().isEmpty()) {
                log.warn("unit {} has no portal URL; skipped", u.name());
                continue;
            }
            seeds.addAll(Seed.of(u));
        }
        return crawlSeeds(seeds);
    }

    /** Crawls from bare URLs (each keeps to its own host and that host's subdomains). */
    public CrawlSummary crawlUrls(List<URI> urls) {
        return crawlSeeds(urls.stream().map(Seed::of).toList());
    }

    /**
     * Resumes the unfinished run in the state folder, or starts a new one from the seeds (re-checking
     * every report known from earlier runs with conditional requests).
     */
    public CrawlSummary crawlSeeds(List<Seed> seeds) {
        if (frontier != null) frontier.close();
        frontier = Frontier.open(config.stateDir(), clock);
        frontier.setBudgets(config.maxPagesPerHost(), config.trapBudgetPerHost());
        run = frontier.beginOrResume();
        clearTempDir();
        log.info("{} crawl run {} with {} seed URLs", run.resumed() ? "resuming" : "starting", run.id(), seeds.size());
        if (run.resumed()) recoverInflight();
        for (Seed s : seeds) {
            String url = normalizer.normalize(s.url().toString());
            if (url == null) {
                log.warn("seed {} is not a fetchable http(s) URL; skipped", s.url());
                continue;
            }
            schemes.putIfAbsent(hostKey(URI.create(url)), URI.create(url).getScheme().toLowerCase(Locale.ROOT));
            frontier.enqueue(new Candidate(url, hostKey(URI.create(url)), s.unit(), String.join(",", s.scope().patterns()),
                    null, s.unit(), s.kind().name(), 0, s.kind().priority + 5, false));
        }
        if (!run.resumed()) {
            for (History h : frontier.knownReports()) {
                URI u = URI.create(h.url());
                schemes.putIfAbsent(hostKey(u), u.getScheme().toLowerCase(Locale.ROOT));
                frontier.enqueue(new Candidate(h.url(), hostKey(u), null, String.join(",", Scope.ofSeed(u).patterns()),
                        null, "", LinkKind.REPORT.name(), 0, LinkKind.REPORT.priority, false));
            }
        }
        seedCounters();
        Instant started = clock.instant();
        runHosts(started);
        frontier.finishRun();
        CrawlSummary summary = SummaryBuilder.build(frontier, run, clock.instant());
        log.info("crawl run {} done: {} requests, {} reports found ({} new, {} changed, {} removed), {} not modified",
                run.id(), summary.requests(), summary.reportsFound(), summary.newReports().size(),
                summary.changedReports().size(), summary.removedReports().size(), summary.notModified());
        return summary;
    }

    private void seedCounters() {
        fetched.set(0);
        reports.set(0);
        errors.set(0);
        stoppedHosts.clear();
        for (Frontier.Row r : frontier.rows()) {
            schemes.putIfAbsent(r.host(), URI.create(r.url()).getScheme().toLowerCase(Locale.ROOT));
            if (!"done".equals(r.state())) continue;
            if (r.status() > 0) fetched.incrementAndGet();
            if (SummaryBuilder.isReportFetched(r)) reports.incrementAndGet();
        }
        requests.set(frontier.requests().size());
    }

    // ---- scheduling -------------------------------------------------------------------------

    private void runHosts(Instant started) {
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        Set<String> active = new HashSet<>();
        Set<String> done = new HashSet<>();
        Map<String, String[]> stopped = frontier.stoppedHosts();
        stoppedHosts.addAll(stopped.keySet());
        try (ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("nianbao-host-", 0).factory())) {
            Thread reporter = Thread.ofVirtual().start(() -> reportProgress(started, active, done, lock));
            try {
                while (true) {
                    Set<String> queued = frontier.hostsWithQueued();
                    lock.lock();
                    try {
                        for (String host : queued) {
                            if (active.size() >= config.maxConcurrentHosts()) break;
                            if (active.contains(host)) continue;
                            if (stopped.containsKey(host)) {
                                frontier.skipHost(host, stopped.get(host)[0], stopped.get(host)[1]);
                                continue;
                            }
                            active.add(host);
                            done.remove(host);
                            workers.submit(() -> {
                                try {
                                    new HostWorker(host).run();
                                } catch (RuntimeException e) {
                                    log.error("host {} failed: {}", host, e.getMessage(), e);
                                    frontier.skipHost(host, "gave-up", "internal error: " + e.getMessage());
                                } finally {
                                    lock.lock();
                                    try {
                                        active.remove(host);
                                        done.add(host);
                                        changed.signalAll();
                                    } finally {
                                        lock.unlock();
                                    }
                                }
                            });
                        }
                        if (archiveQueue.failure() != null) throw new CrawlException(archiveQueue.failure(), null);
                        if (active.isEmpty() && archiveQueue.idle() && frontier.hostsWithQueued().isEmpty()) break;
                        changed.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } finally {
                        lock.unlock();
                    }
                    stopped = frontier.stoppedHosts();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrawlException("crawl interrupted", e);
            } finally {
                reporter.interrupt();
            }
        }
    }

    private void reportProgress(Instant started, Set<String> active, Set<String> done, ReentrantLock lock) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(progressEvery.toMillis());
                int a;
                int d;
                lock.lock();
                try {
                    a = active.size();
                    d = done.size();
                } finally {
                    lock.unlock();
                }
                progress.accept(new CrawlProgress(a, d, requests.get(), fetched.get(), reports.get(), errors.get(),
                        Duration.between(started, clock.instant())));
            }
        } catch (InterruptedException e) {
            // the crawl is over
        }
    }

    /** All requests to one host, one at a time, with the gaps politeness asks for. */
    private final class HostWorker {
        private final String host;
        private final HostState state;

        HostWorker(String host) {
            this.host = host;
            this.state = hostStates.computeIfAbsent(host, HostState::new);
        }

        void run() {
            while (!stoppedHosts.contains(host) && archiveQueue.failure() == null) {
                RobotsRules rules = robotsFor();
                if (rules == null) return;
                Optional<Frontier.Claim> next = frontier.claim(host);
                if (next.isEmpty()) return;
                FrontierEntry e = next.get().entry();
                if (!rules.allows(e.url())) {
                    frontier.skip(e.url(), "robots");
                    continue;
                }
                waitTurn();
                if (!fetchAndRecord(e, next.get().history())) return;
            }
        }

        private void waitTurn() {
            Instant at = state.nextStart(config.delay(), config.responseTimeFactor()).plus(GAP_MARGIN);
            Duration wait = Duration.between(clock.instant(), at);
            if (wait.isPositive()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new CrawlException("interrupted", ex);
                }
            }
        }

        /** The host's robots rules, fetching robots.txt first; null when the host is given up. */
        private RobotsRules robotsFor() {
            while (true) {
                RobotsRules r = robots.get(host);
                Instant at = robotsFetched.get(host);
                if (r != null && r.kind() != RobotsRules.Kind.UNAVAILABLE
                        && at.plus(config.robotsTtl()).isAfter(clock.instant())) return r;
                if (r == null) {
                    Optional<Frontier.RobotsCopy> copy = frontier.robots(host);
                    if (copy.isPresent() && copy.get().fetched().plus(config.robotsTtl()).isAfter(clock.instant())
                            && (copy.get().status() < 500 && copy.get().status() > 0 && copy.get().status() != 429)) {
                        remember(copy.get());
                        continue;
                    }
                }
                waitTurn();
                Frontier.RobotsCopy copy = fetchRobots();
                remember(copy);
                if (robots.get(host).kind() != RobotsRules.Kind.UNAVAILABLE) {
                    state.succeeded();
                    continue;
                }
                int failures = state.failed(clock.instant(), null, config.backoffBase(), config.backoffMax());
                log.info("robots.txt of {} unavailable (HTTP {}); disallowing all, retry {} of {}", host, copy.status(),
                        failures, config.maxHostFailures());
                if (failures >= config.maxHostFailures()) {
                    stoppedHosts.add(host);
                    frontier.skipHost(host, "gave-up", "robots.txt unavailable (HTTP " + copy.status() + ") "
                            + failures + " times");
                    return null;
                }
            }
        }

        private void remember(Frontier.RobotsCopy copy) {
            String url = robotsUrl();
            RobotsRules r = robotsPolicy.rules(url, copy.status(), copy.contentType(), copy.body());
            robots.put(host, r);
            robotsFetched.put(host, copy.fetched());
            state.setCrawlDelay(r.crawlDelay());
        }

        private String robotsUrl() {
            return scheme() + "://" + host + "/robots.txt";
        }

        private String scheme() {
            // The host key carries no scheme; use the one of a queued URL (https portals stay https).
            return schemes.getOrDefault(host, "http");
        }

        private Frontier.RobotsCopy fetchRobots() {
            String url = robotsUrl();
            FetchResult r = fetch(FetchRequest.get(URI.create(url)));
            byte[] body = r.responded() ? decodedHead(r, 500 * 1024) : new byte[0];
            Frontier.RobotsCopy copy = new Frontier.RobotsCopy(host, r.finished(), r.status(), r.header("Content-Type"), body);
            RequestLog logLine = new RequestLog(url, host, r.status(), r.bodyLength(), r.started(), r.finished(), r.errorKind());
            // Kept in the state only once archived: a kill before that means robots.txt is asked again, not lost.
            if (r.responded()) archive(r, null, null, () -> frontier.putRobots(copy, logLine));
            else frontier.logRequestOnly(logLine);
            return copy;
        }

        private FetchResult fetch(FetchRequest req) {
            try {
                FetchResult r = fetcher.fetch(req);
                state.recordRequest(r.started(), r.firstByte(), r.finished());
                requests.incrementAndGet();
                return r;
            } catch (IOException ex) {
                throw new CrawlException("cannot write temp files under " + config.tempDir() + ": " + ex.getMessage(), ex);
            }
        }

        /** Fetches one URL and records the outcome; false when the host must stop for this run. */
        private boolean fetchAndRecord(FrontierEntry e, Optional<History> prior) {
            boolean conditional = prior.isPresent() && prior.get().status() >= 200 && prior.get().status() < 300;
            FetchResult r = fetch(new FetchRequest(URI.create(e.url()), e.referrer(),
                    conditional ? prior.get().etag() : null, conditional ? prior.get().lastModified() : null));
            RequestLog logLine = new RequestLog(e.url(), host, r.status(), r.bodyLength(), r.started(), r.finished(), r.errorKind());
            if (!r.responded()) return networkError(e, r, logLine);
            fetched.incrementAndGet();
            byte[] head = decodedHead(r, 32 * 1024);
            String blocked = antiBot.detect(r.status(), head);
            if (blocked != null) {
                errors.incrementAndGet();
                Completion c = new Completion(e.url(), r.status(), "blocked", blocked, null, List.of(), List.of(), logLine);
                archive(r, e.unit(), e.referrer(), () -> frontier.complete(c));
                frontier.skipHost(host, "anti-bot", blocked);
                log.warn("{} answered with an anti-bot/WAF page ({}); stopping this host for the run", host, blocked);
                return false;
            }
            int s = r.status();
            if (s == 429 || s == 503) return overloaded(e, r, logLine);
            state.succeeded();
            Completion c;
            if (s >= 300 && s < 400 && s != 304) c = redirect(e, r, logLine);
            else if (s == 304) c = notModified(e, prior.orElse(null), logLine);
            else if (s >= 200 && s < 300) c = ok(e, r, prior.orElse(null), logLine);
            else c = failedStatus(e, r, prior.orElse(null), logLine);
            archive(r, e.unit(), e.referrer(), () -> frontier.complete(c));
            return !stoppedHosts.contains(host);
        }

        private boolean networkError(FrontierEntry e, FetchResult r, RequestLog logLine) {
            errors.incrementAndGet();
            int failures = state.failed(clock.instant(), null, config.backoffBase(), config.backoffMax());
            log.info("{}: {} ({} consecutive failures on {})", e.url(), r.errorMessage(), failures, host);
            if (e.attempts() + 1 < MAX_ATTEMPTS) frontier.requeue(e.url(), logLine);
            else frontier.complete(new Completion(e.url(), 0, "error", r.errorKind(), null, List.of(), List.of(), logLine));
            if (failures >= config.maxHostFailures()) {
                stopHost("gave-up", failures + " consecutive failures, last: " + r.errorKind());
                return false;
            }
            return true;
        }

        private boolean overloaded(FrontierEntry e, FetchResult r, RequestLog logLine) {
            Duration retryAfter = RetryAfter.parse(r.header("Retry-After"), clock.instant());
            Completion giveUp = new Completion(e.url(), r.status(), "error", "http-" + r.status(), null, List.of(), List.of(), logLine);
            if (retryAfter != null && retryAfter.compareTo(config.backoffMax()) > 0) {
                errors.incrementAndGet();
                archive(r, e.unit(), e.referrer(), () -> frontier.complete(giveUp));
                stopHost("gave-up", "HTTP " + r.status() + " with Retry-After " + retryAfter.toSeconds() + "s, longer than we wait");
                return false;
            }
            int failures = state.failed(clock.instant(), retryAfter, config.backoffBase(), config.backoffMax());
            log.info("{} answered {} (Retry-After {}); backing off, failure {} of {}", host, r.status(),
                    r.header("Retry-After"), failures, config.maxHostFailures());
            if (failures >= config.maxHostFailures()) {
                errors.incrementAndGet();
                archive(r, e.unit(), e.referrer(), () -> frontier.complete(giveUp));
                stopHost("gave-up", failures + " consecutive HTTP " + r.status() + " answers");
                return false;
            }
            // Back in the queue now; the 429/503 answer itself is archived too (it is what the server said).
            frontier.requeue(e.url(), logLine);
            archive(r, e.unit(), e.referrer(), null);
            return true;
        }

        private void stopHost(String state, String reason) {
            stoppedHosts.add(host);
            frontier.skipHost(host, state, reason);
        }

        private Completion redirect(FrontierEntry e, FetchResult r, RequestLog logLine) {
            String location = r.header("Location");
            String target = location == null ? null : normalizer.resolve(URI.create(e.url()), location);
            if (target != null) {
                // The next hop is queued like the link it replaces: same kind, same depth, this URL as referrer.
                Candidate c = admit(new Link(target, e.anchor() == null ? "" : e.anchor(), true), e, LinkKind.valueOf(e.kind()));
                if (c != null) frontier.enqueueAll(List.of(c));
            }
            return new Completion(e.url(), r.status(), "redirect", target, null, List.of(), List.of(), logLine);
        }

        private Completion notModified(FrontierEntry e, History prior, RequestLog logLine) {
            if (isReport(e)) reports.incrementAndGet();
            List<Candidate> next = new ArrayList<>();
            for (Completion.Outlink o : frontier.outlinks(e.url())) {
                Candidate c = admit(new Link(o.target(), o.anchor(), o.paging()), e, LinkKind.valueOf(e.kind()));
                if (c != null) next.add(c);
            }
            frontier.enqueueAll(next);
            History h = prior == null ? null : new History(e.url(), prior.etag(), prior.lastModified(), prior.sha256(),
                    prior.status(), e.kind(), run.id());
            return new Completion(e.url(), 304, "unchanged", null, h, List.of(), List.of(), logLine);
        }

        private Completion ok(FrontierEntry e, FetchResult r, History prior, RequestLog logLine) {
            String sha = sha256(r.body());
            String outcome = prior == null || prior.sha256() == null ? "new" : prior.sha256().equals(sha) ? "unchanged" : "changed";
            if (r.truncated() != null) outcome = outcome + "-truncated";
            if (isReport(e)) reports.incrementAndGet();
            List<Completion.Outlink> outlinks = new ArrayList<>();
            List<Candidate> next = new ArrayList<>();
            if (parsable(r.header("Content-Type"), r.url())) {
                byte[] bytes = decodedHead(r, MAX_PARSE_BYTES);
                String text = charsets.decode(r.header("Content-Type"), bytes);
                for (Link l : extractor.extract(r.url(), text)) {
                    outlinks.add(new Completion.Outlink(l.url(), l.anchor(), l.paging()));
                    Candidate c = admit(l, e, LinkKind.valueOf(e.kind()));
                    if (c != null) next.add(c);
                }
            }
            // Links are queued at once so the crawl goes on while the archive writes this page.
            frontier.enqueueAll(next);
            History h = new History(e.url(), r.header("ETag"), r.header("Last-Modified"), sha, r.status(), e.kind(), run.id());
            return new Completion(e.url(), r.status(), outcome, r.truncated(), h, outlinks, List.of(), logLine);
        }

        private Completion failedStatus(FrontierEntry e, FetchResult r, History prior, RequestLog logLine) {
            int s = r.status();
            boolean gone = s == 404 || s == 410;
            String outcome = gone && prior != null && prior.status() >= 200 && prior.status() < 300 ? "removed" : "error";
            errors.incrementAndGet();
            History h = prior == null ? null : new History(e.url(), null, null, prior.sha256(), s, prior.kind(), run.id());
            if (s >= 500) {
                int failures = state.failed(clock.instant(), null, config.backoffBase(), config.backoffMax());
                if (failures >= config.maxHostFailures()) {
                    stopHost("gave-up", failures + " consecutive server errors, last HTTP " + s);
                }
            }
            return new Completion(e.url(), s, outcome, "http-" + s, h, List.of(), List.of(), logLine);
        }
    }

    private final Set<String> stoppedHosts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> schemes = new ConcurrentHashMap<>();

    // ---- links ------------------------------------------------------------------------------

    /** Turns a found link into a frontier candidate, or null when scope, traps or depth forbid it. */
    private Candidate admit(Link link, FrontierEntry parent, LinkKind parentKind) {
        URI u;
        try {
            u = URI.create(link.url());
        } catch (IllegalArgumentException ex) {
            return null;
        }
        Scope scope = new Scope(Arrays.asList(parent.scope().split(",")));
        if (!scope.allows(u)) return null;
        if (Scope.isPrivateLiteral(u.getHost()) && !u.getHost().equalsIgnoreCase(URI.create(parent.url()).getHost())) return null;
        LinkKind kind = classifier.classify(link, parentKind);
        int depth = link.paging() ? parent.depth() : parent.depth() + 1;
        if (kind == LinkKind.PAGE && depth > config.maxDepth()) return null;
        TrapGuard.Verdict verdict = traps.judge(link.url());
        if (verdict == TrapGuard.Verdict.REJECT) return null;
        String host = hostKey(u);
        schemes.putIfAbsent(host, u.getScheme().toLowerCase(Locale.ROOT));
        int priority = kind.priority - Math.min(depth, 9);
        return new Candidate(link.url(), host, parent.unit(), parent.scope(), parent.url(), truncate(link.anchor(), 200),
                kind.name(), depth, priority, verdict == TrapGuard.Verdict.SUSPECT);
    }

    private static String truncate(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n);
    }

    static boolean isReport(FrontierEntry e) {
        return LinkKind.REPORT.name().equals(e.kind());
    }

    private static boolean parsable(String contentType, URI url) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("html") || ct.contains("xml") || ct.contains("javascript") || ct.startsWith("text/plain")) return true;
        if (!ct.isEmpty()) return false;
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return !new LinkClassifier().isDocument(path);
    }

    /** host[:port] — the unit of politeness. */
    public static String hostKey(URI u) {
        String host = u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(u.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(u.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    // ---- archive ----------------------------------------------------------------------------

    /** Queues the exchange for the archive; {@code afterStore} (the frontier update) runs once it is stored. */
    private void archive(FetchResult r, String unit, String referrer, Runnable afterStore) {
        archiveQueue.submit(new Exchange(r.url(), r.requestBytes(), r.responseHead(), r.body(), r.serverIp(), r.started(),
                r.finished(), unit, referrer, r.truncated(), r.notes()), afterStore);
    }

    /**
     * After a kill: a URL left in flight was either archived (then its outcome is rebuilt from the
     * archive, links included, so it is not fetched again) or not (then it is queued again).
     */
    private void recoverInflight() {
        for (FrontierEntry e : frontier.inflight()) {
            Optional<Capture> cap = archivedThisRun(e.url());
            if (cap.isEmpty()) {
                frontier.requeueInflight(e.url());
                continue;
            }
            Capture c = cap.get();
            List<Completion.Outlink> outlinks = new ArrayList<>();
            List<Candidate> next = new ArrayList<>();
            String sha = null;
            if (c.status() >= 200 && c.status() < 300) {
                try (InputStream in = archive.openDocument(c)) {
                    byte[] bytes = readUpTo(in, MAX_PARSE_BYTES);
                    sha = c.sha256();
                    if (parsable(c.contentType(), URI.create(e.url()))) {
                        for (Link l : extractor.extract(URI.create(e.url()), charsets.decode(c.contentType(), bytes))) {
                            outlinks.add(new Completion.Outlink(l.url(), l.anchor(), l.paging()));
                            Candidate cand = admit(l, e, LinkKind.valueOf(e.kind()));
                            if (cand != null) next.add(cand);
                        }
                    }
                } catch (IOException ex) {
                    log.warn("cannot re-read {} from the archive: {}", e.url(), ex.getMessage());
                }
            }
            log.info("{} was archived before the previous process stopped; not fetching it again", e.url());
            History h = sha == null ? null : new History(e.url(), null, null, sha, c.status(), e.kind(), run.id());
            frontier.complete(new Completion(e.url(), c.status(), "recovered", null, h, outlinks, next, null));
        }
    }

    private Optional<Capture> archivedThisRun(String url) {
        try {
            List<Capture> h = archive.history(url);
            return h.stream().filter(c -> !c.time().isBefore(run.started().minusSeconds(1))).reduce((a, b) -> b);
        } catch (IOException e) {
            throw new CrawlException("cannot read the archive: " + e.getMessage(), e);
        }
    }

    // ---- bodies -----------------------------------------------------------------------------

    /** Up to {@code max} bytes of the body, gunzipped when the server sent it compressed. */
    private static byte[] decodedHead(FetchResult r, int max) {
        if (r.body() == null) return new byte[0];
        try (InputStream raw = Files.newInputStream(r.body())) {
            String ce = r.header("Content-Encoding");
            if (ce != null && ce.toLowerCase(Locale.ROOT).contains("gzip")) {
                try (InputStream in = new GZIPInputStream(raw)) {
                    return readUpTo(in, max);
                }
            }
            return raw.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] readUpTo(InputStream in, int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) != -1) out.write(buf, 0, n);
        } catch (IOException e) {
            // a cut gzip stream still yields what came before the cut
        }
        return out.toByteArray();
    }

    private static String sha256(Path body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (body != null) {
                try (InputStream in = Files.newInputStream(body)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) != -1) md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new CrawlException("cannot digest a body: " + e.getMessage(), e);
        }
    }

    /** Bodies left in the temp folder by a killed process belong to nobody; their URLs are fetched again. */
    private void clearTempDir() {
        Path tmp = config.tempDir();
        if (!Files.isDirectory(tmp)) return;
        try (var files = Files.list(tmp)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot clear {}: {}", tmp, e.getMessage());
        }
    }

    @Override
    public void close() {
        archiveQueue.close();
        fetcher.close();
        if (frontier != null) frontier.close();
    }
}
