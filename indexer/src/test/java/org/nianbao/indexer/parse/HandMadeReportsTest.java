package org.nianbao.indexer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.seeds.gazetteer.Gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made reports in the 2021 layout (one with a deliberate arithmetic error) and one from before 2019. */
class HandMadeReportsTest {

    private static final ReportParser PARSER = new ReportParser(Gazetteer.load());

    /** The table-3 figures both 2021 resources print (the HTML one with 总计/总计 misprinted as 38). */
    private static Map<String, List<Long>> expectedTable3() {
        Map<String, List<Long>> t = new LinkedHashMap<>();
        t.put("新收", l(30, 4, 0, 1, 2, 0, 37));
        t.put("上年结转", l(3, 1, 0, 0, 0, 0, 4));
        t.put("予以公开", l(12, 2, 0, 0, 1, 0, 15));
        t.put("部分公开", l(3, 0, 0, 0, 0, 0, 3));
        t.put("不予公开.属于国家秘密", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予公开.其他法律行政法规禁止公开", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予公开.危及三安全一稳定", l(1, 0, 0, 0, 0, 0, 1));
        t.put("不予公开.保护第三方合法权益", l(2, 0, 0, 0, 0, 0, 2));
        t.put("不予公开.属于三类内部事务信息", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予公开.属于四类过程性信息", l(1, 0, 0, 0, 0, 0, 1));
        t.put("不予公开.属于行政执法案卷", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予公开.属于行政查询事项", l(0, 0, 0, 0, 0, 0, 0));
        t.put("无法提供.本机关不掌握相关政府信息", l(6, 1, 0, 1, 0, 0, 8));
        t.put("无法提供.没有现成信息需要另行制作", l(1, 0, 0, 0, 0, 0, 1));
        t.put("无法提供.补正后申请内容仍不明确", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予处理.信访举报投诉类申请", l(2, 0, 0, 0, 0, 0, 2));
        t.put("不予处理.重复申请", l(1, 0, 0, 0, 0, 0, 1));
        t.put("不予处理.要求提供公开出版物", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予处理.无正当理由大量反复申请", l(0, 0, 0, 0, 0, 0, 0));
        t.put("不予处理.要求行政机关确认或重新出具已获取信息", l(0, 0, 0, 0, 0, 0, 0));
        t.put("其他处理.申请人无正当理由逾期不补正", l(1, 0, 0, 0, 0, 0, 1));
        t.put("其他处理.申请人逾期未按收费通知要求缴纳费用", l(0, 0, 0, 0, 0, 0, 0));
        t.put("其他处理.其他", l(1, 1, 0, 0, 0, 0, 2));
        t.put("总计", l(31, 4, 0, 1, 1, 0, 37));
        t.put("结转下年度继续办理", l(2, 1, 0, 0, 1, 0, 4));
        return t;
    }

    private static final List<Long> TABLE4 = l(1, 1, 0, 1, 3, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1);

    @Test
    void reads2021TablesWithSplitOtherRowsAndFlagsTheMisprintedTotalWithoutFixingIt() throws IOException {
        ExtractedDocument doc = JsoupTables.parse(resource("xingqing-2022-2021template-error.html"));
        ParsedReport r = PARSER.parse(doc, ParseHints.none());

        assertThat(r.template()).isEqualTo("2021");
        assertThat(r.title()).isEqualTo("银川市兴庆区人民政府2022年政府信息公开工作年度报告");
        assertThat(r.agency()).isEqualTo("银川市兴庆区人民政府");
        assertThat(r.agencyKind()).isEqualTo("government");
        assertThat(r.adminLevel()).isEqualTo("county");
        assertThat(List.of(r.regionProvince(), r.regionCity(), r.regionCounty(), r.divisionCode()))
                .containsExactly("宁夏回族自治区", "银川市", "兴庆区", "640104");
        assertThat(r.reportYear()).isEqualTo(2022);
        assertThat(r.portalUrl()).isEqualTo("http://www.xingqing.gov.cn/");
        assertThat(r.table2().keySet()).containsExactly("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费");
        assertThat(r.table2().get("行政规范性文件")).containsExactly(12L, 3L, 57L);
        assertThat(r.table2().get("行政许可")).containsExactly(2456L);
        assertThat(r.table2().get("行政事业性收费")).containsExactly(new BigDecimal("125.6"));
        assertThat(r.procurementUnit()).isNull();

        Map<String, List<Long>> expected = expectedTable3();
        expected.put("总计", l(31, 4, 0, 1, 1, 0, 38));
        assertThat(r.table3()).containsExactlyEntriesOf(expected);
        assertThat(r.table4()).isEqualTo(TABLE4);

        assertThat(r.checksHold()).isFalse();
        assertThat(check(r, ChecksEvaluator.ROWS_SUM).holds()).isFalse();
        assertThat(check(r, ChecksEvaluator.ROWS_SUM).detail()).contains("总计: 37 ≠ 总计 38");
        assertThat(check(r, ChecksEvaluator.BALANCE_TOTAL).holds()).isFalse();
        assertThat(check(r, ChecksEvaluator.RESULTS_SUM).detail()).contains("总计: results 37 ≠ 总计 38");
        assertThat(check(r, ChecksEvaluator.TABLE4_BLOCKS).holds()).isTrue();

        JsonNode json = ParsedReportJson.toTree(r, List.of());
        assertThat(json.get("table2").has("政府集中采购_金额单位")).isFalse();
        assertThat(json.get("table3").get("其他处理.申请人逾期未按收费通知要求缴纳费用").size()).isEqualTo(7);
    }

    @Test
    void reads2021TablesThroughTheProductionHtmlExtractor() throws IOException {
        byte[] html = resource("xingqing-2022-2021template-error.html").getBytes(StandardCharsets.UTF_8);
        ExtractedDocument doc = org.nianbao.indexer.extract.Extractors.defaults().extract(html, "text/html", "report.html");
        ParsedReport r = PARSER.parse(doc, ParseHints.none());
        assertThat(r.template()).isEqualTo("2021");
        assertThat(r.agency()).isEqualTo("银川市兴庆区人民政府");
        Map<String, List<Long>> expected = expectedTable3();
        expected.put("总计", l(31, 4, 0, 1, 1, 0, 38));
        assertThat(r.table3()).containsExactlyEntriesOf(expected);
        assertThat(r.table2().get("行政处罚")).containsExactly(389L);
        assertThat(r.table4()).isEqualTo(TABLE4);
        assertThat(check(r, ChecksEvaluator.ROWS_SUM).holds()).isFalse();
    }

    @Test
    void readsFlattened2021TextWithWrappedAndVerticalLabels() throws IOException {
        ExtractedDocument doc = text(resource("xiji-2021-2021template.txt"));
        ParsedReport r = PARSER.parse(doc, ParseHints.none());

        assertThat(r.template()).isEqualTo("2021");
        assertThat(r.title()).isEqualTo("西吉县人民政府办公室2021年政府信息公开工作年度报告");
        assertThat(r.agencyKind()).isEqualTo("general_office");
        assertThat(List.of(r.regionCity(), r.regionCounty())).containsExactly("固原市", "西吉县");
        assertThat(r.portalUrl()).isEqualTo("http://www.nxxj.gov.cn/");
        assertThat(r.table2().get("行政规范性文件")).containsExactly(12L, 3L, 57L);
        assertThat(r.table2().get("行政强制")).containsExactly(17L);
        assertThat(r.table3()).containsExactlyEntriesOf(expectedTable3());
        assertThat(r.table4()).isEqualTo(TABLE4);
        assertThat(r.checks()).hasSize(5).allMatch(ParsedReport.Check::holds);
    }

    @Test
    void neverPutsAFigureInTheWrongColumnWhenBlankCellsAreDropped() throws IOException {
        // The same 2021 report printing only its non-zero cells, flattened: zeros vanish without a trace.
        String sparse = resource("xiji-2021-2021template.txt").lines()
                .map(line -> line.matches(".*\\d.*") && !line.contains("2021") ? line.replaceAll("(?<=\\s|^)0(?=\\s|$)", "").replaceAll(" +", " ").strip() : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        ParseResult result = PARSER.parseDetailed(text(sparse), ParseHints.none());
        ParsedReport r = result.report();
        Map<String, List<Long>> truth = expectedTable3();
        int placed = 0;
        for (Map.Entry<String, List<Long>> e : truth.entrySet()) {
            List<Long> got = r.table3().get(e.getKey());
            assertThat(got).as(e.getKey()).isNotNull();
            for (int c = 0; c < 7; c++) {
                Long want = e.getValue().get(c) == 0 ? null : e.getValue().get(c);
                if (got.get(c) != null) {
                    assertThat(got.get(c)).as(e.getKey() + "[" + c + "]").isEqualTo(want);
                    placed++;
                } else if (want != null) {
                    // Not placed: it must be reported with its true column among the candidates.
                    String column = Templates.TABLE3_COLUMNS.get(c);
                    assertThat(result.table3Unplaced()).as(e.getKey() + "[" + c + "]")
                            .anyMatch(u -> u.row().equals(e.getKey()) && u.value() == want && u.candidateColumns().contains(column));
                }
            }
        }
        // The 自然人 and 总计 figures of every printed row are pinned down by the checks; the small 法人
        // counts can swap columns without breaking any identity, so those are left to the reader.
        long naturalAndTotal = truth.values().stream().mapToLong(row -> (row.get(0) != 0 ? 1 : 0) + (row.get(6) != 0 ? 1 : 0)).sum();
        assertThat(placed).isEqualTo(naturalAndTotal);
        assertThat(result.table3Unplaced()).isNotEmpty();
        assertThat(r.checks()).allMatch(ParsedReport.Check::holds);
    }

    @Test
    void keepsAPre2019ReportFreeFormWithoutForcingTemplateKeys() throws IOException {
        ParsedReport r = PARSER.parse(text(resource("longde-2017-pre2019.txt")), ParseHints.none());

        assertThat(r.template()).isEqualTo("pre2019");
        assertThat(r.title()).isEqualTo("隆德县人民政府2017年政府信息公开工作年度报告");
        assertThat(r.agency()).isEqualTo("隆德县人民政府");
        assertThat(r.reportYear()).isEqualTo(2017);
        assertThat(List.of(r.regionProvince(), r.regionCity(), r.regionCounty()))
                .containsExactly("宁夏回族自治区", "固原市", "隆德县");
        assertThat(r.portalUrl()).isEqualTo("http://www.nxld.gov.cn");
        assertThat(r.table2()).isEmpty();
        assertThat(r.table3()).isEmpty();
        assertThat(r.table4()).isNull();
        assertThat(r.checks()).isEmpty();
        JsonNode json = ParsedReportJson.toTree(r, List.of());
        assertThat(json.has("table3")).isFalse();
        assertThat(json.get("template").asText()).isEqualTo("pre2019");
    }

    @Test
    void detectsThe2019LayoutFromTheTableEvenInA2022Report() throws IOException {
        String seed = Files.readString(TruthComparison.corpus().resolve("seeds-text/000_ce2cda99d1cc7ffa.txt"));
        ParsedReport r = PARSER.parse(text(seed.replaceFirst("2020 年政府信息公开工作年度报告", "2022 年政府信息公开工作年度报告")),
                ParseHints.none());
        assertThat(r.reportYear()).isEqualTo(2022);
        assertThat(r.template()).isEqualTo("2019");
        assertThat(r.table3()).containsKey("其他处理");
    }

    @Test
    void seedUnitWinsTheRegionAndADisagreementIsAWarning() throws IOException {
        String seed = Files.readString(TruthComparison.corpus().resolve("seeds-text/003_e497ca72f28c193c.txt"));
        ParsedReport agree = PARSER.parse(text(seed), new ParseHints("平罗县人民政府", "640221", null));
        assertThat(agree.regionCounty()).isEqualTo("平罗县");
        assertThat(agree.warnings()).noneMatch(w -> w.contains("seed unit"));

        ParsedReport disagree = PARSER.parse(text(seed), new ParseHints("惠农区人民政府", null, null));
        assertThat(disagree.agency()).isEqualTo("平罗县人民政府办公室");
        assertThat(disagree.regionCounty()).isEqualTo("惠农区");
        assertThat(disagree.divisionCode()).isEqualTo("640205");
        assertThat(disagree.warnings()).anyMatch(w -> w.contains("seed unit 惠农区人民政府") && w.contains("平罗县"));
    }

    private static ParsedReport.Check check(ParsedReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static ExtractedDocument text(String text) {
        return new ExtractedDocument("text", null, text, List.of(), 1, "plain", List.of(), null, List.of());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HandMadeReportsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Long> l(long... v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
