package org.nianbao.bench;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.parse.ParseHints;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Report parsing on one thread, extraction excluded (the idea of indexer's ParseBenchmark): every seed
 * text and every text-layer rendering of the corpus is extracted once, then parsed over and over.
 * Measured in thread CPU time, so other processes on a shared machine do not lower the per-core figure.
 */
public final class ParseBench {

    private static final Logger log = LoggerFactory.getLogger(ParseBench.class);
    static final List<String> RENDERINGS = List.of("report.utf8.html", "report.gbk.html", "report.docx", "report.doc", "report.pdf");

    private final BenchSettings settings;

    public ParseBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run() throws IOException {
        Path corpus = settings.corpus();
        Extractors extractors = Extractors.defaults();
        List<ExtractedDocument> docs = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus.resolve("seeds-text"))) {
            for (Path text : s.sorted().toList()) {
                String stem = text.getFileName().toString().replace(".txt", "");
                docs.add(new ExtractedDocument("text", null, Files.readString(text), List.of(), 1, "plain", List.of(), null, List.of()));
                for (String f : RENDERINGS) {
                    Path p = corpus.resolve("docs").resolve(stem).resolve(f);
                    if (Files.isRegularFile(p)) docs.add(extractors.extract(p, null, f));
                }
            }
        }
        ReportParser parser = new ReportParser(Gazetteer.load());
        long warmEnd = System.nanoTime() + 5_000_000_000L; // the JIT needs a while on a busy machine
        while (System.nanoTime() < warmEnd) for (ExtractedDocument d : docs) parser.parse(d, ParseHints.none());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> perCpuSecond = new ArrayList<>();
        for (int rep = 0; rep < settings.repetitions(); rep++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long end = System.nanoTime() + (long) (settings.parseSeconds() * 1e9);
            long parsed = 0;
            while (System.nanoTime() < end) {
                for (ExtractedDocument d : docs) {
                    parser.parse(d, ParseHints.none());
                    parsed++;
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            perCpuSecond.add(parsed / cpu);
            log.info("parse repetition {}: {} reports per CPU-second", rep + 1, Samples.number(perCpuSecond.getLast()));
        }
        return List.of(Figure.alone("parse", "reports/s per core (CPU time)", new Samples(perCpuSecond),
                "%d documents: seed texts + HTML/DOCX/DOC/PDF renderings, extraction excluded".formatted(docs.size())));
    }
}
