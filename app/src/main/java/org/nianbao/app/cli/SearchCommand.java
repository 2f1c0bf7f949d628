package org.nianbao.app.cli;

import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao search QUERY…}: full-text and field search over the indexed reports. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the indexed reports.",
                "Query: words and \"phrases\" (any Chinese substring), AND / OR / NOT, field filters such as",
                "agency:吴忠市  year:2020  year:[2019 TO 2022]  t3.新收.总计:>=100  status:changed  checks:fail"})
public final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (several words are joined with spaces; none = every report).")
    List<String> query = List.of();

    @Mixin
    SearchOptions options;

    @Mixin
    IndexLocation location;

    @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}, at most 1000).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip (paging).")
    int offset;

    @Option(names = "--json", description = "Machine output: {\"total\": N, \"hits\": [...], \"facets\": {...}}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return UsageErrors.guard(spec, () -> {
            try (ReportSearcher searcher = ReportSearcher.open(location.indexDir())) {
                SearchResult result = searcher.search(options.request(String.join(" ", query), limit, offset));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(ReportJson.mapper().writeValueAsString(result));
                } else {
                    print(out, result);
                }
                out.flush();
                return 0;
            }
        });
    }

    private static void print(PrintWriter out, SearchResult r) {
        out.println(r.total() + (r.total() == 1 ? " report" : " reports"));
        int i = 0;
        for (ReportHit h : r.hits()) {
            out.printf("%n%d. %s  [%s]%n", ++i, h.title() == null ? h.id() : h.title(), h.id());
            out.printf("   %s · %s · %s · %s%s%n", h.agency(), h.region(), h.year(), String.join("/", h.formats()),
                    h.checksHold() ? "" : " · checks fail: " + String.join(", ", h.failedChecks()));
            StringBuilder figures = new StringBuilder();
            for (Map.Entry<String, Number> f : h.figures().entrySet()) figures.append("   ").append(f.getKey()).append('=').append(f.getValue());
            if (!figures.isEmpty()) out.println(figures);
            for (String s : h.snippets()) out.println("   … " + TerminalText.fromSnippet(s) + " …");
        }
        if (!r.facets().isEmpty()) {
            out.println();
            r.facets().forEach((dim, counts) -> {
                if (!counts.isEmpty()) out.println(dim + ": " + counts);
            });
        }
    }
}
