package org.nianbao.runs.changes;

import org.nianbao.archive.Archive;
import org.nianbao.archive.Capture;
import org.nianbao.archive.history.HistoryEntry;
import org.nianbao.archive.history.VersionHistory;
import org.nianbao.indexer.extract.DocumentExtractor;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.runs.RunsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the captures written since the last detection and says which reports are new, changed or
 * removed. It works from the archive's capture table (what was really served, and when), and
 * from the index (which URLs are reports), so it needs no state of the crawler and gives the same
 * answer when run again after a crash.
 *
 * <ul>
 * <li>new: the first capture of a report (agency + year) never seen before;</li>
 * <li>changed: same URL, a payload with a different SHA-256 from the previous capture — with a
 *     text diff and the changed table cells;</li>
 * <li>removed: 404/410 where the previous answer was the document, or a report still answering but
 *     linked from no page any more (see {@link ListPresence});</li>
 * <li>reappeared: a removed report answering with the document again, or linked again.</li>
 * </ul>
 */
public final class ChangeDetector {
    private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

    private final Archive archive;
    private final DocumentExtractor extractor;
    /** Why a report still answering 200 counts as removed. */
    public static final String UNLISTED = "unlisted";
    /** Why a removed report counts as back: it answers with the document again. */
    public static final String ANSWERS_AGAIN = "http-200";
    /** Why a report removed as unlisted counts as back: a page links to it again. */
    public static final String LISTED_AGAIN = "listed";

    private final ChangeLog changes;
    private final ListPresence presence;

    public ChangeDetector(Archive archive, DocumentExtractor extractor, ChangeLog changes, ListPresence presence) {
        this.archive = archive;
        this.extractor = extractor;
        this.changes = changes;
        this.presence = presence;
    }

    /**
     * What the crawl saw of the portals' lists: report URLs re-checked with content, every URL linked
     * from a page fetched in the run, and hosts not crawled to the end.
     */
    public record Listing(Set<String> checked, Set<String> linked, Set<String> stoppedHosts) {
        public static final Listing NONE = new Listing(Set.of(), Set.of(), Set.of());
    }

    /** Detects and records the changes of every capture after the last detected one; returns them. */
    public List<Change> detect(long runId, ReportLocator reports) {
        return detect(runId, reports, Listing.NONE);
    }

    /** As {@link #detect(long, ReportLocator)}, also marking reports that vanished from their list page as removed. */
    public List<Change> detect(long runId, ReportLocator reports, Listing listing) {
        long after = changes.lastTrackedCapture();
        List<Capture> captures;
        try {
            captures = archive.capturesAfter(after);
        } catch (IOException e) {
            throw new RunsException("cannot read the capture table: " + e.getMessage(), e);
        }
        Set<String> vanished = presence.vanished(listing.checked(), listing.linked(), listing.stoppedHosts());
        Set<String> relisted = presence.relisted(listing.checked(), listing.linked());
        if (captures.isEmpty() && vanished.isEmpty() && relisted.isEmpty()) return List.of();
        Set<String> seen = new HashSet<>(changes.seenReports());
        Map<String, Long> newlySeen = new LinkedHashMap<>();
        Set<String> removedNow = new HashSet<>();
        Set<String> backNow = new HashSet<>();
        List<Change> found = new ArrayList<>();
        long last = after;
        for (Capture c : captures) {
            last = Math.max(last, c.id());
            var ref = reports.byUrl(c.url());
            if (ref.isEmpty()) continue;
            String id = ref.get().id();
            List<HistoryEntry> history = history(c.url());
            int at = indexOf(history, c.id());
            if (at < 0) continue;
            HistoryEntry entry = history.get(at);
            switch (entry.change()) {
                case NEW, CHANGED, UNCHANGED -> {
                    if (!seen.contains(id)) {
                        seen.add(id);
                        newlySeen.put(id, c.id());
                        found.add(new Change(0, runId, ChangeKind.NEW, c.url(), id, ref.get().title(), c.id(), null,
                                c.time(), null, null, null));
                    } else if (previousSignal(history, at) == HistoryEntry.Change.GONE) {
                        // 404/410 before, the document now: back, with what differs from the last copy kept.
                        Capture before = previousContent(history, at);
                        backNow.add(c.url());
                        found.add(new Change(0, runId, ChangeKind.REAPPEARED, c.url(), id, ref.get().title(), c.id(),
                                before == null ? null : before.id(), c.time(), before == null ? null : before.time(),
                                before == null || entry.change() != HistoryEntry.Change.CHANGED ? null : diff(before, c),
                                ANSWERS_AGAIN));
                    } else if (entry.change() == HistoryEntry.Change.CHANGED) {
                        Capture before = previousContent(history, at);
                        found.add(new Change(0, runId, ChangeKind.CHANGED, c.url(), id, ref.get().title(), c.id(),
                                before == null ? null : before.id(), c.time(), before == null ? null : before.time(),
                                before == null ? null : diff(before, c), null));
                    }
                }
                case GONE -> {
                    Capture before = previousContent(history, at);
                    boolean alreadyGone = previousSignal(history, at) == HistoryEntry.Change.GONE;
                    if (before != null && !alreadyGone && removedNow.add(c.url())) {
                        found.add(new Change(0, runId, ChangeKind.REMOVED, c.url(), id, ref.get().title(), c.id(),
                                before.id(), c.time(), before.time(), null, "http-" + c.status()));
                    }
                }
                case OTHER -> { }
            }
        }
        for (String url : vanished) {
            var ref = reports.byUrl(url);
            if (ref.isEmpty() || !removedNow.add(url)) continue;
            List<HistoryEntry> history = history(url);
            if (history.isEmpty()) continue;
            Capture latest = history.getLast().capture();
            Capture before = previousContent(history, history.size() - 1);
            found.add(new Change(0, runId, ChangeKind.REMOVED, url, ref.get().id(), ref.get().title(), latest.id(),
                    before == null ? null : before.id(), latest.time(), before == null ? null : before.time(), null, UNLISTED));
        }
        for (String url : relisted) {
            var ref = reports.byUrl(url);
            if (ref.isEmpty() || !backNow.add(url)) continue;
            List<HistoryEntry> history = history(url);
            if (history.isEmpty()) continue;
            Capture latest = history.getLast().capture();
            found.add(new Change(0, runId, ChangeKind.REAPPEARED, url, ref.get().id(), ref.get().title(), latest.id(),
                    null, latest.time(), null, null, LISTED_AGAIN));
        }
        List<Change> stored = changes.record(found, newlySeen, runId, last, c -> {
            ListPresence.remember(c, runId, listing.checked(), listing.linked(), vanished);
            return null;
        });
        log.info("changes since capture {}: {} new, {} changed, {} removed, {} reappeared", after,
                count(found, ChangeKind.NEW), count(found, ChangeKind.CHANGED), count(found, ChangeKind.REMOVED),
                count(found, ChangeKind.REAPPEARED));
        return stored;
    }

    private static long count(List<Change> l, ChangeKind k) {
        return l.stream().filter(c -> c.kind() == k).count();
    }

    private List<HistoryEntry> history(String url) {
        try {
            return VersionHistory.of(archive.history(url));
        } catch (IOException e) {
            throw new RunsException("cannot read the history of " + url + ": " + e.getMessage(), e);
        }
    }

    private static int indexOf(List<HistoryEntry> h, long captureId) {
        for (int i = 0; i < h.size(); i++) if (h.get(i).capture().id() == captureId) return i;
        return -1;
    }

    /** The latest capture before {@code at} that carried the document. */
    private static Capture previousContent(List<HistoryEntry> h, int at) {
        for (int i = at - 1; i >= 0; i--) {
            HistoryEntry.Change c = h.get(i).change();
            if (c == HistoryEntry.Change.NEW || c == HistoryEntry.Change.CHANGED || c == HistoryEntry.Change.UNCHANGED) {
                return h.get(i).capture();
            }
        }
        return null;
    }

    /** What the capture before {@code at} said about the document (redirects and errors skipped). */
    private static HistoryEntry.Change previousSignal(List<HistoryEntry> h, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (h.get(i).change() != HistoryEntry.Change.OTHER) return h.get(i).change();
        }
        return HistoryEntry.Change.OTHER;
    }

    private ChangeDiff diff(Capture before, Capture after) {
        try {
            ExtractedDocument a = extract(before);
            ExtractedDocument b = extract(after);
            return DocumentDiff.between(a, b, before.url() + " @ " + before.time(), after.url() + " @ " + after.time());
        } catch (IOException | RuntimeException e) {
            log.warn("cannot diff {} (captures {} and {}): {}", after.url(), before.id(), after.id(), e.toString());
            return null;
        }
    }

    private ExtractedDocument extract(Capture c) throws IOException {
        try (InputStream in = archive.openDocument(c)) {
            return extractor.extract(in, c.contentType(), c.url());
        }
    }
}
