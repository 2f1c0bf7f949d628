package org.nianbao.runs;

import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeKind;
import org.nianbao.runs.record.RunRecord;
import org.nianbao.runs.watch.Watch;
import org.nianbao.runs.watch.WatchHit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run records, changes and watches as plain maps, for the CLI's {@code --json} and the HTTP API alike. */
public final class RunsJson {
    private RunsJson() {
    }

    public static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("state", r.state());
        m.put("start", time(r.started()));
        m.put("end", time(r.finished()));
        m.put("seeds", r.seeds());
        m.put("hosts", r.hosts());
        m.put("requests", r.requests());
        m.put("bytes", r.bytes());
        m.put("notModified", r.notModified());
        m.put("new", r.newReports());
        m.put("changed", r.changedReports());
        m.put("removed", r.removedReports());
        m.put("reappeared", r.reappearedReports());
        m.put("captures", r.captures());
        m.put("responseRecords", r.responses());
        m.put("revisitRecords", r.captures() - r.responses());
        m.put("reportsIndexed", r.indexed());
        m.put("errors", r.errors());
        m.put("blockedHosts", r.blockedHosts());
        m.put("crawlRun", r.crawlRunId());
        if (r.message() != null) m.put("message", r.message());
        return m;
    }

    /** {@code {"new": [...], "changed": [...], "removed": [...]}}. */
    public static Map<String, Object> changes(List<Change> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ChangeKind k : ChangeKind.values()) {
            List<Map<String, Object>> l = new ArrayList<>();
            for (Change c : changes) if (c.kind() == k) l.add(change(c));
            m.put(k.key(), l);
        }
        return m;
    }

    public static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", c.url());
        m.put("reportId", c.reportId());
        m.put("title", c.title());
        m.put("date", time(c.at()));
        m.put("previousDate", time(c.previousAt()));
        m.put("captureId", c.captureId());
        m.put("previousCaptureId", c.previousCaptureId());
        m.put("run", c.runId());
        if (c.reason() != null) m.put("reason", c.reason());
        if (c.diff() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("linesRemoved", c.diff().linesRemoved());
            d.put("linesAdded", c.diff().linesAdded());
            d.put("cells", c.diff().cells());
            d.put("text", c.diff().textDiff());
            m.put("diff", d);
        }
        return m;
    }

    public static Map<String, Object> watch(Watch w, List<WatchHit> hits) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("query", w.query());
        m.put("created", time(w.created()));
        m.put("feed", "/feeds/watch/" + w.name() + ".atom");
        List<Map<String, Object>> l = new ArrayList<>();
        for (WatchHit h : hits) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("reportId", h.reportId());
            x.put("title", h.title());
            x.put("url", h.url());
            x.put("run", h.runId());
            x.put("date", time(h.at()));
            l.add(x);
        }
        m.put("newMatches", l);
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
