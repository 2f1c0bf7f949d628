package org.nianbao.indexer.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search.
 *
 * @param query  the query text (see README, "Query language"); blank means every report
 * @param facets drill-down: dimension → accepted values (values of one dimension are OR-ed, dimensions AND-ed);
 *               {@code region} values are paths like {@code 宁夏回族自治区/吴忠市}
 * @param sort   {@code relevance} (default), {@code year}, or any figure field, optionally {@code :asc} / {@code :desc}
 * @param limit  hits to return (1–1000)
 * @param offset hits to skip (paging)
 */
public record SearchRequest(String query, Map<String, List<String>> facets, String sort, int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    public SearchRequest {
        query = query == null ? "" : query;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (facets != null) facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        facets = Map.copyOf(copy);
        if (limit < 0 || limit > MAX_LIMIT) throw new QueryParseException("limit must be between 0 and " + MAX_LIMIT + ", not " + limit);
        if (offset < 0) throw new QueryParseException("offset must not be negative");
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, 10, 0);
    }

    public SearchRequest withFacet(String dim, String value) {
        Map<String, List<String>> m = new LinkedHashMap<>(facets);
        m.merge(dim, List.of(value), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        return new SearchRequest(query, m, sort, limit, offset);
    }

    public SearchRequest withSort(String s) {
        return new SearchRequest(query, facets, s, limit, offset);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, facets, sort, n, offset);
    }

    public SearchRequest withOffset(int n) {
        return new SearchRequest(query, facets, sort, limit, n);
    }
}
