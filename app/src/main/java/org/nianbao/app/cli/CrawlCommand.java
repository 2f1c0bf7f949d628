package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.CrawlProgress;
import org.nianbao.crawler.CrawlSummary;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.HostSummary;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.seeds.Unit;
import org.nianbao.seeds.registry.SeedProblem;
import org.nianbao.seeds.registry.SeedRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nianbao crawl}: politely fetch report columns into the archive. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Crawl government portals politely and archive every answer (WARC under --data).",
                "A killed crawl resumes where it stopped when run again; a finished one starts a new run that re-checks known reports."})
public final class CrawlCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(CrawlCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "URL", description = "a start URL (repeatable); keeps to its host and subdomains")
    List<String> seedUrls = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "FILE", description = "a seed file or folder (JSON, as in seeds/data), or 'bundled'")
    String seedsFile;

    @Option(names = "--resolve", paramLabel = "PATTERN=IP", description = "resolve matching host names to IP, like curl (repeatable), e.g. '*.gov.cn=127.0.0.1'")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "least gap between two requests to one host (default ${DEFAULT-VALUE})")
    Duration delay;

    @Option(names = "--max-pages", paramLabel = "N", description = "at most N URLs per host and run (default 2000)")
    Integer maxPages;

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent to send; name yourself and a contact URL")
    String userAgent;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "data folder (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        List<Unit> units = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        for (String s : seedUrls) {
            try {
                URI u = new URI(s);
                if (u.getHost() == null || !(s.startsWith("http://") || s.startsWith("https://"))) throw new IllegalArgumentException();
                urls.add(u);
            } catch (Exception e) {
                throw new CommandLine.ParameterException(cmd, "--seed wants an http(s) URL, got '" + s + "'");
            }
        }
        if (seedsFile != null) {
            SeedRegistry registry = seedsFile.equals("bundled") ? SeedRegistry.bundled() : SeedRegistry.load(Path.of(seedsFile));
            for (SeedProblem p : registry.validate()) {
                if (p.severity() == SeedProblem.Severity.ERROR) log.warn("seed problem: {}", p);
            }
            units.addAll(registry.units());
        }
        if (units.isEmpty() && urls.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "nothing to crawl: give --seed URL or --seeds FILE (or --seeds bundled)");
        }
        List<DnsOverride> overrides = new ArrayList<>();
        for (String r : resolve) {
            try {
                overrides.add(DnsOverride.parse(r));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
        }
        CrawlConfig config = CrawlConfig.defaults(data.resolve("state")).withDelay(delay).withDnsOverrides(overrides);
        if (maxPages != null) config = config.withMaxPagesPerHost(maxPages);
        if (userAgent != null) {
            try {
                config = config.withUserAgent(userAgent);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
        }
        Clock clock = Clock.systemUTC();
        CrawlSummary summary;
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), clock);
             Crawler crawler = new Crawler(config, archive, clock)) {
            crawler.onProgress(progressPrinter(cmd.getErr()), System.console() != null ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
            List<org.nianbao.crawler.Seed> seeds = new ArrayList<>();
            for (Unit u : units) {
                if (u.home() == null && u.reportColumns().isEmpty()) log.warn("unit {} has no portal URL; skipped", u.name());
                else seeds.addAll(org.nianbao.crawler.Seed.of(u));
            }
            urls.forEach(u -> seeds.add(org.nianbao.crawler.Seed.of(u)));
            summary = crawler.crawlSeeds(seeds);
        }
        if (System.console() != null) cmd.getErr().println();
        print(cmd.getOut(), summary);
        return 0;
    }

    /** A live line on a terminal; a log line every few seconds otherwise. */
    private static java.util.function.Consumer<CrawlProgress> progressPrinter(PrintWriter err) {
        boolean terminal = System.console() != null;
        return p -> {
            String line = String.format("hosts %d active, %d done | %d requests (%.1f/s) | %d fetched | %d reports | %d errors",
                    p.hostsActive(), p.hostsDone(), p.requests(), p.requestsPerSecond(), p.fetched(), p.reportsFound(), p.errors());
            if (terminal) {
                err.print("\r" + line + "   ");
                err.flush();
            } else {
                log.info(line);
            }
        };
    }

    private void print(PrintWriter out, CrawlSummary s) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper()
                    .registerModule(new SimpleModule().addSerializer(java.time.Instant.class, ToStringSerializer.instance))
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(s));
            out.flush();
            return;
        }
        out.printf("crawl run %d%s: %d requests, %d bytes, %d not modified, %d reports (%d new, %d changed, %d removed, %d unchanged)%n",
                s.runId(), s.resumed() ? " (resumed)" : "", s.requests(), s.bytes(), s.notModified(), s.reportsFound(),
                s.newReports().size(), s.changedReports().size(), s.removedReports().size(), s.unchanged());
        out.printf("%-36s %8s %8s %8s %8s  %s%n", "host", "requests", "fetched", "reports", "robots", "errors / stopped");
        for (HostSummary h : s.hosts()) {
            StringBuilder notes = new StringBuilder(h.errors().isEmpty() ? "" : h.errors().toString());
            if (h.blockedByAntiBot() != null) notes.append(" BLOCKED: ").append(h.blockedByAntiBot());
            if (h.gaveUp() != null) notes.append(" GAVE UP: ").append(h.gaveUp());
            out.printf("%-36s %8d %8d %8d %8d  %s%n", h.host(), h.requests(), h.fetched(), h.reportsFound(), h.skippedByRobots(),
                    notes.toString().strip());
        }
        s.newReports().forEach(u -> out.println("new      " + u));
        s.changedReports().forEach(u -> out.println("changed  " + u));
        s.removedReports().forEach(u -> out.println("removed  " + u));
        out.flush();
    }
}
