package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.archive.Capture;
import org.nianbao.indexer.pipeline.IndexPipeline;
import org.nianbao.runs.RunsJson;
import org.nianbao.runs.WeeklyRun;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.lock.RunLockedException;
import org.nianbao.runs.record.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao run}: one weekly run (crawl incrementally, index what changed, track changes) — the verb for cron. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Crawl incrementally, index what changed, record new / changed / removed reports and the new",
                "matches of saved searches. One run at a time per data folder; suitable for cron or a systemd timer.",
                "Exit codes: 0 done, 1 failed or another run holds the data folder, 2 bad usage."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Mixin
    RunCrawlOptions crawl;

    @Option(names = "--json", description = "Print the run record as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WeeklyRun.RunResult result;
        try {
            result = runOnce(data, crawl, Clock.systemUTC());
        } catch (RunLockedException e) {
            spec.commandLine().getErr().println("nianbao run: " + e.getMessage());
            return 1;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(RunsJson.run(result.record()));
            m.put("changes", RunsJson.changes(result.changes()));
            Map<String, Object> hits = new LinkedHashMap<>();
            result.watchHits().forEach((name, l) -> hits.put(name, l.size()));
            m.put("watchNewMatches", hits);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            print(out, result);
        }
        out.flush();
        return RunRecord.DONE.equals(result.record().state()) ? 0 : 1;
    }

    /** One run with terminal progress; shared with {@code serve --schedule}. */
    public static WeeklyRun.RunResult runOnce(Path data, RunCrawlOptions options, Clock clock) {
        List<org.nianbao.crawler.Seed> seeds = options.seeds();
        Progress[] index = new Progress[1];
        return new WeeklyRun(data, options.crawlConfig(data), clock)
                .onCrawlProgress(p -> log.info("crawl: {} hosts active, {} done, {} requests, {} reports, {} errors",
                        p.hostsActive(), p.hostsDone(), p.requests(), p.reportsFound(), p.errors()), Duration.ofSeconds(10))
                .onIndexProgress(new IndexPipeline.Listener() {
                    @Override
                    public void started(int captures) {
                        index[0] = new Progress("index: captures", captures);
                    }

                    @Override
                    public void captureDone(Capture capture) {
                        index[0].step(capture.url());
                    }
                })
                .run(seeds);
    }

    private static void print(PrintWriter out, WeeklyRun.RunResult result) {
        RunRecord r = result.record();
        out.printf("run %d %s: %s → %s%n", r.id(), r.state(), r.started(), r.finished());
        out.printf("seeds %d, hosts %d, requests %d, bytes %d, not modified (304) %d%n",
                r.seeds(), r.hosts(), r.requests(), r.bytes(), r.notModified());
        out.printf("captures %d (%d responses, %d revisits), reports indexed %d%n",
                r.captures(), r.responses(), r.captures() - r.responses(), r.indexed());
        out.printf("reports: %d new, %d changed, %d removed, %d reappeared%n", r.newReports(), r.changedReports(), r.removedReports(),
                r.reappearedReports());
        for (Change c : result.changes()) {
            out.printf("  %-7s %s  %s%n", c.kind().key(), c.reportId() == null ? "" : c.reportId(), c.url());
        }
        r.errors().forEach((k, v) -> out.printf("errors %s: %d%n", k, v));
        r.blockedHosts().forEach((h, why) -> out.printf("blocked %s: %s%n", h, why));
        result.watchHits().forEach((name, hits) -> {
            if (!hits.isEmpty()) out.printf("watch %s: %d new matches%n", name, hits.size());
        });
    }
}
