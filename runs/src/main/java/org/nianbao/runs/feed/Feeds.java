package org.nianbao.runs.feed;

import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeDiff;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.watch.Watch;
import org.nianbao.runs.watch.WatchHit;
import org.nianbao.runs.watch.Watches;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the Atom feeds: every change ({@code /feeds/changes.atom}) and one per saved search. */
public final class Feeds {
    /** Entries per feed: readers poll often, so the latest suffice. */
    public static final int LIMIT = 200;

    private final ChangeLog changes;
    private final Watches watches;
    private final Clock clock;

    public Feeds(ChangeLog changes, Watches watches, Clock clock) {
        this.changes = changes;
        this.watches = watches;
        this.clock = clock;
    }

    /** @param baseUrl the server's address, e.g. {@code http://127.0.0.1:8080}, for the self link */
    public AtomFeed changes(String baseUrl) {
        List<AtomEntry> entries = new ArrayList<>();
        for (Change c : changes.latest(LIMIT)) {
            String what = c.title() != null ? c.title() : c.reportId() != null ? c.reportId() : c.url();
            entries.add(new AtomEntry("urn:nianbao:change:" + c.kind().key() + ":" + c.captureId(),
                    "[" + c.kind().key() + "] " + what, c.url(), c.at(), summary(c)));
        }
        return new AtomFeed("urn:nianbao:feed:changes", "nianbao: new, changed and removed reports",
                baseUrl == null ? null : baseUrl + "/feeds/changes.atom", clock.instant(), entries);
    }

    /** The feed of a saved search, or empty when there is none by that name. */
    public Optional<AtomFeed> watch(String name, String baseUrl) {
        Optional<Watch> w = watches.get(name);
        if (w.isEmpty()) return Optional.empty();
        List<AtomEntry> entries = new ArrayList<>();
        for (WatchHit h : watches.hits(name, LIMIT)) {
            entries.add(new AtomEntry("urn:nianbao:watch:" + encode(name) + ":" + encode(h.reportId()),
                    h.title() == null ? h.reportId() : h.title(), h.url(), h.at(),
                    "report " + h.reportId() + " matches " + w.get().query() + " (after run " + h.runId() + ")"));
        }
        return Optional.of(new AtomFeed("urn:nianbao:feed:watch:" + encode(name), "nianbao watch " + name + ": " + w.get().query(),
                baseUrl == null ? null : baseUrl + "/feeds/watch/" + encode(name) + ".atom", w.get().created(), entries));
    }

    private static String summary(Change c) {
        StringBuilder b = new StringBuilder();
        b.append(c.kind().key()).append(": ").append(c.url());
        if (c.reportId() != null) b.append("\nreport: ").append(c.reportId());
        b.append("\ncaptured: ").append(AtomFeed.time(c.at()));
        if (c.previousAt() != null) b.append(" (previous capture ").append(AtomFeed.time(c.previousAt())).append(')');
        ChangeDiff d = c.diff();
        if (d != null) {
            b.append("\n").append(d.linesRemoved()).append(" lines removed, ").append(d.linesAdded()).append(" added, ")
                    .append(d.cells().size()).append(" table cells changed");
            for (ChangeDiff.CellChange cell : d.cells().stream().limit(20).toList()) {
                b.append("\ntable ").append(cell.table()).append(" row ").append(cell.row()).append(" col ").append(cell.column())
                        .append(cell.label().isEmpty() ? "" : " (" + cell.label() + ")").append(": ")
                        .append(cell.before()).append(" → ").append(cell.after());
            }
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
