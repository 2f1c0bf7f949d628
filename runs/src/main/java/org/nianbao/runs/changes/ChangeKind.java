package org.nianbao.runs.changes;

/** What happened to a report between two runs. */
public enum ChangeKind {
    /** First capture of a report (agency + year) never seen before. */
    NEW,
    /** Same URL, different payload (SHA-256) from the previous capture. */
    CHANGED,
    /** 200 before, now 404/410: the document is gone from the portal. */
    REMOVED,
    /** A report marked removed that answers again, or is listed again: it is current once more. */
    REAPPEARED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
