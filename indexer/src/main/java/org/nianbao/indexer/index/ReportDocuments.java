package org.nianbao.indexer.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.nianbao.indexer.parse.ParsedReport;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Turns a {@link ReportRecord} into the Lucene document the index holds. */
final class ReportDocuments {

    /**
     * The full text: bigrams with positions (phrases), stored for snippets and {@code report(id)}. No offsets in
     * the postings: they made the index a third bigger and indexing a sixth slower, and UnifiedHighlighter
     * re-analyses the stored text of the page of hits instead (its ANALYSIS offset source).
     */
    private static final FieldType BODY = TextField.TYPE_STORED;

    private final FacetsConfig facets;
    private final boolean wordsInBody;
    /**
     * Point and doc-values fields of each figure name, reused from one report to the next (the writer has
     * consumed a document before the next is built): about 200 figures per report made their allocation
     * a visible share of indexing time.
     */
    private final Map<String, Field[]> figureFields = new HashMap<>();

    private final SegmentedWords recurringWords = new SegmentedWords(ChineseAnalyzers.words(), 20_000);

    ReportDocuments(FacetsConfig facets, boolean wordsInBody) {
        this.facets = facets;
        this.wordsInBody = wordsInBody;
    }

    Document build(ReportRecord r) throws IOException {
        ParsedReport p = r.parsed();
        Document d = new Document();
        d.add(new StringField(ReportFields.ID, r.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ReportFields.ID, new BytesRef(r.id())));

        addText(d, ReportFields.TEXT, r.text(), BODY, wordsInBody);
        // Title, agency and region are searched, never shown from here: the stored record holds them.
        addText(d, ReportFields.TITLE, p.title(), TextField.TYPE_NOT_STORED, true);
        addRecurring(d, ReportFields.AGENCY, p.agency());
        addRecurring(d, ReportFields.REGION, String.join(" ", nonNull(p.regionProvince(), p.regionCity(), p.regionCounty())));

        keyword(d, "admin_level", lower(p.adminLevel()));
        keyword(d, "agency_kind", lower(p.agencyKind()));
        keyword(d, "template", lower(p.template()));
        keyword(d, "status", r.status());
        keyword(d, "checks", checks(p));
        keyword(d, "province", p.regionProvince());
        keyword(d, "city", p.regionCity());
        keyword(d, "county", p.regionCounty());
        keyword(d, "division_code", p.divisionCode());
        for (String f : formats(r)) keyword(d, "format", f);
        for (Original o : r.originals()) {
            keyword(d, ReportFields.URL, o.url());
            keyword(d, "sha256", o.sha256());
        }

        if (p.reportYear() != null) number(d, ReportFields.YEAR, p.reportYear());
        for (Map.Entry<String, Number> f : Figures.of(p).entrySet()) figure(d, f.getKey(), f.getValue());

        addFacets(d, r);
        d.add(new StoredField(ReportFields.RECORD, ReportJson.withoutText(r)));
        return facets.build(d);
    }

    private static void addFacets(Document d, ReportRecord r) {
        ParsedReport p = r.parsed();
        List<String> region = nonNull(p.regionProvince(), p.regionCity(), p.regionCounty());
        if (!region.isEmpty()) d.add(new SortedSetDocValuesFacetField("region", region.toArray(String[]::new)));
        facet(d, "admin_level", lower(p.adminLevel()));
        facet(d, "agency_kind", lower(p.agencyKind()));
        facet(d, "year", p.reportYear() == null ? null : p.reportYear().toString());
        for (String f : formats(r)) facet(d, "format", f);
        facet(d, "template", lower(p.template()));
        facet(d, "checks", checks(p));
        facet(d, "status", r.status());
    }

    static String checks(ParsedReport p) {
        return p.checks() == null || p.checksHold() ? ReportFields.CHECKS_PASS : ReportFields.CHECKS_FAIL;
    }

    static TreeSet<String> formats(ReportRecord r) {
        TreeSet<String> formats = new TreeSet<>();
        for (Original o : r.originals()) if (o.format() != null && !o.format().isBlank()) formats.add(lower(o.format()));
        return formats;
    }

    private static void addText(Document d, String field, String value, FieldType type, boolean words) {
        if (value == null || value.isBlank()) return;
        d.add(new Field(field, value, type));
        if (words) d.add(new TextField(field + ChineseAnalyzers.SMART_SUFFIX, value, Field.Store.NO));
    }

    /**
     * Bigrams, and words replayed from {@link #recurringWords}: agencies and regions recur across reports.
     * (Titles are segmented whole: the segmenter's words for an agency's name change when a year follows it.)
     */
    private void addRecurring(Document d, String field, String value) {
        if (value == null || value.isBlank()) return;
        d.add(new Field(field, value, TextField.TYPE_NOT_STORED));
        String smart = field + ChineseAnalyzers.SMART_SUFFIX;
        d.add(new Field(smart, recurringWords.tokens(smart, value), TextField.TYPE_NOT_STORED));
    }

    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isBlank()) return;
        d.add(new StringField(field, value, Field.Store.NO));
        // Single-valued keywords are also doc values, so figures can be summed per group.
        if (ReportFields.GROUP_FIELDS.contains(field)) d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static void facet(Document d, String dim, String value) {
        if (value != null && !value.isBlank()) d.add(new SortedSetDocValuesFacetField(dim, value));
    }

    private void figure(Document d, String name, Number value) {
        Field[] f = figureFields.get(name);
        if (value instanceof BigDecimal dec) {
            double v = dec.doubleValue();
            if (f != null && f[0] instanceof DoublePoint point) {
                point.setDoubleValue(v);
                f[1].setDoubleValue(v);
            } else {
                f = new Field[] {new DoublePoint(name, v), new DoubleDocValuesField(name, v)};
                figureFields.put(name, f);
            }
        } else {
            long v = value.longValue();
            if (f != null && f[0] instanceof LongPoint point) {
                point.setLongValue(v);
                f[1].setLongValue(v);
            } else {
                f = new Field[] {new LongPoint(name, v), new NumericDocValuesField(name, v)};
                figureFields.put(name, f);
            }
        }
        d.add(f[0]);
        d.add(f[1]);
    }

    private static void number(Document d, String field, long value) {
        d.add(new LongPoint(field, value));
        d.add(new NumericDocValuesField(field, value));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) if (s != null && !s.isBlank()) out.add(s);
        return out;
    }

    static boolean sameOriginal(Original a, Original b) {
        return a.captureId() == b.captureId() && Objects.equals(a.url(), b.url()) && Objects.equals(a.sha256(), b.sha256());
    }
}
