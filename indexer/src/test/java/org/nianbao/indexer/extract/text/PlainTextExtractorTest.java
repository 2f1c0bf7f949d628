package org.nianbao.indexer.extract.text;

import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextExtractorTest {
    private final Extractors extractors = Extractors.defaults();

    @Test
    void seedTextIsTakenAsIs() throws Exception {
        Path seed = Path.of(System.getProperty("nianbao.shared"), "corpus", "seeds-text", "003_e497ca72f28c193c.txt");

        ExtractedDocument doc = extractors.extract(seed, null, null);

        assertThat(doc.format()).isEqualTo("text");
        assertThat(doc.method()).isEqualTo("plain");
        assertThat(doc.error()).isNull();
        assertThat(doc.text()).isEqualTo(Files.readString(seed).replace("\r\n", "\n"));
    }

    @Test
    void gbkTextIsDecoded() {
        byte[] gbk = "政府信息公开工作年度报告\n二〇二一年".getBytes(Charset.forName("GBK"));

        ExtractedDocument doc = extractors.extract(gbk, "text/plain", "a.txt");

        assertThat(doc.text()).isEqualTo("政府信息公开工作年度报告\n二〇二一年");
    }
}
