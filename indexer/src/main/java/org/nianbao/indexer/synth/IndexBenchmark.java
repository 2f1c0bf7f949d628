package org.nianbao.indexer.synth;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.FSDirectory;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Scale benchmark (a main, not a test): builds an index of N synthetic reports, compares the indexing rate
 * with bare Lucene indexing the same text into one field (Lucene's CJKAnalyzer, nothing stored), and
 * measures query latency for typical queries.
 *
 * <pre>java -cp … org.nianbao.indexer.synth.IndexBenchmark CORPUS_DIR WORK_DIR [REPORTS=100000] [--reuse] [--index-only] [--words-in-body]</pre>
 * Results go to stdout as "name value" lines.
 */
public final class IndexBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IndexBenchmark.class);
    private static final int RUNS = 200;
    private static final int CHUNK = 500;

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IndexBenchmark CORPUS_DIR WORK_DIR [REPORTS] [--reuse]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        boolean reuse = Arrays.asList(args).contains("--reuse");
        boolean indexOnly = Arrays.asList(args).contains("--index-only");
        boolean words = Arrays.asList(args).contains("--words-in-body");
        run(corpus, work, n, reuse, indexOnly, new ReportIndex.Settings(words, true), System.out);
    }

    static void run(Path corpus, Path work, int n, boolean reuse, boolean indexOnly, ReportIndex.Settings settings, PrintStream out)
            throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("seeds-text"))) {
            for (Path p : files.sorted().toList()) texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        SyntheticReports gen = new SyntheticReports(texts, 20260101L);
        Path ours = work.resolve("nianbao-index");
        Path bare = work.resolve("bare-index");
        out.printf(Locale.ROOT, "reports %d%ncores %d%nwords_in_body %s%n", n, Runtime.getRuntime().availableProcessors(), settings.wordsInBody());

        if (!reuse) {
            long t0 = System.nanoTime();
            List<ReportRecord> records = generate(gen, n);
            long textChars = records.stream().mapToLong(r -> r.text().length()).sum();
            out.printf(Locale.ROOT, "generate_seconds %.1f%ntext_chars_per_report %d%n", secs(t0), textChars / n);

            // Bare Lucene and nianbao index the same reports in alternating chunks, so both see the same
            // machine load (the build machine is shared); each side's time is summed over its chunks. Merges run
            // in the indexing thread, so neither side's background merges slow the other's timed chunk.
            deleteTree(bare);
            deleteTree(ours);
            long bareNanos = 0;
            long oursNanos = 0;
            try (IndexWriter w = new IndexWriter(FSDirectory.open(bare), new IndexWriterConfig(new CJKAnalyzer())
                    .setRAMBufferSizeMB(128).setMergeScheduler(new SerialMergeScheduler()));
                 ReportIndex index = ReportIndex.open(ours, true, settings)) {
                for (int from = 0; from < records.size(); from += CHUNK) {
                    List<ReportRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
                    long t1 = System.nanoTime();
                    for (ReportRecord r : chunk) {
                        Document d = new Document();
                        d.add(new TextField("text", r.text(), Field.Store.NO));
                        w.addDocument(d);
                    }
                    long t2 = System.nanoTime();
                    for (ReportRecord r : chunk) index.addOrUpdate(r);
                    long t3 = System.nanoTime();
                    bareNanos += t2 - t1;
                    oursNanos += t3 - t2;
                    if ((from / CHUNK) % 10 == 9) log.info("indexed {} of {}", from + chunk.size(), records.size());
                }
                long t4 = System.nanoTime();
                w.commit();
                long t5 = System.nanoTime();
                index.commit((long) n);
                bareNanos += t5 - t4;
                oursNanos += System.nanoTime() - t5;
            }
            double bareSecs = bareNanos / 1e9;
            double oursSecs = oursNanos / 1e9;
            records = null;
            out.printf(Locale.ROOT, "bare_lucene_reports_per_second %.0f%n", n / bareSecs);
            out.printf(Locale.ROOT, "nianbao_reports_per_second %.0f%n", n / oursSecs);
            out.printf(Locale.ROOT, "indexing_rate_ratio %.2f%n", bareSecs / oursSecs);
            out.printf(Locale.ROOT, "bare_index_bytes_per_report %d%n", size(bare) / n);
        }
        out.printf(Locale.ROOT, "index_bytes %d%nindex_bytes_per_report %d%n", size(ours), size(ours) / n);
        if (indexOnly) return;

        try (ReportSearcher searcher = ReportSearcher.open(ours)) {
            List<SyntheticReports.Agency> agencies = gen.agencies();
            SplittableRandom rnd = new SplittableRandom(5);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, IntFunction<SearchRequest>> queries = new java.util.LinkedHashMap<>();
            queries.put("rare_phrase", i -> SearchRequest.of("\"" + agencies.get(rnd.nextInt(Math.min(agencies.size(), n / 17 + 1))).name() + "\""));
            queries.put("common_word", i -> SearchRequest.of(List.of("公开", "政府信息", "申请", "网站").get(i % 4)));
            queries.put("facet_browse", i -> SearchRequest.of("").withFacet("year", Integer.toString(2008 + i % 17))
                    .withFacet("admin_level", i % 2 == 0 ? "county" : "city"));
            queries.put("range_filter_sort", i -> new SearchRequest("t3.新收.总计:>=" + (5 + i % 50) + " AND year:[" + (2008 + i % 10) + " TO 2024]",
                    Map.of(), "t3.新收.总计", 10, 0));
            for (Map.Entry<String, IntFunction<SearchRequest>> q : queries.entrySet()) {
                for (int i = 0; i < 50; i++) searcher.search(q.getValue().apply(i)); // warm-up
                long[] nanos = new long[RUNS];
                long[] cpu = new long[RUNS];
                long hits = 0;
                for (int i = 0; i < RUNS; i++) {
                    SearchRequest req = q.getValue().apply(i);
                    long c = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    hits += searcher.search(req).total();
                    nanos[i] = System.nanoTime() - s;
                    cpu[i] = threads.getCurrentThreadCpuTime() - c;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                // Wall time suffers from other processes on a shared machine; the query's own CPU time does not
                // (searching is single-threaded), so both are reported.
                int p99 = (int) Math.ceil(RUNS * 0.99) - 1;
                out.printf(Locale.ROOT, "%s_p50_ms %.1f%n%s_p99_ms %.1f%n%s_cpu_p50_ms %.1f%n%s_cpu_p99_ms %.1f%n%s_mean_hits %d%n",
                        q.getKey(), nanos[RUNS / 2] / 1e6, q.getKey(), nanos[p99] / 1e6,
                        q.getKey(), cpu[RUNS / 2] / 1e6, q.getKey(), cpu[p99] / 1e6, q.getKey(), hits / RUNS);
            }
        }
    }

    private static List<ReportRecord> generate(SyntheticReports gen, int n) {
        List<ReportRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) records.add(gen.report(i));
        return records;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
