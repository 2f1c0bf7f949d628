package org.nianbao.indexer.extract;

import java.util.List;

/**
 * What extraction hands to parsing and indexing, whatever the original format.
 *
 * @param format   html, pdf, docx, doc, wps, ofd, text, image
 * @param title    the document's own title if the format carries one, else null
 * @param text     plain text in reading order
 * @param tables   tables in document order, structure kept
 * @param pages    page count (1 for formats without pages)
 * @param method   how the text was obtained: "markup", "text-layer", "ocr", "needs_ocr", "plain"
 * @param warnings what was odd or skipped, one line each, for people
 * @param error    why extraction failed (partially), or null when fine
 * @param links    attachment and other links found (HTML), absolute where possible
 */
public record ExtractedDocument(
        String format,
        String title,
        String text,
        List<Table> tables,
        int pages,
        String method,
        List<String> warnings,
        String error,
        List<String> links) {

    public ExtractedDocument {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A table as printed: rows of cells; a merged cell appears once, at its top-left position. */
    public record Table(List<List<Cell>> rows) {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** One printed cell. Spans are at least 1. Page is 1-based, or 0 when the format has no pages. */
    public record Cell(String text, int rowSpan, int colSpan, int page) {
    }
}
