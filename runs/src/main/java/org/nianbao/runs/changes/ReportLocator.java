package org.nianbao.runs.changes;

import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which report a document URL belongs to, read from the index's links to originals. Only URLs the
 * indexer took for reports are here; list pages, news and robots.txt are not.
 */
public final class ReportLocator {

    /** A report as change tracking names it. */
    public record ReportRef(String id, String title) {
    }

    private final Map<String, ReportRef> byUrl;

    private ReportLocator(Map<String, ReportRef> byUrl) {
        this.byUrl = byUrl;
    }

    /** Reads every report's originals once (records come without their text, so this stays light). */
    public static ReportLocator of(ReportSearcher searcher) {
        Map<String, ReportRef> m = new HashMap<>();
        searcher.forEachMatch(SearchRequest.of("*"), r -> {
            ReportRef ref = new ReportRef(r.id(), titleOf(r));
            for (Original o : r.originals()) m.putIfAbsent(o.url(), ref);
        });
        return new ReportLocator(m);
    }

    public static String titleOf(ReportRecord r) {
        if (r.parsed() != null && r.parsed().title() != null && !r.parsed().title().isBlank()) return r.parsed().title();
        return r.id();
    }

    public Optional<ReportRef> byUrl(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }
}
