package org.nianbao.archive.history;

import org.nianbao.archive.Capture;

/**
 * One capture of a URL in its version history.
 *
 * @param capture the capture
 * @param change  what this capture says about the document compared with the one before it
 */
public record HistoryEntry(Capture capture, Change change) {

    public enum Change {
        /** The first capture with content. */
        NEW,
        /** The bytes differ from the previous content capture. */
        CHANGED,
        /** Same bytes as before (a revisit, a 304, or an identical digest). */
        UNCHANGED,
        /** 404 or 410 after the URL had been captured: the document disappeared. */
        GONE,
        /** Some other status (redirect, server error): says nothing about the content. */
        OTHER
    }

    public boolean changed() {
        return change == Change.NEW || change == Change.CHANGED;
    }
}
