package org.nianbao.indexer.index;

import org.nianbao.indexer.parse.ParsedReport;

import java.util.List;
import java.util.Locale;

/**
 * What the index holds for one report: one search hit, however many files and captures it came from.
 *
 * @param id        {@link #idFor(String, Integer)}: agency + year, so an HTML page and its PDF attachment are one report
 * @param parsed    the report's metadata and tables
 * @param text      the report's full text
 * @param originals every archived file the report was read from (URL, capture, SHA-256, format)
 * @param status    current | changed (since its first capture) | removed (from the portal)
 */
public record ReportRecord(String id, ParsedReport parsed, String text, List<Original> originals, String status) {

    public static final List<String> STATUSES = List.of("current", "changed", "removed");

    public ReportRecord {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("report id is empty");
        originals = originals == null ? List.of() : List.copyOf(originals);
        text = text == null ? "" : text;
        status = status == null ? "current" : status.toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("unknown report status: " + status);
    }

    /** The report's identity: the issuing agency and the year reported on, e.g. {@code 吴忠市人民政府办公室/2020}. */
    public static String idFor(String agency, Integer year) {
        String a = agency == null || agency.isBlank() ? "unknown-agency" : agency.strip();
        return a + "/" + (year == null ? "unknown-year" : year);
    }

    /** A record whose id is derived from the parsed agency and year. */
    public static ReportRecord of(ParsedReport parsed, String text, List<Original> originals, String status) {
        return new ReportRecord(idFor(parsed.agency(), parsed.reportYear()), parsed, text, originals, status);
    }
}
