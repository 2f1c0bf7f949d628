package org.nianbao.app.cli;

import org.nianbao.indexer.search.ReportExporter;
import org.nianbao.indexer.search.ReportSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The query mode of {@code nianbao export}: every report matching a query, one row each with its metadata
 * and every table figure, streamed as CSV or JSON Lines (no result-window limit).
 */
@Command(name = "export-reports", mixinStandardHelpOptions = true,
        description = "Export every report matching QUERY (none = all) with every table figure, as CSV or JSON Lines.")
public final class ExportReportsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (see `nianbao search --help`).")
    List<String> query = List.of();

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or jsonl.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Mixin
    SearchOptions options;

    @Mixin
    IndexLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return UsageErrors.guard(spec, () -> {
            ReportExporter.Format f = ReportExporter.Format.parse(format);
            var request = options.request(String.join(" ", query), 0, 0);
            try (ReportSearcher searcher = ReportSearcher.open(location.indexDir())) {
                long n;
                if (output == null) {
                    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                    n = new ReportExporter(searcher).export(request, f, out);
                } else {
                    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        n = new ReportExporter(searcher).export(request, f, out);
                    }
                }
                spec.commandLine().getErr().println("exported " + n + (n == 1 ? " report" : " reports"));
                return 0;
            }
        });
    }
}
