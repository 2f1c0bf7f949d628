package org.nianbao.crawler.links;

/** What a link probably leads to; decides the order of the frontier and the budgets that apply. */
public enum LinkKind {
    /** An annual report: a detail page titled like one, or its attachment. */
    REPORT(100),
    /** A downloadable document (PDF, DOC, …) not (yet) known to be a report. */
    ATTACHMENT(90),
    /** A report column (政府信息公开年报) or information-disclosure section, and its pages. */
    COLUMN(80),
    /** An ordinary page; subject to the depth and count budgets. */
    PAGE(10);

    public final int priority;

    LinkKind(int priority) {
        this.priority = priority;
    }
}
