package org.nianbao.crawler.links;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetSnifferTest {

    private final CharsetSniffer sniffer = new CharsetSniffer();
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void prefersTheHttpHeaderAndReadsGbkAsGb18030() {
        byte[] bytes = "<p>年度报告</p>".getBytes(GBK);
        CharsetSniffer.Decision d = sniffer.decide("text/html; charset=GBK", bytes);
        assertThat(d.charset()).isEqualTo(CharsetSniffer.GB18030);
        assertThat(d.source()).isEqualTo("header");
        assertThat(sniffer.decode("text/html; charset=gb2312", bytes)).isEqualTo("<p>年度报告</p>");
    }

    @Test
    void usesAByteOrderMarkAndDropsIt() {
        byte[] body = "\uFEFF<p>公开</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(sniffer.decide("text/html", body).source()).isEqualTo("bom");
        assertThat(sniffer.decode("text/html", body)).isEqualTo("<p>公开</p>");
    }

    @Test
    void readsACharsetDeclaredOnlyInMeta() {
        byte[] body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>政府信息公开</body></html>"
                .getBytes(GBK);
        CharsetSniffer.Decision d = sniffer.decide("text/html", body);
        assertThat(d.source()).isEqualTo("meta");
        assertThat(sniffer.decode("text/html", body)).contains("政府信息公开");
    }

    @Test
    void detectsUtf8OrFallsBackToGb18030WhenNothingIsDeclared() {
        assertThat(sniffer.decide(null, "<p>年报</p>".getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] gbk = "<p>年报：政府信息公开工作年度报告</p>".getBytes(GBK);
        assertThat(sniffer.decide(null, gbk).charset()).isEqualTo(CharsetSniffer.GB18030);
        assertThat(sniffer.decode(null, gbk)).contains("政府信息公开工作年度报告");
    }
}
