package org.nianbao.indexer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flattened-text path against the hand-checked truth of the five seed texts. */
class SeedTextAccuracyTest {

    private static final ReportParser PARSER = new ReportParser(Gazetteer.load());
    static final List<String> STEMS = TruthComparison.STEMS;

    static ParseResult parseSeed(String stem) throws Exception {
        String text = Files.readString(TruthComparison.corpus().resolve("seeds-text").resolve(stem + ".txt"));
        ExtractedDocument doc = new ExtractedDocument("text", null, text, List.of(), 1, "plain", List.of(), null, List.of());
        return PARSER.parseDetailed(doc, ParseHints.none());
    }

    @ParameterizedTest
    @FieldSource("STEMS")
    void readsEveryMetadataFieldOfTheSeedText(String stem) throws Exception {
        ParseResult r = parseSeed(stem);
        JsonNode actual = ParsedReportJson.toTree(r.report(), r.table3Unplaced());
        assertThat(TruthComparison.metadata(actual, TruthComparison.truth(stem))).isEmpty();
        assertThat(r.report().template()).isEqualTo("2019");
    }

    @ParameterizedTest
    @FieldSource("STEMS")
    void readsEveryTableCellOfTheSeedText(String stem) throws Exception {
        ParseResult r = parseSeed(stem);
        JsonNode actual = ParsedReportJson.toTree(r.report(), r.table3Unplaced());
        TruthComparison.Score score = TruthComparison.cells(actual, TruthComparison.truth(stem), "table3");
        assertThat(score.mismatches()).isEmpty();
        assertThat(r.report().checksHold()).as("checks %s", r.report().checks()).isTrue();
    }
}
