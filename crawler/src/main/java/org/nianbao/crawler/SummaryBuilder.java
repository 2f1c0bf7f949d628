package org.nianbao.crawler;

import org.nianbao.crawler.frontier.Frontier;
import org.nianbao.crawler.frontier.RequestLog;
import org.nianbao.crawler.links.LinkKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a run's outcome back out of the frontier, so a resumed run reports the whole run. */
final class SummaryBuilder {

    private SummaryBuilder() {
    }

    static boolean isReportFetched(Frontier.Row r) {
        return LinkKind.REPORT.name().equals(r.kind()) && "done".equals(r.state())
                && ((r.status() >= 200 && r.status() < 300) || r.status() == 304);
    }

    static CrawlSummary build(Frontier frontier, Frontier.Run run, Instant finished) {
        Map<String, Acc> hosts = new TreeMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        long unchanged = 0;
        long reports = 0;
        for (Frontier.Row r : frontier.rows()) {
            Acc a = hosts.computeIfAbsent(r.host(), h -> new Acc());
            if (a.unit == null) a.unit = r.unit();
            if ("skipped".equals(r.state()) && "robots".equals(r.reason())) a.robots++;
            if (!"done".equals(r.state())) continue;
            if (r.status() > 0) a.fetched++;
            if (r.status() == 304) a.notModified++;
            boolean report = LinkKind.REPORT.name().equals(r.kind());
            if (isReportFetched(r)) {
                a.reports++;
                reports++;
            }
            String outcome = r.outcome() == null ? "" : r.outcome();
            if (report && outcome.startsWith("new")) added.add(r.url());
            if (report && outcome.startsWith("changed")) changed.add(r.url());
            if (report && outcome.startsWith("unchanged")) unchanged++;
            if (report && outcome.equals("removed")) removed.add(r.url());
            if (("error".equals(outcome) || "removed".equals(outcome)) && r.reason() != null) {
                a.errors.merge(r.reason(), 1, Integer::sum);
            }
        }
        long requests = 0;
        long bytes = 0;
        long notModified = 0;
        for (RequestLog q : frontier.requests()) {
            requests++;
            bytes += q.bytes();
            if (q.status() == 304) notModified++;
            Acc a = hosts.computeIfAbsent(q.host(), h -> new Acc());
            a.requests++;
            if (q.status() == 429 || q.status() == 503) a.errors.merge("http-" + q.status(), 1, Integer::sum);
        }
        frontier.stoppedHosts().forEach((host, stateAndReason) -> {
            Acc a = hosts.computeIfAbsent(host, h -> new Acc());
            if ("anti-bot".equals(stateAndReason[0])) a.blocked = stateAndReason[1];
            else a.gaveUp = stateAndReason[1];
        });
        List<HostSummary> out = new ArrayList<>();
        hosts.forEach((host, a) -> out.add(new HostSummary(host, a.unit, a.requests, a.fetched, a.reports, a.notModified,
                a.robots, frontier.counts(host).refused(), a.errors, a.blocked, a.gaveUp)));
        return new CrawlSummary(run.id(), run.resumed(), run.started(), finished, out, requests, bytes, notModified,
                reports, added, changed, removed, unchanged);
    }

    private static final class Acc {
        String unit;
        int requests;
        int fetched;
        int reports;
        int notModified;
        int robots;
        final Map<String, Integer> errors = new TreeMap<>();
        String blocked;
        String gaveUp;
    }
}
