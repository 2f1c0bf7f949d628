package org.nianbao.bench;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PDF extraction (text and tables) on one thread against {@code pdftotext -layout} (text only) on the
 * same PDFs. Both are timed by wall clock, one document after another, so "pages/s" is per core.
 */
public final class ExtractBench {

    private static final Logger log = LoggerFactory.getLogger(ExtractBench.class);

    private final BenchSettings settings;

    public ExtractBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(settings.corpus().resolve("docs"))) {
            pdfs = s.map(d -> d.resolve("report.pdf")).filter(Files::isRegularFile).sorted().toList();
        }
        if (pdfs.isEmpty()) throw new IOException("no report.pdf under " + settings.corpus().resolve("docs"));
        Extractors extractors = Extractors.defaults();
        int pages = 0;
        int tables = 0;
        for (Path p : pdfs) { // warm-up, and the page count both sides are divided by
            ExtractedDocument d = extractors.extract(p, "application/pdf", "report.pdf");
            pages += d.pages();
            tables += d.tables().size();
        }
        boolean poppler = Commands.available("pdftotext");
        Path out = settings.work().resolve("pdftotext.txt");
        Files.createDirectories(settings.work());
        List<Double> ours = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        for (int rep = 0; rep < settings.repetitions(); rep++) {
            long start = System.nanoTime();
            for (Path p : pdfs) extractors.extract(p, "application/pdf", "report.pdf");
            ours.add(pages / ((System.nanoTime() - start) / 1e9));
            if (poppler) {
                long nanos = 0;
                for (Path p : pdfs) nanos += Commands.time(List.of("pdftotext", "-layout", p.toString(), out.toString()), null).toNanos();
                peer.add(pages / (nanos / 1e9));
            }
            log.info("extract repetition {}: {} pages/s", rep + 1, Samples.number(ours.getLast()));
        }
        Files.deleteIfExists(out);
        return List.of(new Figure("extract", "PDF pages/s per core, text + tables", new Samples(ours),
                poppler ? "pdftotext -layout (text only, one process per file)" : "pdftotext (not installed)",
                poppler ? new Samples(peer) : null,
                "%d corpus PDFs, %d pages, %d tables found".formatted(pdfs.size(), pages, tables)));
    }
}
