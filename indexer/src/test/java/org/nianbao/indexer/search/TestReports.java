package org.nianbao.indexer.search;

import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.synth.CorpusReports;
import org.nianbao.indexer.synth.SyntheticReports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The corpus's five reports plus synthetic ones, indexed into a real index in a temp dir. */
final class TestReports {

    static final Instant CAPTURED = Instant.parse("2021-03-01T08:00:00Z");

    private TestReports() {
    }

    static Path corpus() {
        return Path.of(System.getProperty("nianbao.shared"), "corpus");
    }

    static List<ReportRecord> corpusReports() {
        return CorpusReports.load(corpus(), CAPTURED);
    }

    static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(corpus().resolve("seeds-text"))) {
            for (Path p : files.sorted().toList()) texts.add(Files.readString(p));
        }
        return texts;
    }

    /** The corpus reports followed by {@code synthetic} generated ones. */
    static List<ReportRecord> mixed(int synthetic) throws IOException {
        List<ReportRecord> all = new ArrayList<>(corpusReports());
        SyntheticReports gen = new SyntheticReports(corpusTexts(), 42);
        for (int i = 0; i < synthetic; i++) all.add(gen.report(i * 7 + 3));
        return all;
    }

    static void index(Path dir, List<ReportRecord> records) {
        try (ReportIndex index = ReportIndex.open(dir)) {
            records.forEach(index::addOrUpdate);
            index.commit(99L);
        }
    }
}
