package org.nianbao.archive.history;

import org.nianbao.archive.Capture;

import java.util.ArrayList;
import java.util.List;

/** Reads a URL's captures (oldest first) as a story: when its bytes changed, when it disappeared. */
public final class VersionHistory {
    private VersionHistory() {
    }

    public static List<HistoryEntry> of(List<Capture> oldestFirst) {
        List<HistoryEntry> out = new ArrayList<>(oldestFirst.size());
        String lastSha = null;
        boolean seen = false;
        for (Capture c : oldestFirst) {
            HistoryEntry.Change change;
            if (c.status() == 404 || c.status() == 410) {
                change = seen ? HistoryEntry.Change.GONE : HistoryEntry.Change.OTHER;
            } else if ((c.status() >= 200 && c.status() < 300) || c.status() == 304 && c.revisit()) {
                if (lastSha == null) change = HistoryEntry.Change.NEW;
                else if (lastSha.equals(c.sha256())) change = HistoryEntry.Change.UNCHANGED;
                else change = HistoryEntry.Change.CHANGED;
                lastSha = c.sha256();
                seen = true;
            } else {
                change = HistoryEntry.Change.OTHER;
            }
            out.add(new HistoryEntry(c, change));
        }
        return out;
    }
}
