package org.nianbao.app.cli;

import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.export.ExportRequest;
import org.nianbao.archive.export.ExportResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.nianbao.indexer.search.ReportExporter;
import org.nianbao.indexer.search.ReportSearcher;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nianbao export}, two modes: with {@code --url}/{@code --sha256} an original payload as archived,
 * with a sidecar JSON saying where it came from (the archivist's); otherwise every report matching a
 * query, one row each with every table figure, streamed as CSV or JSON Lines (the journalist's).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"export --url URL | --sha256 H: write the original bytes of a capture (as served, transfer-decoded,",
                "  otherwise untouched) and a sidecar JSON (URL, capture date, digests, WARC location).",
                "export [QUERY] [--format csv|jsonl]: every report matching QUERY (none = all) with every table figure."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Reports mode: the query (see `nianbao search --help`).")
    List<String> query = List.of();

    @Option(names = "--format", defaultValue = "csv", description = "Reports mode: csv (default) or jsonl.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Reports mode: write to FILE instead of stdout.")
    Path output;

    @Mixin
    SearchOptions options;

    @Option(names = "--url", paramLabel = "URL", description = "export the latest successful capture of this URL")
    String url;

    @Option(names = "--sha256", paramLabel = "H", description = "export the capture with this payload SHA-256")
    String sha256;

    @Option(names = "--at", paramLabel = "DATE",
            description = "with --url: the capture at or before DATE (2026-03-01 = end of that day UTC, 2026-03-01T08:00:00Z, or 20260301080000)")
    String at;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "folder to write to (default: current folder)")
    Path out;

    @Option(names = "--data", defaultValue = "data", description = "data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (url == null && sha256 == null) {
            if (at != null) throw new CommandLine.ParameterException(spec.commandLine(), "--at goes with --url");
            return UsageErrors.guard(spec, this::exportReports);
        }
        if (!query.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "export takes either a QUERY (reports) or --url/--sha256 (an original), not both");
        }
        return exportOriginal();
    }

    private int exportReports() throws Exception {
        ReportExporter.Format f = ReportExporter.Format.parse(format);
        var request = options.request(String.join(" ", query), 0, 0);
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"))) {
            long n;
            if (output == null) {
                Writer sink = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                n = new ReportExporter(searcher).export(request, f, sink);
            } else {
                try (Writer sink = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    n = new ReportExporter(searcher).export(request, f, sink);
                }
            }
            spec.commandLine().getErr().println("exported " + n + (n == 1 ? " report" : " reports"));
            return 0;
        }
    }

    private int exportOriginal() throws Exception {
        ExportRequest request;
        try {
            if (at != null && url == null) throw new IllegalArgumentException("--at goes with --url");
            request = new ExportRequest(url, sha256, at == null ? null : parseDate(at));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "export needs --url URL or --sha256 H: " + e.getMessage());
        }
        ExportResult result;
        try (WarcArchive archive = ArchiveData.open(data)) {
            result = archive.exporter().export(request, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(result.payload());
        w.println(result.sidecar());
        w.flush();
        return 0;
    }

    static Instant parseDate(String s) {
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
            }
            if (s.matches("\\d{14}")) {
                return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + s + " (use 2026-03-01, 2026-03-01T08:00:00Z or 20260301080000)");
        }
    }
}
