package org.nianbao.indexer.extract.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractedDocument.Table;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.ExtractionException;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.layout.GridDetector;
import org.nianbao.indexer.extract.layout.PageLayout;
import org.nianbao.indexer.extract.layout.TableStitcher;
import org.nianbao.indexer.extract.layout.TextBox;
import org.nianbao.indexer.extract.ocr.OcrEngine;
import org.nianbao.indexer.extract.ocr.ScanReader;
import org.nianbao.indexer.extract.table.TableAssembler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF via PDFBox 3: text in reading order from the glyph positions, tables from ruling lines and the
 * glyphs inside each cell, tables cut by page breaks joined again. Pages without a text layer but
 * covered by an image are scans: they are OCRed when an engine is available, else the document is
 * marked {@code needs_ocr}.
 */
public final class PdfExtractor implements FormatExtractor {
    private static final Logger log = LoggerFactory.getLogger(PdfExtractor.class);
    private static final double PT_TOLERANCE = 2.0;

    private final OcrEngine ocr;

    public PdfExtractor(OcrEngine ocr) {
        this.ocr = ocr;
    }

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) throws Exception {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes)); // tries the empty user password
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("encrypted: the PDF needs a password to open");
        }
        try (doc) {
            return read(doc, ctx);
        }
    }

    private ExtractedDocument read(PDDocument doc, ExtractionContext ctx) {
        List<String> warnings = new ArrayList<>();
        if (doc.isEncrypted()) warnings.add("encrypted with an empty user password; read without one");
        int total = doc.getNumberOfPages();
        int limit = Math.min(total, ctx.limits().maxPages());
        if (total > limit) warnings.add("page cap: read " + limit + " of " + total + " pages");

        GlyphCollector glyphs = new GlyphCollector();
        GridDetector grids = new GridDetector(PT_TOLERANCE);
        List<PageLayout.Page> pages = new ArrayList<>();
        List<Integer> scanned = new ArrayList<>();
        int ocred = 0;
        ScanReader scanReader = new ScanReader(ocr, ctx.limits());
        PDFRenderer renderer = new PDFRenderer(doc);
        String ocrMissing = null;
        for (int i = 1; i <= limit; i++) {
            if (ctx.budget().exhausted()) {
                warnings.add("time budget of " + ctx.budget().total() + " spent after " + (i - 1) + " of " + total + " pages; rest skipped");
                break;
            }
            try {
                PDPage page = doc.getPage(i - 1);
                RulingCollector rc = new RulingCollector(page, ctx.limits().maxImagePixels());
                rc.run();
                List<TextBox> boxes = glyphs.collect(doc, i);
                double height = page.getCropBox().getHeight();
                if (boxes.size() < 5 && rc.imageCoverage() > 0.3) {
                    scanned.add(i);
                    if (rc.oversizedImage() != null) {
                        warnings.add("page " + i + ": " + rc.oversizedImage() + "; not rendered for OCR");
                    } else if (!ocr.available()) {
                        ocrMissing = ocr.unavailableReason();
                    } else {
                        BufferedImage img = render(renderer, page, i, ctx, warnings);
                        if (img != null) {
                            pages.add(scanReader.read(i, img, ctx.budget().remaining()));
                            ocred++;
                        }
                    }
                    continue;
                }
                pages.add(PageLayout.lay(i, height, boxes, grids.detect(rc.rulings())));
            } catch (ExtractionException e) {
                warnings.add("page " + i + ": " + e.getMessage());
            } catch (Exception | StackOverflowError e) {
                log.debug("page {} unreadable", i, e);
                warnings.add("page " + i + " unreadable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        boolean ocrRan = !scanned.isEmpty() && ocr.available();
        String method = !ocrRan ? "text-layer" : ocred == pages.size() ? "ocr" : "text-layer+ocr";
        if (ocrMissing != null) {
            method = "needs_ocr";
            warnings.add("needs_ocr: " + scanned.size() + " scanned page(s) without a text layer (" + pageList(scanned) + "), not read: " + ocrMissing);
        }
        List<Table> tables = new TableStitcher(ocred > 0 ? 12 : 3).stitch(pages);
        String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
        return new ExtractedDocument(Format.PDF.id(), title == null || title.isBlank() ? null : title.strip(), text(pages), tables,
                total, method, warnings, null, List.of());
    }

    private static BufferedImage render(PDFRenderer renderer, PDPage page, int i, ExtractionContext ctx, List<String> warnings)
            throws java.io.IOException {
        int dpi = ctx.limits().ocrDpi();
        double px = (page.getCropBox().getWidth() * dpi / 72.0) * (page.getCropBox().getHeight() * dpi / 72.0);
        if (px > ctx.limits().maxImagePixels()) {
            warnings.add("page " + i + " would render to " + (long) px + " pixels, over the limit; not OCRed");
            return null;
        }
        return renderer.renderImageWithDPI(i - 1, dpi, ImageType.GRAY);
    }

    static String text(List<PageLayout.Page> pages) {
        StringBuilder sb = new StringBuilder();
        for (PageLayout.Page p : pages) {
            for (PageLayout.Block b : p.blocks()) {
                if (b.line() != null) sb.append(b.line()).append('\n');
                else sb.append(TableAssembler.asText(TableAssembler.assemble(b.table().cells())));
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String pageList(List<Integer> pages) {
        if (pages.size() > 10) return "pages " + pages.getFirst() + "–" + pages.getLast();
        return "page " + String.join(", ", pages.stream().map(String::valueOf).toList());
    }
}
