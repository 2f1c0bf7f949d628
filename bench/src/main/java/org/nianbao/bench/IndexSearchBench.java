package org.nianbao.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.nianbao.indexer.index.ReportFields;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.synth.SyntheticReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Indexing and search at scale (moved here from indexer's IndexBenchmark main). N synthetic reports are
 * indexed by nianbao (all fields, facets, figures) and by bare Lucene (the same text in one field with
 * CJKAnalyzer, nothing stored), in alternating chunks so both see the same machine load, with the same writer
 * settings (128 MB buffer, merges in the indexing thread, so each index pays for its own merges and not for
 * the other's). Timed by the wall clock and by the indexing thread's CPU time; the second is what the ratio
 * rests on when other processes share the cores. Then each query
 * class is timed against nianbao's searcher, and the two text classes also as bare Lucene
 * TermQuery/PhraseQuery against the bare index.
 */
public final class IndexSearchBench {

    private static final Logger log = LoggerFactory.getLogger(IndexSearchBench.class);
    private static final int CHUNK = 500;

    private final BenchSettings settings;
    private SyntheticReports generator;

    public IndexSearchBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** The nianbao index the run built (under {@code data/index}, where {@code serve --data} finds it). */
    public Path dataDir() {
        return indexRoot().resolve("data");
    }

    /** Where the indexes live: the kept {@code --index-dir}, else the scratch folder. */
    private Path indexRoot() {
        return settings.indexDir() != null ? settings.indexDir() : settings.work();
    }

    /** Ids of some indexed reports, for requests that fetch one report. */
    public List<String> sampleIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) ids.add(generator.report((int) ((long) i * 7919 % settings.reports())).id());
        return ids;
    }

    public List<SyntheticReports.Agency> agencies() {
        return generator.agencies();
    }

    public List<Figure> run() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(settings.corpus().resolve("seeds-text"))) {
            for (Path p : files.sorted().toList()) texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        generator = new SyntheticReports(texts, 20260101L);
        int n = settings.reports();
        Path ours = dataDir().resolve("index");
        Path bare = indexRoot().resolve("bare-index");
        List<Figure> figures = new ArrayList<>();
        if (settings.reuseIndex()) {
            int found = reportsIn(ours);
            if (found != n) {
                throw new IOException("--reuse: " + ours + " holds " + found + " reports, not " + n + " (build it first without --reuse)");
            }
            log.info("reusing the index of {} reports in {}", n, ours);
        } else {
            figures.addAll(build(ours, settings.barePeer() ? bare : null, n));
        }
        figures.addAll(search(ours, reportsIn(bare) > 0 ? bare : null, n));
        return figures;
    }

    private static int reportsIn(Path index) throws IOException {
        if (!Files.isDirectory(index)) return 0;
        try (FSDirectory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) return 0;
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                return r.numDocs();
            }
        }
    }

    /** Indexes n reports into {@code ours} (and the same text into {@code bare} unless null), timing both. */
    private List<Figure> build(Path ours, Path bare, int n) throws IOException {
        ArchiveBench.deleteTree(ours);
        ArchiveBench.deleteTree(indexRoot().resolve("bare-index"));
        Files.createDirectories(dataDir());

        warmUp(Math.min(n, 1500));
        int slices = Math.max(1, settings.repetitions());
        long[] oursNanos = new long[slices];
        long[] bareNanos = new long[slices];
        long[] oursCpu = new long[slices];
        long[] bareCpu = new long[slices];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] sliceReports = new int[slices];
        try (IndexWriter w = bare == null ? null
                : new IndexWriter(FSDirectory.open(bare), new IndexWriterConfig(new CJKAnalyzer()).setRAMBufferSizeMB(128)
                        .setMergeScheduler(new SerialMergeScheduler()));
             ReportIndex index = ReportIndex.open(ours, true, new ReportIndex.Settings(false, true))) {
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                int slice = (int) ((long) from * slices / n);
                List<ReportRecord> chunk = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) chunk.add(generator.report(i));
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                if (w != null) {
                    for (ReportRecord r : chunk) {
                        Document d = new Document();
                        d.add(new TextField("text", r.text(), Field.Store.NO));
                        w.addDocument(d);
                    }
                }
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                for (ReportRecord r : chunk) index.addOrUpdate(r);
                long t3 = System.nanoTime();
                long c3 = threads.getCurrentThreadCpuTime();
                bareNanos[slice] += t2 - t1;
                oursNanos[slice] += t3 - t2;
                bareCpu[slice] += c2 - c1;
                oursCpu[slice] += c3 - c2;
                sliceReports[slice] += chunk.size();
                if ((from / CHUNK) % 20 == 19) log.info("indexed {} of {} reports", to, n);
            }
            long c4 = threads.getCurrentThreadCpuTime();
            long t4 = System.nanoTime();
            if (w != null) w.commit();
            long t5 = System.nanoTime();
            long c5 = threads.getCurrentThreadCpuTime();
            index.commit((long) n);
            bareNanos[slices - 1] += t5 - t4;
            oursNanos[slices - 1] += System.nanoTime() - t5;
            bareCpu[slices - 1] += c5 - c4;
            oursCpu[slices - 1] += threads.getCurrentThreadCpuTime() - c5;
        }
        List<Double> oursRate = new ArrayList<>();
        List<Double> bareRate = new ArrayList<>();
        List<Double> oursCpuRate = new ArrayList<>();
        List<Double> bareCpuRate = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            if (sliceReports[s] == 0) continue;
            oursRate.add(sliceReports[s] / (oursNanos[s] / 1e9));
            bareRate.add(sliceReports[s] / (bareNanos[s] / 1e9));
            oursCpuRate.add(sliceReports[s] / (oursCpu[s] / 1e9));
            bareCpuRate.add(sliceReports[s] / (bareCpu[s] / 1e9));
        }
        List<Figure> figures = new ArrayList<>();
        String scale = "%,d synthetic reports".formatted(n);
        long oursBytes = size(ours);
        if (bare == null) {
            figures.add(new Figure("index", "reports/s, one writer thread", new Samples(oursRate), null, null,
                    scale + "; n = consecutive slices of the run (no bare-Lucene peer this run: --no-bare)"));
            figures.add(new Figure("index", "index bytes per report", Samples.of((double) oursBytes / n), null, null, scale));
            return figures;
        }
        long bareBytes = size(bare);
        figures.add(new Figure("index", "reports/s, one writer thread", new Samples(oursRate),
                "bare Lucene, one CJK text field", new Samples(bareRate),
                scale + "; n = consecutive slices of the run (all fields, facets, figures, stored JSON vs text only)"));
        double oursWhole = n / (Arrays.stream(oursCpu).sum() / 1e9);
        double bareWhole = n / (Arrays.stream(bareCpu).sum() / 1e9);
        figures.add(new Figure("index", "reports per CPU-second of the writer thread", new Samples(oursCpuRate),
                "bare Lucene, one CJK text field", new Samples(bareCpuRate),
                scale + "; the same slices timed by thread CPU time (merges run in that thread), which other processes on the cores do not inflate;"
                        + " whole run %.0f vs %.0f reports per CPU-second, ratio %.2f (a slice that holds a merge is slow, so slices vary)"
                        .formatted(oursWhole, bareWhole, oursWhole / bareWhole)));
        figures.add(new Figure("index", "index bytes per report", Samples.of((double) oursBytes / n),
                "bare Lucene", Samples.of((double) bareBytes / n), scale));
        return figures;
    }

    /**
     * Both writers index the first reports once, untimed, into scratch indexes, so the JIT has compiled both
     * paths before the clock starts (nianbao's path is much longer and otherwise pays more for warming up).
     */
    private void warmUp(int count) throws IOException {
        Path ours = settings.work().resolve("warm-up-index");
        Path bare = settings.work().resolve("warm-up-bare");
        try (FSDirectory bareDir = FSDirectory.open(bare);
             IndexWriter w = new IndexWriter(bareDir, new IndexWriterConfig(new CJKAnalyzer()));
             ReportIndex index = ReportIndex.open(ours, true, new ReportIndex.Settings(false, true))) {
            for (int i = 0; i < count; i++) {
                ReportRecord r = generator.report(i);
                Document d = new Document();
                d.add(new TextField("text", r.text(), Field.Store.NO));
                w.addDocument(d);
                index.addOrUpdate(r);
            }
            w.commit();
            index.commit();
        }
        ArchiveBench.deleteTree(ours);
        ArchiveBench.deleteTree(bare);
    }

    private static final String UNCACHED_BROWSE = "facet browse, uncached";

    private List<Figure> search(Path ours, Path bare, int n) throws IOException {
        // Agency names are rare phrases only when few reports hold them: the synthetic text is shuffled from the
        // corpus, so the five corpus agencies' names sit in the text of a fifth of all reports. Those are timed
        // apart, as "frequent phrase", rather than mixed into the rare ones.
        List<String> agencies = new ArrayList<>();
        List<String> frequent = new ArrayList<>();
        long rareAtMost = Math.max(100, n / 1000);
        try (ReportSearcher counter = ReportSearcher.open(ours)) {
            List<String> sampled = agenciesIn(ours);
            Map<String, Long> hits = new LinkedHashMap<>();
            for (String a : sampled) hits.computeIfAbsent(a, x -> counter.count(SearchRequest.of("\"" + x + "\"")));
            for (String a : sampled) {
                long h = hits.get(a);
                if (h <= rareAtMost) agencies.add(a);
                else if (h > n / 100) frequent.add(a);
            }
            if (agencies.isEmpty()) throw new IOException("no agency name in " + ours + " is held by at most " + rareAtMost + " reports");
            log.info("phrases: {} rare agency names (at most {} hits), {} distinct frequent ones (over {} hits)", agencies.size(),
                    rareAtMost, new java.util.TreeSet<>(frequent).size(), n / 100);
        }
        List<String> common = List.of("公开", "政府信息", "申请", "网站");
        Map<String, IntFunction<SearchRequest>> ourQueries = new LinkedHashMap<>();
        ourQueries.put("rare phrase", i -> SearchRequest.of("\"" + agencies.get(new SplittableRandom(i).nextInt(agencies.size())) + "\""));
        if (!frequent.isEmpty()) {
            ourQueries.put("frequent phrase", i -> SearchRequest.of("\"" + frequent.get(new SplittableRandom(i).nextInt(frequent.size())) + "\""));
        }
        ourQueries.put("common word", i -> SearchRequest.of(common.get(i % 4)));
        ourQueries.put("facet browse", i -> SearchRequest.of("").withFacet("year", Integer.toString(2008 + i % 17))
                .withFacet("admin_level", i % 2 == 0 ? "county" : "city"));
        // The same browses, each counted afresh: the searcher forgets its remembered browses before every one.
        ourQueries.put(UNCACHED_BROWSE, ourQueries.get("facet browse"));
        ourQueries.put("range filter + sort", i -> new SearchRequest("t3.新收.总计:>=" + (5 + i % 50) + " AND year:[" + (2008 + i % 10) + " TO 2024]",
                Map.of(), "t3.新收.总计", 10, 0));
        Map<String, IntFunction<String>> bareText = bare == null ? Map.of() : Map.of(
                "rare phrase", i -> agencies.get(new SplittableRandom(i).nextInt(agencies.size())),
                "common word", i -> common.get(i % 4));

        List<Figure> figures = new ArrayList<>();
        int runs = settings.searchQueries();
        try (ReportSearcher searcher = ReportSearcher.open(ours);
             DirectoryReader reader = bare == null ? null : DirectoryReader.open(FSDirectory.open(bare));
             Analyzer analyzer = new CJKAnalyzer()) {
            IndexSearcher bareSearcher = reader == null ? null : new IndexSearcher(reader);
            for (Map.Entry<String, IntFunction<SearchRequest>> q : ourQueries.entrySet()) {
                IntFunction<String> text = bareText.get(q.getKey());
                for (int i = 0; i < 50; i++) { // warm-up
                    searcher.search(q.getValue().apply(i));
                    if (text != null) bareSearcher.search(bareQuery(analyzer, text.apply(i)), 10);
                }
                List<Double> p50 = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                List<Double> bareP50 = new ArrayList<>();
                List<Double> bareP99 = new ArrayList<>();
                long hits = 0;
                for (int rep = 0; rep < settings.repetitions(); rep++) {
                    long[] nanos = new long[runs];
                    long[] bareNanos = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        SearchRequest req = q.getValue().apply(rep * runs + i);
                        if (q.getKey().equals(UNCACHED_BROWSE)) searcher.forgetBrowses();
                        long s = System.nanoTime();
                        hits += searcher.search(req).total();
                        nanos[i] = System.nanoTime() - s;
                        if (text != null) {
                            Query bq = bareQuery(analyzer, text.apply(rep * runs + i));
                            long b = System.nanoTime();
                            bareSearcher.search(bq, 10);
                            bareNanos[i] = System.nanoTime() - b;
                        }
                    }
                    p50.add(percentile(nanos, 0.50) / 1e6);
                    p99.add(percentile(nanos, 0.99) / 1e6);
                    if (text != null) {
                        bareP50.add(percentile(bareNanos, 0.50) / 1e6);
                        bareP99.add(percentile(bareNanos, 0.99) / 1e6);
                    }
                }
                String note = ("%d queries × %d runs at %,d reports, mean %d hits; nianbao answers with exact total, facet counts, "
                        + "snippets and stored fields, bare Lucene with the top 10 doc ids").formatted(runs, settings.repetitions(), n,
                        hits / ((long) runs * settings.repetitions()))
                        + (q.getKey().equals("facet browse") ? "; the 34 year × level browses repeat, so after the warm-up they come "
                        + "from the searcher's per-index-version cache of browse counts"
                        : q.getKey().equals(UNCACHED_BROWSE) ? "; the same 34 browses, the searcher's cache emptied before each, so every one is counted" : "");
                String peer = text == null ? null : q.getKey().equals("rare phrase") ? "bare Lucene PhraseQuery" : "bare Lucene TermQuery/PhraseQuery";
                figures.add(new Figure("search: " + q.getKey(), "p50 ms", new Samples(p50), peer, text == null ? null : new Samples(bareP50), note));
                figures.add(new Figure("search: " + q.getKey(), "p99 ms", new Samples(p99), peer, text == null ? null : new Samples(bareP99), note));
                log.info("search {}: p50 {} ms, p99 {} ms", q.getKey(), Samples.number(p50.getLast()), Samples.number(p99.getLast()));
            }
        }
        return figures;
    }

    /**
     * Agencies of reports spread over the index, for the rare-phrase queries: read from the index rather than
     * the generator, so a reused index (or one built another way) is asked only for names it holds.
     */
    private static List<String> agenciesIn(Path index) throws IOException {
        List<String> names = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            StoredFields stored = reader.storedFields();
            int samples = Math.min(2000, reader.maxDoc());
            for (int k = 0; k < samples; k++) {
                int doc = (int) ((long) k * reader.maxDoc() / samples);
                Document d = stored.document(doc, Set.of(ReportFields.RECORD));
                names.add(ReportJson.readRecord(d.getBinaryValue(ReportFields.RECORD).bytes, "").parsed().agency());
            }
        }
        return names;
    }

    /** The bigram terms of {@code text} as CJKAnalyzer makes them: one TermQuery, or a PhraseQuery in order. */
    static Query bareQuery(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) terms.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.size() == 1) return new TermQuery(new Term("text", terms.getFirst()));
        return new PhraseQuery("text", terms.toArray(String[]::new));
    }

    static double percentile(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[Math.max(0, (int) Math.ceil(s.length * p) - 1)];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
