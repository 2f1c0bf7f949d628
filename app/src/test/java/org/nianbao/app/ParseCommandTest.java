package org.nianbao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCommandTest {

    private static final Path DOCS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs");
    private static final Path SEEDS = Path.of(System.getProperty("nianbao.shared"), "corpus", "seeds-text");

    @TempDir
    Path work;

    @Test
    void printsOneTruthShapedObjectForOneFile() throws Exception {
        CliRunner.Result r = new CliRunner(work).run(Duration.ofMinutes(2), "parse", "--json",
                DOCS.resolve("002_b6c5992465737a46/report.docx").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.stdout());
        assertThat(o.isObject()).isTrue();
        assertThat(o.get("agency").asText()).isEqualTo("灵武市人民政府");
        assertThat(o.get("region_city").asText()).isEqualTo("银川市");
        assertThat(o.get("portal_url").asText()).isEqualTo("http://www.nx1w.gov.cn/");
        assertThat(o.get("table2").get("其他对外管理服务事项").get(1).asLong()).isEqualTo(-1);
        assertThat(o.get("table4").get(0).isNull()).isTrue();
        assertThat(o.get("checks")).allMatch(c -> c.get("holds").asBoolean());
    }

    @Test
    void printsAnArrayForSeveralFiles() throws Exception {
        CliRunner.Result r = new CliRunner(work).run(Duration.ofMinutes(2), "parse", "--json",
                SEEDS.resolve("003_e497ca72f28c193c.txt").toString(),
                DOCS.resolve("004_094e7d90817e6489/report.gbk.html").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.stdout());
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(2);
        assertThat(a.get(0).get("table3_unplaced").get("新收").get(0).get("value").asInt()).isEqualTo(1);
        assertThat(a.get(1).get("agency").asText()).isEqualTo("中卫市人民政府办公室");
        assertThat(a.get(1).get("table2").get("政府集中采购_金额单位").asText()).isEqualTo("万元");
    }

    @Test
    void reportsAnUnreadableFileInOneLineAndStillParsesTheRest() throws Exception {
        Path missing = work.resolve("missing.pdf");
        CliRunner.Result r = new CliRunner(work).run(Duration.ofMinutes(2), "parse",
                missing.toString(), SEEDS.resolve("001_d3dbc75fcf03ce83.txt").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().lines().filter(l -> l.contains("missing.pdf")).toList()).hasSize(1);
        assertThat(r.stdout()).contains("固原市人民政府2020年政府信息公开工作年度报告").contains("template: 2019")
                .contains("holds");
    }

    @Test
    void refusesToRunWithoutFiles() throws Exception {
        CliRunner.Result r = new CliRunner(work).run(Duration.ofMinutes(1), "parse");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("FILE");
    }
}
