package org.nianbao.app.cli;

import org.nianbao.app.web.FeedRoutes;
import org.nianbao.app.web.WebServer;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.schedule.RunScheduler;
import org.nianbao.runs.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nianbao serve}: the search API and pages over HTTP, read-only, on 127.0.0.1 unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve search over HTTP: pages /search, /reports/{id}, /stats, /crawl; originals /originals/{captureId};",
                "API /api/search, /api/reports/{id}, /api/export.csv, /api/facets; feeds /feeds/search.atom?q=,",
                "/feeds/changes.atom, /feeds/watch/NAME.atom; /api/runs, /api/changes, /api/watches.",
                "Binds 127.0.0.1 unless --host is given. Stop with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    IndexLocation location;

    @Option(names = "--schedule", paramLabel = "weekly|CRON",
            description = "Also run `nianbao run` on this schedule: daily, weekly (Monday 03:00), monthly, or five cron fields like '0 3 * * 1'.")
    String schedule;

    @Option(names = "--allow-watches",
            description = "Let the search page and POST /api/watches save searches (the server is read-only without it).")
    boolean allowWatches;

    @Mixin
    RunCrawlOptions crawl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("nianbao serve: --port must be between 0 and 65535");
            return UsageErrors.BAD_USAGE;
        }
        Schedule plan;
        try {
            plan = schedule == null ? null : Schedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nianbao serve: " + e.getMessage());
            return UsageErrors.BAD_USAGE;
        }
        if (plan != null && !WatchCommand.hasIndex(location.indexDir())) {
            // A scheduled server may start before the first run: give it an empty index to serve meanwhile.
            ReportIndex.open(location.indexDir()).close();
        }
        ReportSearcher searcher = ReportSearcher.open(location.indexDir());
        RunScheduler scheduler = plan == null ? null
                : new RunScheduler(plan, () -> RunCommand.runOnce(location.data, crawl, Clock.systemUTC()), Clock.systemUTC());
        WebServer server = startSite(searcher, location.data, host, port, scheduler, allowWatches);
        if (scheduler != null) {
            spec.commandLine().getOut().println("scheduled runs: " + plan + ", next at " + scheduler.start().map(Object::toString).orElse("never"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (scheduler != null) scheduler.close();
            server.close();
            searcher.close();
            stopped.countDown();
        }, "nianbao-serve-shutdown"));
        spec.commandLine().getOut().println("serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/search");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /**
     * The whole site (pages, API, originals, feeds) over one index and data folder; shared with `demo`.
     *
     * @param allowWatches whether searches may be saved from the web (form on the search page, POST /api/watches)
     */
    static WebServer startSite(ReportSearcher searcher, Path data, String host, int port, RunScheduler scheduler,
                               boolean allowWatches) {
        return new WebServer(searcher, data, host, port, Clock.systemUTC(),
                () -> scheduler == null ? Optional.empty() : scheduler.nextRun().map(java.time.ZonedDateTime::toInstant))
                .offerWatchForm(allowWatches)
                .withRoutes(new FeedRoutes(data, searcher, Clock.systemUTC(), allowWatches)::register).start();
    }
}
