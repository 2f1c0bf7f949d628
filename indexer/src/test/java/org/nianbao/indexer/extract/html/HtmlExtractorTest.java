package org.nianbao.indexer.extract.html;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Cell;
import org.nianbao.indexer.extract.Extractors;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlExtractorTest {
    private final Extractors extractors = Extractors.defaults();
    private static final Path PAGE = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "000_ce2cda99d1cc7ffa");

    @Test
    void keepsTheArticleAndDropsSiteChrome() throws Exception {
        ExtractedDocument doc = extractors.extract(PAGE.resolve("report.utf8.html"), "text/html", "http://www.wuzhong.gov.cn/a/report.html");

        assertThat(doc.format()).isEqualTo("html");
        assertThat(doc.method()).isEqualTo("markup");
        assertThat(doc.title()).isEqualTo("吴忠市人民政府办公室2020年政府信息公开工作年度报告");
        assertThat(doc.text()).startsWith("吴忠市人民政府办公室2020年政府信息公开工作年度报告")
                .contains("一、总体情况", "网站网址为http://www.wuzhong.gov.cn/")
                .doesNotContain("要闻动态", "当前位置", "版权所有", "发布机构", "字号");
        assertThat(doc.links()).contains("http://www.wuzhong.gov.cn/a/report.pdf", "http://www.wuzhong.gov.cn/a/report.doc");
    }

    @Test
    void gbkPageDeclaredGb2312ReadsLikeTheUtf8Page() throws Exception {
        ExtractedDocument utf8 = extractors.extract(PAGE.resolve("report.utf8.html"), null, "report.utf8.html");
        ExtractedDocument gbk = extractors.extract(PAGE.resolve("report.gbk.html"), null, "report.gbk.html");

        assertThat(gbk.text()).isEqualTo(utf8.text());
        assertThat(gbk.tables()).isEqualTo(utf8.tables());
        assertThat(gbk.warnings()).isEmpty();
    }

    @Test
    void charsetIsDetectedWhenNeitherHeaderNorMetaNamesIt() {
        byte[] html = "<html><body><p>政府信息公开工作年度报告</p></body></html>".getBytes(Charset.forName("GBK"));

        ExtractedDocument doc = extractors.extract(html, "text/html", null);

        assertThat(doc.text()).isEqualTo("政府信息公开工作年度报告");
    }

    @Test
    void headerCharsetWinsOverMeta() {
        String page = "<html><head><meta charset=\"gbk\"></head><body><p>年度报告</p></body></html>";
        ExtractedDocument doc = extractors.extract(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", null);

        assertThat(doc.text()).isEqualTo("年度报告");
    }

    @Test
    void gbkPageServedWithADefaultUtf8HeaderIsStillRead() throws Exception {
        ExtractedDocument utf8 = extractors.extract(PAGE.resolve("report.utf8.html"), null, null);
        byte[] gbk = Files.readAllBytes(PAGE.resolve("report.gbk.html"));

        ExtractedDocument doc = extractors.extract(gbk, "text/html; charset=UTF-8", "report.html");

        assertThat(doc.text()).isEqualTo(utf8.text());
    }

    @Test
    void rowspanAndColspanBecomeCellSpans() {
        String page = "<html><body><div id=zoom><p>表</p><table>"
                + "<tr><td rowspan=2 colspan=2>项目</td><td>甲</td></tr><tr><td>1</td></tr></table></div></body></html>";

        ExtractedDocument doc = extractors.extract(page.getBytes(StandardCharsets.UTF_8), null, "x.html");

        assertThat(doc.tables()).hasSize(1);
        assertThat(doc.tables().getFirst().rows().get(0)).containsExactly(new Cell("项目", 2, 2, 0), new Cell("甲", 1, 1, 0));
        assertThat(doc.tables().getFirst().rows().get(1)).containsExactly(new Cell("1", 1, 1, 0));
    }

    @Test
    void bomOverridesAWrongMeta() throws Exception {
        byte[] body = "<html><head><meta charset=gb2312></head><body><p>报告</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path f = Files.createTempFile("bom", ".html");
        try {
            Files.write(f, withBom);
            assertThat(extractors.extract(f, null, null).text()).isEqualTo("报告");
        } finally {
            Files.delete(f);
        }
    }
}
