package org.nianbao.crawler;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A crawl in its own JVM, for tests that kill it or keep its CPU apart from the farm's:
 * {@code CrawlMain DATA_DIR DELAY_MS [--warm-up DIR URL... --] SEED_URL...}. Prints one line
 * "done runId=… resumed=… requests=…" on success.
 */
public final class CrawlMain {

    private CrawlMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        List<URI> seeds = new ArrayList<>();
        List<URI> warmUp = new ArrayList<>();
        Path warmUpDir = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--warm-up")) {
                warmUpDir = Path.of(args[++i]);
                while (!args[++i].equals("--")) warmUp.add(URI.create(args[i]));
            } else {
                seeds.add(URI.create(args[i]));
            }
        }
        if (warmUpDir != null) crawl(warmUpDir, Duration.ofMillis(10), warmUp);
        long cpuBefore = cpuNanos();
        CrawlSummary s = crawl(data, delay, seeds);
        System.out.println("done runId=" + s.runId() + " resumed=" + s.resumed() + " requests=" + s.requests()
                + " cpuMillis=" + (cpuNanos() - cpuBefore) / 1_000_000);
        System.exit(0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static CrawlSummary crawl(Path data, Duration delay, List<URI> seeds) throws Exception {
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC());
             Crawler crawler = new Crawler(FarmCrawlTest.config(data.resolve("state"), delay), archive, Clock.systemUTC())) {
            return crawler.crawlUrls(seeds);
        }
    }

    /** Starts a crawl JVM with this test classpath. */
    static Process start(Path log, String... args) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrawlMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
