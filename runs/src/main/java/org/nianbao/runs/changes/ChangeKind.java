package org.nianbao.runs.changes;

/** What happened to a report between two runs. */
public enum ChangeKind {
    /** First capture of a report (agency + year) never seen before. */
    NEW,
    /** Same URL, different payload (SHA-256) from the previous capture. */
    CHANGED,
    /** 200 before, now 404/410: the document is gone from the portal. */
    REMOVED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
