package org.nianbao.indexer.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExporterTest {

    private ReportSearcher searcher;

    @BeforeAll
    void buildIndex(@TempDir Path dir) throws Exception {
        // More reports than any result window a page would show (short texts keep the build quick).
        TestReports.index(dir.resolve("index"), TestReports.mixed(1100).stream()
                .map(r -> new ReportRecord(r.id(), r.parsed(), r.text().substring(0, Math.min(r.text().length(), 600)), r.originals(), r.status()))
                .toList());
        searcher = ReportSearcher.open(dir.resolve("index"));
    }

    @Test
    void csvExportHasOneRowPerHitWithEveryFigure() {
        for (String q : List.of("", "政府信息", "t3.新收.总计:>=20", "year:2020 AND 诉讼")) {
            SearchRequest req = new SearchRequest(q, Map.of("admin_level", List.of("county", "city")), null, 10, 0);
            long total = searcher.search(req).total();
            StringWriter out = new StringWriter();
            long written = new ReportExporter(searcher).export(req, ReportExporter.Format.CSV, out);
            List<List<String>> rows = parseCsv(out.toString().substring(1));
            assertThat(written).as(q).isEqualTo(total);
            assertThat(rows).as(q).hasSize((int) total + 1);
            assertThat(rows.get(0)).isEqualTo(ReportExporter.csvColumns());
            assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(ReportExporter.csvColumns().size()));
        }
        assertThat(searcher.search(SearchRequest.of("")).total()).isGreaterThan(SearchRequest.MAX_LIMIT);
    }

    @Test
    void csvCellsCarryTheParsedFigures() {
        StringWriter out = new StringWriter();
        new ReportExporter(searcher).export(SearchRequest.of("agency:平罗县人民政府办公室 AND year:2020"), ReportExporter.Format.CSV, out);
        List<List<String>> rows = parseCsv(out.toString().substring(1));
        assertThat(rows).hasSize(2);
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        assertThat(row.get(header.indexOf("id"))).isEqualTo("平罗县人民政府办公室/2020");
        assertThat(row.get(header.indexOf("province"))).isEqualTo("宁夏回族自治区");
        var truth = TestReports.corpusReports().get(3).parsed();
        assertThat(row.get(header.indexOf("t3.新收.总计"))).isEqualTo(truth.table3().get("新收").get(6).toString());
        // A blank printed cell stays blank in the spreadsheet.
        int blank = truth.table3().get("新收").indexOf(null);
        if (blank >= 0) assertThat(row.get(header.indexOf("t3.新收." + Figures.TABLE3_COLUMNS.get(blank)))).isEmpty();
    }

    @Test
    void jsonlExportHasOneObjectPerHit() throws Exception {
        SearchRequest req = SearchRequest.of("year:[2015 TO 2018]");
        StringWriter out = new StringWriter();
        long written = new ReportExporter(searcher).export(req, ReportExporter.Format.JSONL, out);
        String[] lines = out.toString().split("\n");
        assertThat(written).isEqualTo(searcher.search(req).total()).isEqualTo(lines.length);
        JsonNode first = ReportJson.mapper().readTree(lines[0]);
        assertThat(first.get("year").asInt()).isBetween(2015, 2018);
        assertThat(first.get("figures").has("t3.新收.总计")).isTrue();
        assertThat(first.get("originals").size()).isPositive();
    }

    /** RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
