package org.nianbao.indexer.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The journalist's spreadsheet: one row per matching report with its metadata and every table figure,
 * streamed as the index is walked (no result window), as CSV or JSON Lines.
 */
public final class ReportExporter {

    public enum Format {
        CSV, JSONL;

        public static Format parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new QueryParseException("unknown export format '" + s + "'; use csv or jsonl");
            }
        }

        public String contentType() {
            return this == CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        }
    }

    /** The metadata columns, before the figure columns. */
    public static final List<String> META_COLUMNS = List.of("id", "title", "agency", "province", "city", "county",
            "division_code", "admin_level", "agency_kind", "year", "template", "status", "checks", "failed_checks",
            "formats", "urls", "sha256", "capture_ids");

    private final ReportSearcher searcher;

    public ReportExporter(ReportSearcher searcher) {
        this.searcher = searcher;
    }

    /** The CSV header: metadata columns, then every figure of the standard template. */
    public static List<String> csvColumns() {
        List<String> cols = new ArrayList<>(META_COLUMNS);
        cols.addAll(Figures.standardNames());
        return cols;
    }

    /** Writes every report matching {@code request} (its query and facets) to {@code out}; returns the row count. */
    public long export(SearchRequest request, Format format, Writer out) {
        ObjectMapper json = ReportJson.mapper();
        try {
            if (format == Format.CSV) {
                out.write('\uFEFF'); // so spreadsheet programs read the Chinese as UTF-8
                writeCsvRow(out, csvColumns());
            }
            long n = searcher.forEachMatch(request, r -> {
                try {
                    if (format == Format.CSV) {
                        writeCsvRow(out, csvRow(r));
                    } else {
                        out.write(json.writeValueAsString(jsonRow(r)));
                        out.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> meta(ReportRecord r) {
        ParsedReport p = r.parsed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", p.title());
        m.put("agency", p.agency());
        m.put("province", p.regionProvince());
        m.put("city", p.regionCity());
        m.put("county", p.regionCounty());
        m.put("division_code", p.divisionCode());
        m.put("admin_level", p.adminLevel());
        m.put("agency_kind", p.agencyKind());
        m.put("year", p.reportYear());
        m.put("template", p.template());
        m.put("status", r.status());
        m.put("checks", p.checks() == null || p.checksHold() ? "pass" : "fail");
        m.put("failed_checks", p.checks() == null ? List.of() : p.checks().stream().filter(c -> !c.holds()).map(ParsedReport.Check::name).toList());
        TreeSet<String> formats = new TreeSet<>();
        for (Original o : r.originals()) if (o.format() != null) formats.add(o.format());
        m.put("formats", List.copyOf(formats));
        m.put("urls", r.originals().stream().map(Original::url).distinct().toList());
        m.put("sha256", r.originals().stream().map(Original::sha256).distinct().toList());
        m.put("capture_ids", r.originals().stream().map(o -> Long.toString(o.captureId())).toList());
        return m;
    }

    private static Map<String, Object> jsonRow(ReportRecord r) {
        Map<String, Object> m = meta(r);
        m.put("figures", Figures.of(r.parsed()));
        m.put("originals", r.originals());
        return m;
    }

    private static List<String> csvRow(ReportRecord r) {
        List<String> row = new ArrayList<>();
        for (Map.Entry<String, Object> e : meta(r).entrySet()) {
            Object v = e.getValue();
            String s = v == null ? "" : v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : v.toString();
            row.add(e.getKey().equals("year") ? s : defuse(s));
        }
        Map<String, Number> figures = Figures.of(r.parsed());
        for (String f : Figures.standardNames()) {
            Number n = figures.get(f);
            row.add(n == null ? "" : n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        return row;
    }

    /** Text that a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String defuse(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static void writeCsvRow(Writer out, List<String> cells) throws IOException {
        Csv.writeRow(out, cells);
    }
}
