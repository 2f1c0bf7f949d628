package org.nianbao.indexer.extract.word;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WordExtractorTest {
    private static final Path DOCS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "004_094e7d90817e6489");
    private final Extractors extractors = Extractors.defaults();

    @Test
    void wpsFileInTheOle2WordFormatIsReadWithItsTables() throws Exception {
        ExtractedDocument doc = extractors.extract(Files.readAllBytes(DOCS.resolve("report.doc")), null, "年报.wps");

        assertThat(doc.format()).isEqualTo("wps");
        assertThat(doc.error()).isNull();
        assertThat(doc.text()).contains("收到和处理政府信息公开申请情况");
        assertThat(doc.tables()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void docAndDocxGiveTheSameTables() throws Exception {
        ExtractedDocument doc = extractors.extract(DOCS.resolve("report.doc"), null, null);
        ExtractedDocument docx = extractors.extract(DOCS.resolve("report.docx"), null, null);

        assertThat(doc.tables()).isEqualTo(docx.tables());
    }

    @Test
    void passwordProtectedDocxIsMarkedEncrypted() throws Exception {
        byte[] plain = Files.readAllBytes(DOCS.resolve("report.docx"));
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        enc.confirmPassword("secret");
        try (OutputStream os = enc.getDataStream(fs)) {
            os.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);

        ExtractedDocument doc = extractors.extract(out.toByteArray(), null, "report.docx");

        assertThat(doc.error()).startsWith("encrypted");
        assertThat(doc.text()).isEmpty();
    }
}
