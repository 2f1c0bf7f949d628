package org.nianbao.sim.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a report column: a detail page that either shows the report inline (HTML) or links
 * attachments. Immutable; a week advance replaces it with an edited or removed copy.
 *
 * @param id          farm-wide id (appears in URLs)
 * @param site        index of the host
 * @param agency      issuing agency
 * @param year        report year
 * @param title       title as listed
 * @param published   publication date
 * @param stem        corpus report whose content this carries
 * @param variant     agency/year rewritten from the corpus report
 * @param inline      the detail page carries the report text and tables
 * @param attachments files linked from the detail page
 * @param disallowed  lives under a robots-disallowed path
 * @param addedWeek   week it appeared
 * @param removedWeek week it was removed, or -1
 * @param edits       number of silent edits so far
 * @param editedWeek  week of the latest edit, or -1
 */
public record Report(int id, int site, String agency, int year, String title, LocalDate published, String stem,
                     boolean variant, boolean inline, List<Attachment> attachments, boolean disallowed,
                     int addedWeek, int removedWeek, int edits, int editedWeek) {

    public boolean visibleIn(int week) {
        return addedWeek <= week && (removedWeek < 0 || removedWeek > week);
    }

    public Report removedIn(int week) {
        return new Report(id, site, agency, year, title, published, stem, variant, inline, attachments, disallowed,
                addedWeek, week, edits, editedWeek);
    }

    public Report editedIn(int week) {
        return new Report(id, site, agency, year, title, published, stem, variant, inline, attachments, disallowed,
                addedWeek, removedWeek, edits + 1, week);
    }

    /** The week its bytes last changed. */
    public int lastChangedWeek() {
        return Math.max(addedWeek, editedWeek);
    }
}
