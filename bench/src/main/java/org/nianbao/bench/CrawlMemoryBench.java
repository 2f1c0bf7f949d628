package org.nianbao.bench;

import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak RSS of {@code nianbao crawl} (the real verb, its own JVM) with a large frontier: N seed URLs spread
 * over the farm's hosts, given through a picocli @-file. The crawl runs until it has made a few hundred
 * requests (so all seeds are in its frontier) or for at most the memory window; its VmHWM is read before it is stopped.
 */
public final class CrawlMemoryBench {

    private static final Logger log = LoggerFactory.getLogger(CrawlMemoryBench.class);

    private static final long ENOUGH_REQUESTS = 300;

    private final BenchSettings settings;

    public CrawlMemoryBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run() throws IOException, InterruptedException {
        Path dir = settings.work().resolve("crawl-memory");
        ArchiveBench.deleteTree(dir);
        Files.createDirectories(dir);
        FarmConfig farmConfig = FarmConfig.defaults(settings.crawlHosts());
        try (PortalFarm farm = PortalFarm.start(farmConfig)) {
            List<String> hosts = farm.hosts();
            List<String> lines = new ArrayList<>();
            lines.add("crawl");
            lines.add("--data");
            lines.add(dir.resolve("data").toString());
            lines.add("--resolve");
            lines.add("*.gov.cn=127.0.0.1");
            lines.add("--delay");
            lines.add(settings.crawlDelay().toMillis() + "ms");
            lines.add("--max-pages");
            lines.add(Integer.toString(settings.frontierUrls()));
            for (int i = 0; i < settings.frontierUrls(); i++) {
                lines.add("--seed");
                lines.add("http://" + hosts.get(i % hosts.size()) + ":" + farm.port() + "/bench/page-" + i + ".html");
            }
            Path args = dir.resolve("crawl.args");
            Files.write(args, lines);
            Process crawl = ChildJvm.start(List.of("@" + args), dir.resolve("crawl.out"), dir.resolve("crawl.err"));
            try {
                long end = System.nanoTime() + settings.memoryWindow().toNanos();
                long peak = 0;
                long started = System.nanoTime();
                // Enough requests mean the seeds are all in the frontier and the crawl is under way.
                while (System.nanoTime() < end && crawl.isAlive() && farm.stats().requests() < ENOUGH_REQUESTS) {
                    peak = Math.max(peak, ProcessMemory.peakRss(crawl.pid()).orElse(0));
                    Thread.sleep(500);
                }
                OptionalLong last = ProcessMemory.peakRss(crawl.pid());
                if (last.isPresent()) peak = Math.max(peak, last.getAsLong());
                long requests = farm.stats().requests();
                long seconds = (System.nanoTime() - started) / 1_000_000_000;
                log.info("crawl with {} frontier URLs: peak RSS {} MB after {} requests", settings.frontierUrls(), peak / 1_000_000, requests);
                if (peak == 0) throw new IOException("could not read the crawl's peak RSS (exited: " + !crawl.isAlive() + ")");
                return List.of(Figure.alone("memory", "peak RSS of crawl, MB", Samples.of(peak / 1e6),
                        "VmHWM of `nianbao crawl` (default heap settings) with %,d seed URLs over %d hosts, read after %d s and %,d requests"
                                .formatted(settings.frontierUrls(), hosts.size(), seconds, requests)));
            } finally {
                ChildJvm.stop(crawl);
            }
        }
    }
}
