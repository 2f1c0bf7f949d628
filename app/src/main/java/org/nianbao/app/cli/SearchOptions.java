package org.nianbao.app.cli;

import org.nianbao.indexer.search.QueryParseException;
import org.nianbao.indexer.search.SearchRequest;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --facet DIM=VALUE}… and {@code --sort FIELD}, shared by search and export. */
public final class SearchOptions {

    @Option(names = "--facet", paramLabel = "DIM=VALUE",
            description = "Drill down (repeatable): region=宁夏回族自治区/吴忠市, year=2020, admin_level=county, agency_kind, format, template, checks=fail, status=changed.")
    List<String> facets = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "FIELD", description = "relevance (default), year, or a figure like t3.新收.总计; add :asc for ascending.")
    String sort;

    /** Parses the {@code DIM=VALUE} pairs; a pair without '=' is a usage error. */
    static Map<String, List<String>> facets(List<String> pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) throw new QueryParseException("--facet needs DIM=VALUE, got '" + p + "'");
            m.computeIfAbsent(p.substring(0, eq).strip(), k -> new ArrayList<>()).add(p.substring(eq + 1).strip());
        }
        return m;
    }

    SearchRequest request(String query, int limit, int offset) {
        return new SearchRequest(query, facets(facets), sort, limit, offset);
    }
}
