package org.nianbao.indexer.parse;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.nianbao.seeds.gazetteer.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an extracted annual report into typed, checked fields ({@link ParsedReport}).
 *
 * <p>Tables are read from the extracted tables when the document has them (cells keep their
 * positions, so blanks are certain), else from the flattened text (figures collected per row,
 * placed in columns with the help of the tables' arithmetic). Figures are never "fixed": the
 * checks report what the printed numbers say. Thread-safe; one instance serves many documents.
 */
public final class ReportParser {

    private static final Logger log = LoggerFactory.getLogger(ReportParser.class);

    private final Gazetteer gazetteer;

    public ReportParser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Parses one document; see {@link #parseDetailed} for the figures that could not be placed. Never
     * fails on odd input: what could not be read is named in the report's warnings.
     */
    public ParsedReport parse(ExtractedDocument doc, ParseHints hints) {
        return parseDetailed(doc, hints).report();
    }

    /** Parses one document and also returns the table-3 figures left unplaced (truth key table3_unplaced). */
    public ParseResult parseDetailed(ExtractedDocument doc, ParseHints hints) {
        if (doc == null) throw new IllegalArgumentException("no document");
        ParseHints h = hints == null ? ParseHints.none() : hints;
        if ((doc.text() == null || doc.text().isBlank()) && doc.tables().isEmpty()) {
            // Nothing to read (a scan awaiting OCR, a failed extraction): an empty report that says why.
            String why = "document has no text to parse" + (doc.error() != null ? ": " + doc.error() : "");
            return new ParseResult(new ParsedReport(null, null, null, null, null, null, null, null, null, null,
                    Templates.UNKNOWN, Map.of(), null, Map.of(), null, List.of(), List.of(why)), List.of());
        }
        List<String> warnings = new ArrayList<>();
        MetadataReader.Metadata meta = new MetadataReader(gazetteer).read(doc.text(), doc.title(), h, warnings);

        TableReader reader = new TableReader();
        TableReader.Tables fromText = reader.read(Line.fromText(doc.text()));
        TableReader.Tables tables = fromText;
        if (!doc.tables().isEmpty()) {
            TableReader.Tables fromGrid = withRowOrderFallback(reader.read(Line.fromTables(doc.tables())), doc.tables());
            tables = merge(fromGrid, fromText);
        } else {
            warnings.addAll(fromText.warnings());
        }
        if (tables != fromText) warnings.addAll(tables.warnings());

        String template = tables.template();
        if (Templates.UNKNOWN.equals(template) && meta.year() != null && meta.year() < 2019) template = Templates.PRE2019;
        boolean standard = Templates.T2019.equals(template) || Templates.T2021.equals(template);
        Map<String, List<Number>> table2 = standard && tables.table2() != null ? unmodifiable(tables.table2()) : Map.of();
        Map<String, List<Long>> table3 = standard && tables.table3() != null ? unmodifiable(tables.table3()) : Map.of();
        List<Long> table4 = standard && tables.table4() != null ? Collections.unmodifiableList(new ArrayList<>(tables.table4())) : null;
        List<Unplaced> unplaced = standard ? tables.unplaced() : List.of();
        if (!standard && meta.year() != null && meta.year() < 2019) {
            warnings.removeIf(w -> w.startsWith("table"));
        }
        List<ParsedReport.Check> checks = standard
                ? new ChecksEvaluator().evaluate(table3, unplaced, tables.resultRows(), table4, warnings)
                : List.of();
        Place place = meta.place();
        ParsedReport report = new ParsedReport(meta.title(), meta.agency(), meta.agencyKind(), meta.adminLevel(),
                place == null ? null : place.province(), place == null ? null : place.city(),
                place == null ? null : place.county(), place == null ? null : place.code(),
                meta.year(), meta.portalUrl(), template, table2, standard ? tables.procurementUnit() : null,
                table3, table4, List.copyOf(checks), List.copyOf(warnings));
        if (!report.checksHold()) {
            // named by its title, else where it came from: an untitled attachment must still be findable in the log
            String name = meta.title() != null ? meta.title() : h.url() != null ? h.url() : "(untitled, no URL)";
            log.info("{}: arithmetic checks fail: {}", name, checks.stream().filter(c -> !c.holds()).toList());
        }
        return new ParseResult(report, unplaced);
    }

    /** When labels were unreadable (OCR) but table 3 has the template's shape, read its rows in template order. */
    private static TableReader.Tables withRowOrderFallback(TableReader.Tables grid, List<ExtractedDocument.Table> tables) {
        int have = grid.table3() == null ? 0 : grid.table3().size();
        if (have == Templates.TABLE3_2019.size() || have == Templates.TABLE3_2021.size()) return grid;
        var byOrder = TableReader.table3ByRowOrder(tables);
        if (byOrder.isEmpty() || byOrder.get().size() <= have) return grid;
        List<String> warnings = new ArrayList<>(grid.warnings());
        warnings.removeIf(w -> w.startsWith("table3 "));
        warnings.add("table3 row labels unreadable; rows taken in template order from the table's shape");
        boolean is2021 = byOrder.get().size() == Templates.TABLE3_2021.size();
        List<RowSpec> specs = is2021 ? Templates.TABLE3_2021 : Templates.TABLE3_2019;
        String template = Templates.UNKNOWN.equals(grid.template()) || is2021 ? (is2021 ? Templates.T2021 : Templates.T2019) : grid.template();
        return new TableReader.Tables(template, grid.table2(), grid.procurementUnit(), byOrder.get(), List.of(),
                Templates.resultRows(specs), grid.table4(), warnings);
    }

    /** Tables from the extracted grid win; a table the grid lacks is taken from the text. */
    private static TableReader.Tables merge(TableReader.Tables grid, TableReader.Tables text) {
        boolean gridHasAny = grid.table2() != null || grid.table3() != null || grid.table4() != null;
        if (!gridHasAny) return text;
        List<String> warnings = new ArrayList<>(grid.warnings());
        Map<String, List<Number>> t2 = grid.table2();
        String unit = grid.procurementUnit();
        if (t2 == null && text.table2() != null) {
            t2 = text.table2();
            unit = text.procurementUnit();
            warnings.add("table2 read from the text (not among the extracted tables)");
        }
        Map<String, List<Long>> t3 = grid.table3();
        List<Unplaced> unplaced = grid.unplaced();
        if (t3 == null && text.table3() != null) {
            t3 = text.table3();
            unplaced = text.unplaced();
            warnings.add("table3 read from the text (not among the extracted tables)");
        }
        List<Long> t4 = grid.table4();
        if (t4 == null && text.table4() != null) {
            t4 = text.table4();
            warnings.add("table4 read from the text (not among the extracted tables)");
        }
        String template = Templates.UNKNOWN.equals(grid.template()) ? text.template() : grid.template();
        return new TableReader.Tables(template, t2, unit, t3, unplaced, grid.table3() != null ? grid.resultRows() : text.resultRows(),
                t4, warnings);
    }

    private static <T> Map<String, List<T>> unmodifiable(Map<String, List<T>> m) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        return Collections.unmodifiableMap(out);
    }
}
