package org.nianbao.indexer.synth;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.ReportRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticReportsTest {

    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(Path.of(System.getProperty("nianbao.shared"), "corpus", "seeds-text"))) {
            for (Path p : files.sorted().toList()) texts.add(Files.readString(p));
        }
        return texts;
    }

    @Test
    void reportsAreDeterministicDistinctAndSpreadOverUnitsAndYears() throws Exception {
        SyntheticReports gen = new SyntheticReports(texts(), 3);
        assertThat(gen.report(77)).isEqualTo(new SyntheticReports(texts(), 3).report(77));
        assertThat(gen.distinctReports()).isGreaterThan(100_000);
        Set<String> ids = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            ReportRecord r = gen.report(i * 41);
            ids.add(r.id());
            years.add(r.parsed().reportYear());
            provinces.add(r.parsed().regionProvince());
            levels.add(r.parsed().adminLevel());
            assertThat(r.text()).contains(r.parsed().title()).hasSizeGreaterThan(1500);
        }
        assertThat(ids).hasSize(3000);
        assertThat(years).hasSize(17).contains(2008, 2024);
        assertThat(provinces.size()).isGreaterThan(10);
        assertThat(levels).containsExactlyInAnyOrder("province", "city", "county");
    }

    @Test
    void tablesBalanceExceptTheDeliberateMisprints() throws Exception {
        SyntheticReports gen = new SyntheticReports(texts(), 9);
        int failing = 0;
        for (int i = 0; i < 2000; i++) {
            ReportRecord r = gen.report(i);
            var f = Figures.of(r.parsed());
            assertThat(f.get("t3.新收.总计").longValue() + f.get("t3.上年结转.总计").longValue())
                    .isEqualTo(f.get("t3.总计.总计").longValue() + f.get("t3.结转下年度继续办理.总计").longValue());
            if (!r.parsed().checksHold()) {
                failing++;
                assertThat(r.parsed().checks()).anyMatch(c -> !c.holds() && c.name().contains("table3"));
            }
        }
        assertThat(failing).isBetween(40, 200);
    }
}
