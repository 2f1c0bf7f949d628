package org.nianbao.indexer.extract.ocr;

import org.nianbao.indexer.extract.ExtractionException;
import org.nianbao.indexer.extract.ExtractionLimits;
import org.nianbao.indexer.extract.layout.Grid;
import org.nianbao.indexer.extract.layout.GridDetector;
import org.nianbao.indexer.extract.layout.PageLayout;
import org.nianbao.indexer.extract.layout.Ruling;
import org.nianbao.indexer.extract.layout.TextBox;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scanned page: straightens it, finds the table rulings in the pixels, erases them, OCRs the
 * rest, and lays the recognised words into text lines and table cells like a text-layer page.
 */
public final class ScanReader {
    private final OcrEngine ocr;
    private final ExtractionLimits limits;

    public ScanReader(OcrEngine ocr, ExtractionLimits limits) {
        this.ocr = ocr;
        this.limits = limits;
    }

    public PageLayout.Page read(int pageNumber, BufferedImage page, Duration budgetLeft) throws ExtractionException {
        BufferedImage gray = toGray(page);
        BufferedImage straight = Deskew.rotate(gray, Deskew.angleDegrees(gray));
        int dpi = limits.ocrDpi();
        List<Ruling> rulings = new RasterRulings(dpi).find(straight);
        double tol = Math.max(3, dpi / 30.0);
        List<Grid> grids = new GridDetector(tol).detect(rulings);
        BufferedImage clean = RasterRulings.erase(straight, rulings);
        Duration timeout = budgetLeft.compareTo(limits.ocrPageTimeout()) < 0 ? budgetLeft : limits.ocrPageTimeout();
        if (timeout.isZero()) throw new ExtractionException("time budget spent before OCR");
        List<TextBox> boxes = new ArrayList<>();
        for (OcrEngine.OcrWord w : ocr.words(clean, timeout)) {
            boxes.add(new TextBox(w.x(), w.y(), w.w(), w.h(), w.text()));
        }
        PageLayout.Page laid = PageLayout.lay(pageNumber, straight.getHeight(), boxes, grids);
        List<PageLayout.PageTable> tables = laid.tables();
        FigureSheet sheet = new FigureSheet();
        if (tables.isEmpty() || !sheet.build(straight, tables)) return laid;
        List<String> readings = new ArrayList<>(ocr.figures(sheet.crops(), timeout));
        List<Integer> missed = sheet.missed(readings);
        if (!missed.isEmpty()) {
            List<String> second = ocr.figures(sheet.grayCrops(missed), timeout);
            for (int k = 0; k < missed.size() && k < second.size(); k++) readings.set(missed.get(k), second.get(k));
        }
        for (int i : sheet.missed(readings)) readings.set(i, sheet.firstReading(i));
        List<PageLayout.PageTable> reread = sheet.apply(tables, readings);
        List<PageLayout.Block> blocks = new ArrayList<>();
        int t = 0;
        for (PageLayout.Block b : laid.blocks()) {
            blocks.add(b.table() == null ? b : new PageLayout.Block(b.top(), null, reread.get(t++)));
        }
        return new PageLayout.Page(laid.number(), laid.height(), blocks);
    }

    static BufferedImage toGray(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) return img;
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(img, 0, 0, null);
        return g;
    }
}
