package org.nianbao.bench;

import org.nianbao.indexer.synth.SyntheticReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of {@code nianbao serve}: the real verb in its own JVM over the index the index stage built,
 * a bounded number of clients on loopback for a bounded time, a mix of search API, search page, one-report
 * and CSV-download requests. Reports throughput, latency, errors, and the server's peak RSS.
 */
public final class ServeBench {

    private static final Logger log = LoggerFactory.getLogger(ServeBench.class);
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+?)/search");

    private final BenchSettings settings;

    public ServeBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run(Path dataDir, List<String> reportIds, List<SyntheticReports.Agency> agencies) throws IOException, InterruptedException {
        Path out = settings.work().resolve("serve.out");
        Path err = settings.work().resolve("serve.err");
        Process server = ChildJvm.start(List.of("serve", "--data", dataDir.toString(), "--port", "0"), out, err);
        try {
            URI base = waitForUrl(server, out, err);
            List<String> words = List.of("公开", "政府信息", "申请", "依申请公开", "行政复议");
            IntFunction<String> mix = i -> switch (i % 4) {
                case 0 -> "/api/search?q=" + enc(words.get(i / 4 % words.size()));
                case 1 -> "/search?q=" + enc(words.get(i / 4 % words.size()));
                case 2 -> "/api/reports/" + enc(reportIds.get(i / 4 % reportIds.size()));
                default -> "/api/export.csv?q=" + enc("\"" + agencies.get(i / 4 % Math.min(agencies.size(), 50)).name() + "\"");
            };
            LoadTest.run(base, settings.loadClients(), java.time.Duration.ofSeconds(5), mix); // warm-up: JIT, caches
            List<Double> throughput = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            long errors = 0;
            long requests = 0;
            java.util.Map<String, List<Double>> kindP50 = new java.util.TreeMap<>();
            java.util.Map<String, List<Double>> kindP99 = new java.util.TreeMap<>();
            int reps = 3;
            java.time.Duration each = settings.loadDuration().dividedBy(reps);
            for (int rep = 0; rep < reps; rep++) {
                LoadTest.Result r = LoadTest.run(base, settings.loadClients(), each, mix);
                throughput.add(r.throughput());
                p50.add(r.percentileMs(0.50));
                p99.add(r.percentileMs(0.99));
                errors += r.errors();
                for (String kind : r.latencyByKind().keySet()) {
                    kindP50.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.percentileMs(kind, 0.50));
                    kindP99.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.percentileMs(kind, 0.99));
                }
                requests += r.requests();
                if (r.firstError() != null) log.warn("serve load: first error {}", r.firstError());
                log.info("serve load repetition {}: {} req/s, p99 {} ms, {} errors", rep + 1, Samples.number(r.throughput()),
                        Samples.number(r.percentileMs(0.99)), r.errors());
            }
            OptionalLong rss = ProcessMemory.peakRss(server.pid());
            String load = "%d clients × %d s (in %d parts) on loopback; mix of /api/search, /search, /api/reports/ID, /api/export.csv; %,d requests"
                    .formatted(settings.loadClients(), settings.loadDuration().toSeconds(), reps, requests);
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.alone("serve load", "requests/s", new Samples(throughput), load));
            figures.add(Figure.alone("serve load", "p50 ms", new Samples(p50), load));
            figures.add(Figure.alone("serve load", "p99 ms", new Samples(p99), load));
            figures.add(Figure.alone("serve load", "errors (must be 0)", Samples.of(errors), load));
            for (String kind : kindP50.keySet()) {
                figures.add(Figure.alone("serve load: " + kind, "p50 / p99 ms",
                        new Samples(kindP50.get(kind)), "p99: " + new Samples(kindP99.get(kind)).format()));
            }
            if (rss.isPresent()) {
                figures.add(Figure.alone("memory", "peak RSS of serve under load, MB", Samples.of(rss.getAsLong() / 1e6),
                        "VmHWM of the serve JVM (default heap settings) after the load test, %,d reports".formatted(settings.reports())));
            }
            return figures;
        } finally {
            ChildJvm.stop(server);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI waitForUrl(Process server, Path out, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.readAllLines(out).stream().filter(l -> SERVING.matcher(l).find()).findFirst();
            if (line.isPresent()) {
                Matcher m = SERVING.matcher(line.get());
                if (m.find()) return URI.create(m.group(1) + "/");
            }
            if (!server.isAlive()) throw new IOException("nianbao serve exited with " + server.exitValue() + ": " + Files.readString(err));
            Thread.sleep(200);
        }
        throw new IOException("nianbao serve did not say where it listens within 60 s");
    }
}
