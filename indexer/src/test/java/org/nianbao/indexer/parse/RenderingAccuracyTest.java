package org.nianbao.indexer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the production extractors: every rendering of the five reports (HTML in UTF-8
 * and GBK, DOCX, DOC, PDF with a text layer) parses to the truth, every metadata field and every cell.
 */
class RenderingAccuracyTest {

    private static final ReportParser PARSER = new ReportParser(Gazetteer.load());
    private static final Extractors EXTRACTORS = Extractors.defaults();
    static final List<String> RENDERINGS = List.of("report.utf8.html", "report.gbk.html", "report.docx", "report.doc", "report.pdf");

    static Stream<Arguments> renderings() {
        List<Arguments> out = new ArrayList<>();
        for (String stem : TruthComparison.STEMS) for (String file : RENDERINGS) out.add(Arguments.of(stem, file));
        return out.stream();
    }

    static ParseResult parseRendering(String stem, String file) throws Exception {
        Path path = TruthComparison.corpus().resolve("docs").resolve(stem).resolve(file);
        ExtractedDocument doc = EXTRACTORS.extract(path, null, file);
        return PARSER.parseDetailed(doc, ParseHints.none());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderings")
    void readsEveryFieldAndCellOfTheRendering(String stem, String file) throws Exception {
        ParseResult r = parseRendering(stem, file);
        JsonNode actual = ParsedReportJson.toTree(r.report(), r.table3Unplaced());
        JsonNode truth = TruthComparison.truth(stem);
        assertThat(TruthComparison.metadata(actual, truth)).as("metadata").isEmpty();
        String table3 = truth.has("table3_as_rendered") ? "table3_as_rendered" : "table3";
        assertThat(TruthComparison.cells(actual, truth, table3).mismatches()).as("cells").isEmpty();
        assertThat(r.report().template()).isEqualTo("2019");
        assertThat(r.table3Unplaced()).isEmpty();
        assertThat(r.report().checksHold()).as("checks %s", r.report().checks()).isTrue();
    }
}
