package org.nianbao.indexer.extract;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectorTest {
    private final FormatDetector detector = new FormatDetector();
    private static final Path DOCS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "001_d3dbc75fcf03ce83");

    @Test
    void magicBytesWinOverAMisleadingNameAndContentType() throws Exception {
        assertThat(detector.detect(Files.readAllBytes(DOCS.resolve("report.pdf")), "text/html", "report.doc")).isEqualTo(Format.PDF);
        assertThat(detector.detect(Files.readAllBytes(DOCS.resolve("report.docx")), "application/msword", "report.doc")).isEqualTo(Format.DOCX);
        assertThat(detector.detect(Files.readAllBytes(DOCS.resolve("report.doc")), "application/octet-stream", "x.pdf")).isEqualTo(Format.DOC);
        assertThat(detector.detect(Files.readAllBytes(DOCS.resolve("report.gbk.html")), null, "download.pdf")).isEqualTo(Format.HTML);
    }

    @Test
    void ole2WithWpsNameIsWps() throws Exception {
        assertThat(detector.detect(Files.readAllBytes(DOCS.resolve("report.doc")), null, "年报.wps")).isEqualTo(Format.WPS);
    }

    @Test
    void contentTypeDecidesBeforeTheExtensionWhenMagicSaysNothing() {
        byte[] text = "just words".getBytes();
        assertThat(detector.detect(text, "text/html; charset=utf-8", "a.txt")).isEqualTo(Format.HTML);
        assertThat(detector.detect(text, null, "a.htm")).isEqualTo(Format.HTML);
        assertThat(detector.detect(text, null, null)).isEqualTo(Format.TEXT);
        assertThat(detector.detect(new byte[] {0, 1, 2, 3}, null, null)).isEqualTo(Format.UNKNOWN);
    }
}
