package org.nianbao.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code nianbao bench}: every stage measured side by side with its peer and its limit, in one process
 * (serve and the big crawl in child JVMs so their memory is their own). Prints a table, writes JSON.
 * Its own jar, so crawler4j never enters the product jar; the launcher runs it as {@code ./nianbao bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure every stage against its peer on the same input, in the same run, and print a table.",
                "Stages: crawl (vs crawler4j and the politeness bound), archive write (vs gzip -6), verify (vs sha256sum),",
                "extract (vs pdftotext -layout), parse, index and search (vs bare Lucene), serve load, memory."})
public final class BenchMain implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);
    static final List<String> STAGES = List.of("crawl", "archive", "extract", "parse", "index", "serve", "memory");

    @Option(names = "--quick", description = "a short run: fewer repetitions, shorter windows (a few minutes on 2 cores)")
    boolean quick;

    @Option(names = "--full", description = "search at 1M reports instead of 100k")
    boolean full;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "where the JSON and Markdown results go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--corpus", paramLabel = "DIR", description = "the shared corpus (default: $nianbao.shared/corpus, else ../shared/corpus)")
    Path corpus;

    @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (default: a temp folder, deleted afterwards)")
    Path work;

    @Option(names = "--reports", paramLabel = "N", description = "synthetic reports to index and search (default: 20k quick, 100k, 1M full)")
    Integer reports;

    @Option(names = "--queries", paramLabel = "N", description = "timed search queries per class and repetition (default: 100 quick, else 500)")
    Integer queries;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "keep the index stage's indexes in DIR (DIR/data/index, DIR/bare-index) instead of the scratch folder")
    Path indexDir;

    @Option(names = "--reuse", description = "with --index-dir: search the indexes an earlier run built there (same --reports) instead of rebuilding")
    boolean reuse;

    @Option(names = "--bare", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also build the bare-Lucene peer index (default); --no-bare halves a 1M build and drops the peer columns")
    boolean bare;

    @Option(names = "--only", paramLabel = "STAGE", split = ",",
            description = "run only these stages: crawl, archive, extract, parse, index, serve, memory (serve needs index)")
    List<String> only;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick && full) {
            System.err.println("nianbao bench: --quick and --full exclude each other");
            return 2;
        }
        Set<String> stages = new LinkedHashSet<>(only == null ? STAGES : only);
        for (String s : stages) {
            if (!STAGES.contains(s)) {
                System.err.println("nianbao bench: unknown stage '" + s + "' (known: " + String.join(", ", STAGES) + ")");
                return 2;
            }
        }
        if (stages.contains("serve")) stages.add("index");
        Path corpusDir = corpus != null ? corpus : Path.of(System.getProperty("nianbao.shared", "../shared"), "corpus");
        if (!Files.isDirectory(corpusDir.resolve("seeds-text"))) {
            System.err.println("nianbao bench: no corpus at " + corpusDir + " (give --corpus DIR)");
            return 2;
        }
        boolean tempWork = work == null;
        Path workDir = tempWork ? Files.createTempDirectory("nianbao-bench") : work;
        BenchSettings settings = quick ? BenchSettings.quick(corpusDir, workDir)
                : full ? BenchSettings.full(corpusDir, workDir) : BenchSettings.standard(corpusDir, workDir);
        if (reports != null) {
            if (reports < 1000) {
                System.err.println("nianbao bench: --reports must be at least 1000");
                return 2;
            }
            settings = settings.withReports(reports);
        }
        if (queries != null) {
            if (queries < 10) {
                System.err.println("nianbao bench: --queries must be at least 10");
                return 2;
            }
            settings = settings.withSearchQueries(queries);
        }
        if (reuse && indexDir == null) {
            System.err.println("nianbao bench: --reuse needs --index-dir DIR");
            return 2;
        }
        if (indexDir != null) settings = settings.withIndexDir(indexDir.toAbsolutePath(), reuse, bare);
        else if (!bare) settings = settings.withIndexDir(null, false, false);
        Machine machine = Machine.current();
        log.info("bench {} on {}; scratch in {}", settings.mode(), machine.describe(), workDir);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Figure> figures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        IndexSearchBench index = new IndexSearchBench(settings);
        boolean indexed = false;
        for (String stage : STAGES) {
            if (!stages.contains(stage)) continue;
            log.info("stage {} …", stage);
            long s0 = System.nanoTime();
            try {
                switch (stage) {
                    case "crawl" -> figures.addAll(new CrawlBench(settings).run());
                    case "archive" -> figures.addAll(new ArchiveBench(settings).run());
                    case "extract" -> figures.addAll(new ExtractBench(settings).run());
                    case "parse" -> figures.addAll(new ParseBench(settings).run());
                    case "index" -> {
                        figures.addAll(index.run());
                        indexed = true;
                    }
                    case "serve" -> {
                        if (indexed) figures.addAll(new ServeBench(settings).run(index.dataDir(), index.sampleIds(200), index.agencies()));
                    }
                    case "memory" -> figures.addAll(new CrawlMemoryBench(settings).run());
                    default -> throw new IllegalStateException(stage);
                }
            } catch (Exception e) {
                log.error("stage {} failed: {}", stage, e.toString(), e);
                failed.add(stage + ": " + e.getMessage());
            }
            log.info("stage {} took {} s", stage, (System.nanoTime() - s0) / 1_000_000_000);
        }
        BenchReport report = new BenchReport(machine, settings.mode(), started, Duration.ofNanos(System.nanoTime() - t0), figures);
        System.out.println(report.markdown());
        for (String f : failed) System.out.println("FAILED " + f);
        Path json = report.write(out);
        System.out.println("results: " + json.toAbsolutePath());
        if (tempWork) ArchiveBench.deleteTree(workDir);
        return failed.isEmpty() ? 0 : 1;
    }
}
