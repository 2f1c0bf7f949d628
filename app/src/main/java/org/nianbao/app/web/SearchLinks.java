package org.nianbao.app.web;

import org.nianbao.indexer.search.SearchRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the query strings of a search page's links: the same search with one thing changed. */
record SearchLinks(String query, Map<String, List<String>> facets, String sort) {

    static SearchLinks of(SearchRequest req) {
        // Sorted, so the same search always has the same URL.
        return new SearchLinks(req.query(), new TreeMap<>(req.facets()), req.sort());
    }

    /** {@code ?q=…&facet=…&sort=…} of this search (starting with '?'). */
    String params() {
        return params(0);
    }

    String params(int offset) {
        StringBuilder p = new StringBuilder("?q=").append(Html.enc(query));
        facets.forEach((d, values) -> values.forEach(v -> p.append("&facet=").append(Html.enc(d + ":" + v))));
        if (sort != null && !sort.isBlank()) p.append("&sort=").append(Html.enc(sort));
        if (offset > 0) p.append("&offset=").append(offset);
        return p.toString();
    }

    boolean has(String dim, String value) {
        return facets.getOrDefault(dim, List.of()).contains(value);
    }

    /** Adds the value, or takes it away when it is already chosen. Region is a path: choosing one replaces the other. */
    SearchLinks toggle(String dim, String value) {
        Map<String, List<String>> m = copy();
        List<String> values = new ArrayList<>(m.getOrDefault(dim, List.of()));
        if (values.contains(value)) values.remove(value);
        else if (dim.equals("region")) values = new ArrayList<>(List.of(value));
        else values.add(value);
        if (values.isEmpty()) m.remove(dim);
        else m.put(dim, values);
        return new SearchLinks(query, m, sort);
    }

    SearchLinks without(String dim) {
        Map<String, List<String>> m = copy();
        m.remove(dim);
        return new SearchLinks(query, m, sort);
    }

    SearchLinks withSort(String s) {
        return new SearchLinks(query, facets, s);
    }

    SearchLinks withQuery(String q) {
        return new SearchLinks(q, facets, sort);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        facets.forEach((k, v) -> m.put(k, List.copyOf(v)));
        return new TreeMap<>(m);
    }
}
