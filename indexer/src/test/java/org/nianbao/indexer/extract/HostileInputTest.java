package org.nianbao.indexer.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.indexer.extract.TestDocuments.utf8;

/** Every kind of bad input ends as a document with an error or warnings and whatever could be read. */
class HostileInputTest {
    private final Extractors extractors = Extractors.defaults();
    private static final Path CORPUS = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "002_b6c5992465737a46");

    @Test
    void pdfEncryptedWithAnEmptyUserPasswordIsRead() throws Exception {
        ExtractedDocument doc = extractors.extract(TestDocuments.pdf(2, ""), null, "a.pdf");

        assertThat(doc.error()).isNull();
        assertThat(doc.text()).contains("annual report page 1", "annual report page 2");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("encrypted"));
    }

    @Test
    void pdfThatNeedsAPasswordIsMarkedEncrypted() throws Exception {
        ExtractedDocument doc = extractors.extract(TestDocuments.pdf(2, "secret"), null, "a.pdf");

        assertThat(doc.format()).isEqualTo("pdf");
        assertThat(doc.error()).startsWith("encrypted");
        assertThat(doc.text()).isEmpty();
    }

    @Test
    void truncatedPdfKeepsWhatCanBeReadAndSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(CORPUS.resolve("report.pdf"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        ExtractedDocument doc = extractors.extract(half, "application/pdf", "report.pdf");

        assertThat(doc.format()).isEqualTo("pdf");
        // PDFBox rebuilds what it can of a cut file; either pages come back or the reason does.
        assertThat(doc.error() != null || !doc.warnings().isEmpty() || !doc.text().isEmpty()).isTrue();
        if (doc.error() == null) assertThat(doc.text()).contains("政府信息公开");
    }

    @Test
    void corruptDocxGivesAOneLineError() throws Exception {
        byte[] whole = Files.readAllBytes(CORPUS.resolve("report.docx"));
        byte[] cut = Arrays.copyOf(whole, whole.length / 3);

        ExtractedDocument doc = extractors.extract(cut, null, "report.docx");

        assertThat(doc.format()).isEqualTo("docx");
        assertThat(doc.error()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void corruptDocAndGarbageWithAPdfHeaderGiveErrors() throws Exception {
        byte[] doc = Arrays.copyOf(Files.readAllBytes(CORPUS.resolve("report.doc")), 4000);
        byte[] pdf = utf8("%PDF-1.7\n" + "garbage ".repeat(500));

        assertThat(extractors.extract(doc, null, "a.doc").error()).isNotBlank();
        ExtractedDocument p = extractors.extract(pdf, null, "a.pdf");
        assertThat(p.format()).isEqualTo("pdf");
        assertThat(p.error()).isNotBlank();
    }

    @Test
    void docxZipBombIsRefusedBeforeInflating() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(TestDocuments.CONTENT_TYPES));
        entries.put("_rels/.rels", utf8(TestDocuments.RELS));
        entries.put("word/document.xml", utf8(TestDocuments.documentXml("<w:p><w:r><w:t>hi</w:t></w:r></w:p>")));
        entries.put("word/media/image1.bin", new byte[64 << 20]); // 64 MiB of zeros deflate to ~64 KiB
        byte[] bomb = TestDocuments.zip(entries);
        assertThat(bomb.length).isLessThan(1 << 20);
        Extractors capped = new Extractors(ExtractionLimits.defaults().withZipCaps(16L << 20, 1000), Clock.systemUTC());

        ExtractedDocument doc = capped.extract(bomb, null, "bomb.docx");

        assertThat(doc.format()).isEqualTo("docx");
        assertThat(doc.error()).startsWith("zip bomb").contains("inflates");
    }

    @Test
    void docxWithTooManyEntriesIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("word/document.xml", utf8(TestDocuments.documentXml("")));
        for (int i = 0; i < 300; i++) entries.put("word/x" + i + ".xml", utf8("<a/>"));
        Extractors capped = new Extractors(ExtractionLimits.defaults().withZipCaps(16L << 20, 100), Clock.systemUTC());

        ExtractedDocument doc = capped.extract(TestDocuments.zip(entries), null, "many.docx");

        assertThat(doc.error()).startsWith("zip bomb").contains("entries");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(TestDocuments.CONTENT_TYPES));
        entries.put("_rels/.rels", utf8(TestDocuments.RELS));
        entries.put("word/document.xml", utf8(xxe));

        ExtractedDocument doc = extractors.extract(TestDocuments.zip(entries), null, "xxe.docx");

        assertThat(doc.text()).doesNotContain("TOP-SECRET-42");
        assertThat(doc.error()).contains("DOCTYPE");
    }

    @Test
    void hugeImageIsRefusedFromItsHeader() throws Exception {
        ExtractedDocument doc = extractors.extract(pngHeader(30000, 30000), null, "scan.png");

        assertThat(doc.format()).isEqualTo("image");
        assertThat(doc.error()).contains("30000×30000").contains("limit");
    }

    @Test
    void pageCapReadsTheFirstPagesOfAHugePdf() throws Exception {
        byte[] pdf = TestDocuments.pdf(2000, null);
        Extractors capped = new Extractors(ExtractionLimits.defaults().withMaxPages(20), Clock.systemUTC());

        ExtractedDocument doc = capped.extract(pdf, null, "big.pdf");

        assertThat(doc.error()).isNull();
        assertThat(doc.pages()).isEqualTo(2000);
        assertThat(doc.text()).contains("annual report page 20").doesNotContain("annual report page 21");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("page cap") && w.contains("20 of 2000"));
    }

    @Test
    void timeBudgetStopsASlowDocumentAndKeepsThePagesRead() throws Exception {
        // Each look at the clock costs a second: a 10-second budget lasts a few pages, whatever the machine.
        AtomicLong seconds = new AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }
        };
        Extractors budgeted = new Extractors(ExtractionLimits.defaults().withTimeBudget(Duration.ofSeconds(10)), ticking);

        ExtractedDocument doc = budgeted.extract(TestDocuments.pdf(50, null), null, "slow.pdf");

        assertThat(doc.error()).isNull();
        assertThat(doc.text()).contains("annual report page 1").doesNotContain("annual report page 50");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("time budget"));
    }

    @Test
    void oversizedInputStreamIsNotReadWhole() throws Exception {
        Extractors small = new Extractors(ExtractionLimits.defaults().withMaxInputBytes(1000), Clock.systemUTC());

        ExtractedDocument doc = small.extract(new java.io.ByteArrayInputStream(TestDocuments.pdf(3, null)), null, "a.pdf");

        assertThat(doc.error()).contains("1000-byte input limit");
    }

    @Test
    void unknownBinaryIsUnsupportedNotACrash() {
        ExtractedDocument doc = extractors.extract(new byte[] {0, 1, 2, 3, 4, 5}, "application/octet-stream", "x.bin");

        assertThat(doc.format()).isEqualTo("unknown");
        assertThat(doc.error()).startsWith("unsupported format");
    }

    /** A PNG whose header claims the given size, with a token of image data. */
    static byte[] pngHeader(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            z.write(new byte[w + 1]);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
