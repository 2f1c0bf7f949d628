package org.nianbao.app.web;

import org.nianbao.runs.feed.AtomEntry;
import org.nianbao.runs.feed.AtomFeed;

import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.search.ReportHit;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /feeds/search.atom?q=…}: an Atom 1.0 feed (RFC 4287) of a search's reports, newest report year first,
 * written with the JDK's StAX writer so every character is escaped as XML demands.
 */
final class SearchFeed {

    static final String MEDIA_TYPE = AtomFeed.MEDIA_TYPE;
    static final int ENTRIES = 50;

    private SearchFeed() {
    }

    /** The request the feed runs: the page's search, sorted by year, the first {@link #ENTRIES} reports. */
    static SearchRequest request(SearchRequest page) {
        return new SearchRequest(page.query(), page.facets(), "year", ENTRIES, 0);
    }

    static byte[] render(SearchRequest req, SearchResult r, String base, Instant now) {
        String params = SearchLinks.of(req.withSort(null)).params();
        List<AtomEntry> entries = new ArrayList<>();
        for (ReportHit h : r.hits()) {
            StringBuilder summary = new StringBuilder();
            summary.append(nz(h.agency())).append(" · ").append(nz(h.region())).append(" · ").append(h.year() == null ? "" : h.year() + "年度");
            for (String[] f : SearchPage.KEY_FIGURES) {
                Number v = h.figures().get(f[0]);
                if (v != null) summary.append(" · ").append(f[1]).append(' ').append(v);
            }
            if (!h.checksHold()) summary.append(" · 表格勾稽不符");
            entries.add(new AtomEntry("tag:nianbao,2026:report/" + Html.pathEncode(h.id()),
                    h.title() == null || h.title().isBlank() ? h.id() : h.title(),
                    base + "/reports/" + Html.pathEncode(h.id()), updated(h), summary.toString()));
        }
        String title = "nianbao 年报检索：" + (req.query().isBlank() ? "全部" : req.query()) + (req.facets().isEmpty() ? "" : " " + req.facets());
        return new AtomFeed("tag:nianbao,2026:search" + params, title, base + "/feeds/search.atom" + params, now, entries).toXml();
    }

    private static Instant updated(ReportHit h) {
        return h.originals().stream().map(Original::captureTime).filter(t -> t != null).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
