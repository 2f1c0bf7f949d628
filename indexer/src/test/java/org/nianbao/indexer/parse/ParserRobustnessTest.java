package org.nianbao.indexer.parse;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Odd input gives a report with warnings, never a crash; only a document without any text is refused. */
class ParserRobustnessTest {

    private final ReportParser parser = new ReportParser(Gazetteer.load());

    private static ExtractedDocument text(String s) {
        return new ExtractedDocument("text", null, s, List.of(), 1, "plain", List.of(), null, List.of());
    }

    @Test
    void aDocumentWithoutTextGivesAnEmptyReportSayingWhy() {
        ExtractedDocument empty = new ExtractedDocument("pdf", null, " ", List.of(), 0, "needs_ocr", List.of(), "no text layer", List.of());
        ParsedReport r = parser.parse(empty, ParseHints.none());
        assertThat(r.template()).isEqualTo("unknown");
        assertThat(r.table3()).isEmpty();
        assertThat(r.checks()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("no text layer");
    }

    @Test
    void aPageThatIsNoReportComesBackUnknownWithWarnings() {
        ParsedReport r = parser.parse(text("通知公告\n关于开展2023年春季植树活动的通知\n各单位：请于3月12日参加。\n"), ParseHints.none());
        assertThat(r.template()).isEqualTo("unknown");
        assertThat(r.title()).isNull();
        assertThat(r.table3()).isEmpty();
        assertThat(r.warnings()).contains("no report title found");
    }

    @Test
    void survivesShuffledTableLinesAndHugeNumbers() {
        Random random = new Random(7);
        String[] labels = {"本年新收", "上年结转", "予以公开", "总计", "结转下年度继续办理", "行政复议", "规章", "第二十条第（一）项",
                "不予公开", "其他处理", "国家秘密", "1.本机关不掌握相关政府信息"};
        for (int round = 0; round < 40; round++) {
            List<String> lines = new ArrayList<>();
            lines.add("某某县人民政府2021年政府信息公开工作年度报告");
            for (int i = 0; i < 60; i++) {
                StringBuilder l = new StringBuilder(labels[random.nextInt(labels.length)]);
                int n = random.nextInt(9);
                for (int j = 0; j < n; j++) l.append(' ').append(random.nextInt(20) == 0 ? "123456789012345678901234" : random.nextInt(5));
                lines.add(random.nextBoolean() ? l.toString() : l.toString().replace(' ', '\t'));
            }
            ParsedReport r = parser.parse(text(String.join("\n", lines)), ParseHints.none());
            assertThat(r.reportYear()).isEqualTo(2021);
            assertThat(r.table3().values()).allSatisfy(row -> assertThat(row).hasSize(7));
            if (r.table4() != null) assertThat(r.table4()).hasSize(15);
        }
    }

    @Test
    void infersTheAgencyFromAnOcrGarbledTitleAndThePlacesTheTextNames() {
        String ocr = "至罗县人民政谋办公室2020怎\n政府信息公天全度:汉千\n根据《条例》规定，编制本报告。本报告电子版可在平罗县人民政府网站查阅。\n"
                + "2020年，平罗县政府办公室共受理申请6件。石嘴山市、平罗县有关部门配合。\n";
        ParsedReport r = parser.parse(text(ocr), ParseHints.none());
        assertThat(r.title()).isNull();
        assertThat(r.agency()).isEqualTo("平罗县人民政府办公室");
        assertThat(r.agencyKind()).isEqualTo("general_office");
        assertThat(r.regionCity()).isEqualTo("石嘴山市");
        assertThat(r.reportYear()).isEqualTo(2020);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("title unreadable; agency inferred as 平罗县人民政府办公室"));
    }
}
