package org.nianbao.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A variant changes agency and year only: its statistical tables are the corpus report's, cell for cell. */
class VariantTablesTest {
    static final Pattern TABLE = Pattern.compile("<table(?! class=\"xxgk-meta\").*?</table>", Pattern.DOTALL);

    static List<String> tables(String html) {
        return TABLE.matcher(html).results().map(MatchResult::group).toList();
    }

    @Test
    void everyVariantCarriesTheTablesOfItsCorpusReportInEitherCharset() throws Exception {
        FarmConfig config = FarmConfig.small().withHosts(5).withReports(20, 20)
                .withStyles(List.of(CmsStyle.SIMPLE, CmsStyle.PAGED_GBK));
        Charset gbk = Charset.forName("GBK");
        Set<String> stems = new HashSet<>();
        Set<String> charsets = new HashSet<>();
        try (PortalFarm farm = PortalFarm.start(config); SimHttp http = new SimHttp(farm)) {
            for (FarmTruth.ReportTruth v : farm.truth().reports()) {
                if (!v.variant()) continue;
                boolean isGbk = v.flags().contains("gbk");
                Path file = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", v.corpusStem(),
                        isGbk ? "report.gbk.html" : "report.utf8.html");
                String corpus = new String(Files.readAllBytes(file), isGbk ? gbk : StandardCharsets.UTF_8);
                String served = new String(http.get(v.url()).body(), isGbk ? gbk : StandardCharsets.UTF_8);
                assertThat(tables(corpus)).hasSizeGreaterThanOrEqualTo(3);
                assertThat(tables(served)).as(v.url().toString()).isEqualTo(tables(corpus));
                assertThat(served).contains(v.agency() + v.year() + "年政府信息公开工作年度报告");
                stems.add(v.corpusStem());
                charsets.add(isGbk ? "GBK" : "UTF-8");
            }
        }
        assertThat(stems).hasSize(5);
        assertThat(charsets).containsExactlyInAnyOrder("GBK", "UTF-8");
    }
}
