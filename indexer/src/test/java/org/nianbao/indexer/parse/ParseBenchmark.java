package org.nianbao.indexer.parse;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse throughput on one thread, extraction excluded: every seed text and every text-layer
 * rendering of the corpus is extracted once, then parsed over and over.
 *
 * <p>Run: {@code java -cp indexer/target/test-classes:indexer/target/classes:seeds/target/classes:<deps>
 * org.nianbao.indexer.parse.ParseBenchmark [seconds]} with {@code -Dnianbao.shared=../shared}.
 */
public final class ParseBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ParseBenchmark.class);

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path corpus = Path.of(System.getProperty("nianbao.shared", "../shared"), "corpus");
        Extractors extractors = Extractors.defaults();
        List<ExtractedDocument> docs = new ArrayList<>();
        for (String stem : TruthComparison.STEMS) {
            String text = Files.readString(corpus.resolve("seeds-text").resolve(stem + ".txt"));
            docs.add(new ExtractedDocument("text", null, text, List.of(), 1, "plain", List.of(), null, List.of()));
            for (String f : RenderingAccuracyTest.RENDERINGS) {
                docs.add(extractors.extract(corpus.resolve("docs").resolve(stem).resolve(f), null, f));
            }
        }
        ReportParser parser = new ReportParser(Gazetteer.load());
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmupEnd) for (ExtractedDocument d : docs) parser.parse(d, ParseHints.none());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long parsed = 0;
        long checks = 0;
        while (System.nanoTime() < end) {
            for (ExtractedDocument d : docs) {
                checks += parser.parse(d, ParseHints.none()).checks().size();
                parsed++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread, so a busy shared machine does not distort the per-core figure.
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        String line = ("parsed %d reports in %.1f s wall / %.1f s CPU on one thread: %.0f reports per CPU-second (per core), "
                + "%.0f reports/s wall (%d documents: 5 seed texts + 25 renderings; %d checks evaluated)")
                .formatted(parsed, elapsed, cpu, parsed / cpu, parsed / elapsed, docs.size(), checks);
        log.info(line);
    }
}
