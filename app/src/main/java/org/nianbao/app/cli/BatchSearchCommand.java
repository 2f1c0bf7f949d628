package org.nianbao.app.cli;

import org.nianbao.indexer.search.Csv;
import org.nianbao.indexer.search.QueryParseException;
import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code nianbao batch-search FILE.csv}: many queries at once. The file's first column is the query (a
 * header row naming it "query" is skipped); output is CSV with the count and the top hits of each query.
 * A malformed query gets its error in the error column and the rest still run.
 */
@Command(name = "batch-search", mixinStandardHelpOptions = true,
        description = {"Run every query of a CSV file (first column) and print counts and top hits as CSV.",
                "Output columns: query, total, top_ids, top_agencies, top_years, error. Exit 1 when some query failed."})
public final class BatchSearchCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BatchSearchCommand.class);

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "Queries, one per row, in the first column.")
    Path file;

    @Option(names = "--top", defaultValue = "3", description = "Top hits listed per query (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    IndexLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("nianbao batch-search: no such file: " + file);
            return UsageErrors.BAD_USAGE;
        }
        if (top < 0 || top > SearchRequest.MAX_LIMIT) {
            spec.commandLine().getErr().println("nianbao batch-search: --top must be between 0 and " + SearchRequest.MAX_LIMIT);
            return UsageErrors.BAD_USAGE;
        }
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.read(in);
        }
        if (!rows.isEmpty() && rows.get(0).get(0).strip().toLowerCase(Locale.ROOT).equals("query")) rows = rows.subList(1, rows.size());
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        try (ReportSearcher searcher = ReportSearcher.open(location.indexDir())) {
            Csv.writeRow(out, List.of("query", "total", "top_ids", "top_agencies", "top_years", "error"));
            for (List<String> row : rows) {
                String query = row.get(0);
                try {
                    SearchResult r = searcher.search(new SearchRequest(query, java.util.Map.of(), null, top, 0));
                    List<String> ids = new ArrayList<>();
                    List<String> agencies = new ArrayList<>();
                    List<String> years = new ArrayList<>();
                    for (ReportHit h : r.hits()) {
                        ids.add(h.id());
                        agencies.add(h.agency() == null ? "" : h.agency());
                        years.add(h.year() == null ? "" : h.year().toString());
                    }
                    Csv.writeRow(out, List.of(query, Long.toString(r.total()), String.join("; ", ids),
                            String.join("; ", agencies), String.join("; ", years), ""));
                } catch (QueryParseException e) {
                    failed++;
                    log.warn("batch-search: {}", e.getMessage());
                    Csv.writeRow(out, List.of(query, "", "", "", "", e.getMessage()));
                }
            }
        }
        out.flush();
        if (failed > 0) spec.commandLine().getErr().println("nianbao batch-search: " + failed + " of " + rows.size() + " queries failed (see the error column)");
        return failed > 0 ? 1 : 0;
    }
}
