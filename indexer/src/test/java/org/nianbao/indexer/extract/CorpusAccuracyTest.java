package org.nianbao.indexer.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Table 3 of every structured or text-layer rendering of the five corpus reports, every cell exact. */
class CorpusAccuracyTest {
    static final List<String> STEMS = List.of("000_ce2cda99d1cc7ffa", "001_d3dbc75fcf03ce83", "002_b6c5992465737a46",
            "003_e497ca72f28c193c", "004_094e7d90817e6489");
    static final List<String> RENDERINGS = List.of("report.utf8.html", "report.gbk.html", "report.docx", "report.doc", "report.pdf");

    private final Extractors extractors = Extractors.defaults();

    static Stream<Arguments> renderings() {
        return STEMS.stream().flatMap(s -> RENDERINGS.stream().map(r -> Arguments.of(s, r)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderings")
    void table3CellsEqualTruth(String stem, String rendering) throws Exception {
        Path file = Table3Check.corpus().resolve("docs").resolve(stem).resolve(rendering);
        ExtractedDocument doc = extractors.extract(file, null, rendering);

        assertThat(doc.error()).isNull();
        Table3Check.Result r = Table3Check.compare(doc, stem);
        assertThat(r.mismatches()).as("table 3 of %s/%s", stem, rendering).isEmpty();
        assertThat(r.matched()).isEqualTo(Table3Check.ROWS * Table3Check.COLS);
        assertThat(doc.text()).contains("收到和处理政府信息公开申请情况");
    }
}
