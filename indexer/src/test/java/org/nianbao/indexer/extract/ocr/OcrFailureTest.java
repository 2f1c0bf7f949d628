package org.nianbao.indexer.extract.ocr;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractionLimits;
import org.nianbao.indexer.extract.Extractors;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A scan whose OCR cannot happen is kept, marked, and explained; a stuck or crashing OCR is contained. */
class OcrFailureTest {
    private static final Path SCAN = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs", "004_094e7d90817e6489", "report.scan.pdf");

    @Test
    void scanWithoutTesseractIsMarkedNeedsOcr() throws Exception {
        Extractors noOcr = new Extractors(ExtractionLimits.defaults().withTesseract("/nonexistent/tesseract"), Clock.systemUTC());

        ExtractedDocument doc = noOcr.extract(SCAN, "application/pdf", "report.scan.pdf");

        assertThat(doc.method()).isEqualTo("needs_ocr");
        assertThat(doc.pages()).isGreaterThan(1);
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("needs_ocr") && w.contains("tesseract not found"));
    }

    @Test
    void hangingOcrIsKilledAtItsTimeout(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "sleep 60");
        Extractors slow = new Extractors(ExtractionLimits.defaults().withTesseract(fake.toString())
                .withOcrPageTimeout(Duration.ofSeconds(1)), Clock.systemUTC());
        long start = System.nanoTime();

        ExtractedDocument doc = slow.extract(onePageScan(), null, "scan.pdf");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(doc.error()).isNull();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("OCR timed out"));
    }

    @Test
    void crashingOcrDoesNotTakeTheRunDown(@TempDir Path dir) throws Exception {
        Path fake = script(dir, "kill -SEGV $$");
        Extractors crashing = new Extractors(ExtractionLimits.defaults().withTesseract(fake.toString()), Clock.systemUTC());

        ExtractedDocument doc = crashing.extract(onePageScan(), null, "scan.pdf");

        assertThat(doc.format()).isEqualTo("pdf");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("tesseract failed"));
    }

    /** A stand-in tesseract that knows chi_sim and then does the given thing. */
    private static Path script(Path dir, String action) throws Exception {
        Path f = dir.resolve("tesseract");
        Files.writeString(f, "#!/bin/sh\nif [ \"$1\" = \"--list-langs\" ]; then echo 'List of available languages (1):'; echo chi_sim; exit 0; fi\n" + action + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    /** A PDF page that is only an image, as scanners make them. */
    static byte[] onePageScan() throws Exception {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        g.drawRect(50, 50, 500, 100);
        g.dispose();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
