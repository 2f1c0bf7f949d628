package org.nianbao.runs.changes;

import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Keeps each report's status in the index (current | changed | removed) in step with the change
 * log. The indexer writes every report as current; this puts back what tracking knows, after each
 * indexing, so a removed report stays marked removed (and still searchable, with its originals).
 */
public final class StatusMarker {
    private static final Logger log = LoggerFactory.getLogger(StatusMarker.class);

    private final ReportIndex index;
    private final ReportSearcher searcher;

    public StatusMarker(ReportIndex index, ReportSearcher searcher) {
        this.index = index;
        this.searcher = searcher;
    }

    /** Applies {@code statuses} (report id → status) and commits; returns how many reports were re-marked. */
    public int apply(Map<String, String> statuses) {
        int n = 0;
        for (Map.Entry<String, String> e : statuses.entrySet()) {
            Optional<ReportRecord> r = searcher.report(e.getKey());
            if (r.isEmpty() || r.get().status().equals(e.getValue())) continue;
            ReportRecord x = r.get();
            index.replace(new ReportRecord(x.id(), x.parsed(), x.text(), x.originals(), e.getValue()));
            n++;
        }
        if (n > 0) {
            index.commit();
            log.info("{} reports marked changed or removed in the index", n);
        }
        return n;
    }
}
