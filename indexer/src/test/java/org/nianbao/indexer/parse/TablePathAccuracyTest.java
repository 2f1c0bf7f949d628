package org.nianbao.indexer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table path on the corpus HTML pages, read into tables by a minimal jsoup reader in the test
 * (independent of the production extractors): every metadata field and every cell right.
 */
class TablePathAccuracyTest {

    private static final ReportParser PARSER = new ReportParser(Gazetteer.load());

    static Stream<Arguments> pages() {
        List<Arguments> out = new ArrayList<>();
        for (String stem : TruthComparison.STEMS) {
            for (String file : List.of("report.utf8.html", "report.gbk.html")) out.add(Arguments.of(stem, file));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pages")
    void readsEveryFieldAndCellFromTheTables(String stem, String file) throws Exception {
        ExtractedDocument doc = JsoupTables.read(TruthComparison.corpus().resolve("docs").resolve(stem).resolve(file));
        ParseResult r = PARSER.parseDetailed(doc, ParseHints.none());
        JsonNode actual = ParsedReportJson.toTree(r.report(), r.table3Unplaced());
        JsonNode truth = TruthComparison.truth(stem);
        assertThat(TruthComparison.metadata(actual, truth)).isEmpty();
        String table3 = truth.has("table3_as_rendered") ? "table3_as_rendered" : "table3";
        assertThat(TruthComparison.cells(actual, truth, table3).mismatches()).isEmpty();
        assertThat(r.report().template()).isEqualTo("2019");
        assertThat(r.table3Unplaced()).isEmpty();
        assertThat(r.report().warnings()).noneMatch(w -> w.contains("read from the text"));
        assertThat(r.report().checksHold()).as("checks %s", r.report().checks()).isTrue();
    }
}
