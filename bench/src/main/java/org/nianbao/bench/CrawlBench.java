package org.nianbao.bench;

import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * nianbao's crawler ({@code nianbao crawl}) and crawler4j, each in its own JVM as against real portals, each
 * on its own fresh portal-sim farm (in the bench's JVM) of the same config, at the same delay. The farm counts
 * what it received. Two farms:
 * <ul>
 * <li><b>throughput</b>: 30 hosts of every CMS style with the hostile features that do not oblige a polite
 * crawler to wait (robots rules, redirects, broken links, calendar trap, session ids, truncated PDF,
 * outside links, gzip-encoded HTML), and enough pages that no host runs dry within the measurement. Each crawler first
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
        List<Double> oursCpu = new ArrayList<>();
        List<Double> peerCpu = new ArrayList<>();
        Politeness oursAll = null;
        Politeness peerAll = null;
        for (int rep = 0; rep < settings.crawlRuns(); rep++) {
            Run oursRun = measure(throughputFarm(), "nianbao-" + rep, true);
            Politeness ours = oursRun.politeness();
            if (oursRun.cpuMillisPerRequest() > 0) oursCpu.add(oursRun.cpuMillisPerRequest());
            oursRate.add(ours.requestsPerSecond());
            oursAll = oursAll == null ? ours : oursAll.plusViolationsOf(ours);
            log.info("crawl repetition {}: nianbao {} req/s in the window, {}", rep + 1, Samples.number(ours.requestsPerSecond()), ours.describe());
            Run peerRun = measure(throughputFarm(), "crawler4j-" + rep, false);
            Politeness peer = peerRun.politeness();
            if (peerRun.cpuMillisPerRequest() > 0) peerCpu.add(peerRun.cpuMillisPerRequest());
            peerRate.add(peer.requestsPerSecond());
            peerAll = peerAll == null ? peer : peerAll.plusViolationsOf(peer);
            log.info("crawl repetition {}: crawler4j {} req/s in the window, {}", rep + 1, Samples.number(peer.requestsPerSecond()), peer.describe());
        }
        Politeness oursHostile = measure(politenessFarm(), "nianbao-hostile", true).politeness();
        log.info("every hostile feature: nianbao {} req/s, {}", Samples.number(oursHostile.requestsPerSecond()), oursHostile.describe());
        Politeness peerHostile = measure(politenessFarm(), "crawler4j-hostile", false).politeness();
        log.info("every hostile feature: crawler4j {} req/s, {}", Samples.number(peerHostile.requestsPerSecond()), peerHostile.describe());
        oursAll = oursAll.plusViolationsOf(oursHostile);
        peerAll = peerAll.plusViolationsOf(peerHostile);

        double bound = settings.crawlHosts() * 1000.0 / delay.toMillis();
        String window = "%d-host farm without rule-imposed waits, each crawler in its own JVM, delay %d ms, %d s window after %d s warm-up"
                .formatted(settings.crawlHosts(), delay.toMillis(), settings.crawlWindow().toSeconds(), warmUp().toSeconds());
        String hostileNote = ("%d-host farm with every hostile feature, delay %d ms, %d s from the first request; hosts ÷ delay = %s is out of"
                + " reach by rule there (anti-bot host stopped, Crawl-delay 1 s host, Retry-After, slow answers)")
                .formatted(settings.crawlHosts(), delay.toMillis(), settings.crawlWindow().toSeconds(), Samples.number(bound));
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("crawl", "requests/s", new Samples(oursRate), "politeness bound hosts ÷ delay",
                        Samples.of(bound), window),
                new Figure("crawl (peer)", "requests/s", new Samples(oursRate), "crawler4j 5.1.0, same farm and delay",
                        new Samples(peerRate), window),
                new Figure("crawl, every hostile feature", "requests/s", Samples.of(oursHostile.requestsPerSecond()),
                        "crawler4j 5.1.0, same farm and delay", Samples.of(peerHostile.requestsPerSecond()), hostileNote),
                new Figure("crawl politeness", "violations (farm's count)", Samples.of(oursAll.violations()), "crawler4j",
                        Samples.of(peerAll.violations()), "both farms, every run; nianbao: " + oursAll.describe()
                        + "; crawler4j: " + peerAll.describe())));
        if (!oursCpu.isEmpty() && !peerCpu.isEmpty()) {
            figures.add(new Figure("crawl CPU", "ms of CPU per request, crawler's JVM", new Samples(oursCpu),
                    "crawler4j 5.1.0", new Samples(peerCpu), window + "; nianbao: fetch, links, SQLite frontier, gzipped WARC with"
                    + " SHA-1/SHA-256 and capture table; crawler4j: fetch and links, nothing stored"));
        }
        return figures;
    }

    /** One crawl's politeness and rate, and the CPU its JVM spent per request in the window (0 when unknown). */
    private record Run(Politeness politeness, double cpuMillisPerRequest) {
    }

    /**
     * One crawl of a fresh farm. The rate counts the requests that start in the window: from the crawler's
     * first request, after the warm-up for the throughput farm.
     */
    private Run measure(FarmConfig farmConfig, String name, boolean nianbao) throws Exception {
        Path dir = settings.work().resolve("crawl-" + name);
        ArchiveBench.deleteTree(dir);
        Files.createDirectories(dir);
        boolean steady = !name.endsWith("-hostile");
        try (PortalFarm farm = PortalFarm.start(farmConfig);
             Crawl crawl = nianbao ? nianbaoCrawl(dir, farm) : peerCrawl(dir, farm)) {
            long start = System.nanoTime();
            crawl.start();
            // The window opens at the crawler's first request (its JVM's start-up is not crawling) or, for
            // the throughput figure, a warm-up later.
            while (farm.stats().requests() == 0 && !crawl.finished() && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(5);
            }
            if (steady) Thread.sleep(warmUp());
            long windowStart = System.nanoTime();
            long before = farm.stats().requests();
            Duration cpuBefore = crawl.cpu();
            long end = windowStart + settings.crawlWindow().toNanos();
            while (System.nanoTime() < end && !crawl.finished()) Thread.sleep(20);
            long after = farm.stats().requests();
            Duration cpuAfter = crawl.cpu();
            double secs = (System.nanoTime() - windowStart) / 1e9;
            FarmStats stats = farm.stats();
            crawl.stop();
            double cpu = cpuBefore == null || cpuAfter == null || after == before ? 0
                    : cpuAfter.minus(cpuBefore).toNanos() / 1e6 / (after - before);
            return new Run(Politeness.of(stats, secs, settings.crawlDelay()).rateOver(after - before, secs), cpu);
        }
    }

    private interface Crawl extends AutoCloseable {
        void start() throws IOException;

        boolean finished();

        void stop() throws InterruptedException;

        /** CPU time the crawler's JVM has used so far, or null when the platform does not say. */
        Duration cpu();

        @Override
        void close() throws InterruptedException;
    }

    /**
     * A crawler in its own JVM, as it runs against real portals: the farm's answer threads, its JIT and its
     * garbage collector are then not the crawler's (they still share the machine's cores).
     */
    private static final class ChildCrawl implements Crawl {
        private final String mainClass;
        private final List<String> args;
        private final Path dir;
        private Process process;

        ChildCrawl(String mainClass, List<String> args, Path dir) {
            this.mainClass = mainClass;
            this.args = args;
            this.dir = dir;
        }

        @Override
        public void start() throws IOException {
            process = ChildJvm.startMain(mainClass, args, dir.resolve("crawl.out"), dir.resolve("crawl.err"));
        }

        @Override
        public boolean finished() {
            return !process.isAlive();
        }

        @Override
        public void stop() throws InterruptedException {
            ChildJvm.stop(process);
        }

        @Override
        public Duration cpu() {
            return process.isAlive() ? process.toHandle().info().totalCpuDuration().orElse(null) : null;
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) ChildJvm.stop(process);
        }
    }

    /** {@code nianbao crawl}, the real verb, in its own JVM. */
    private Crawl nianbaoCrawl(Path dir, PortalFarm farm) {
        List<String> args = new ArrayList<>(List.of("crawl", "--data", dir.resolve("data").toString(),
                "--resolve", "*.gov.cn=127.0.0.1", "--delay", settings.crawlDelay().toMillis() + "ms"));
        for (var u : farm.seedUrls()) {
            args.add("--seed");
            args.add(u.toString());
        }
        return new ChildCrawl("org.nianbao.app.Main", args, dir);
    }

    /** crawler4j 5.1 in its own JVM ({@link Crawler4jMain}). */
    private Crawl peerCrawl(Path dir, PortalFarm farm) {
        List<String> args = new ArrayList<>(List.of(dir.resolve("crawler4j").toString(), Long.toString(settings.crawlDelay().toMillis())));
        farm.seedUrls().forEach(u -> args.add(u.toString()));
        return new ChildCrawl(Crawler4jMain.class.getName(), args, dir);
    }
}
