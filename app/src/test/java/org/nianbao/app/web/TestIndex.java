package org.nianbao.app.web;

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

/** A real index under {@code data/index}: the corpus's five reports, synthetic ones, and any extras. */
public final class TestIndex {

    private TestIndex() {
    }

    public static Path corpus() {
        return Path.of(System.getProperty("nianbao.shared"), "corpus");
    }

    public static List<ReportRecord> build(Path data, int synthetic, ReportRecord... extra) throws IOException {
        List<ReportRecord> all = new ArrayList<>(CorpusReports.load(corpus(), Instant.parse("2021-03-01T08:00:00Z")));
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(corpus().resolve("seeds-text"))) {
            for (Path p : files.sorted().toList()) texts.add(Files.readString(p));
        }
        SyntheticReports gen = new SyntheticReports(texts, 11);
        for (int i = 0; i < synthetic; i++) all.add(gen.report(i * 13 + 1));
        all.addAll(List.of(extra));
        try (ReportIndex index = ReportIndex.open(data.resolve("index"))) {
            all.forEach(index::addOrUpdate);
            index.commit(1L);
        }
        return all;
    }
}
