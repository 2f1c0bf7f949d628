package org.nianbao.indexer.extract.image;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.ExtractionException;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.layout.PageLayout;
import org.nianbao.indexer.extract.ocr.OcrEngine;
import org.nianbao.indexer.extract.ocr.ScanReader;
import org.nianbao.indexer.extract.layout.TableStitcher;
import org.nianbao.indexer.extract.table.TableAssembler;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.List;

/**
 * A scanned page published as an image: its size is read from the header first (a 30000×30000 image
 * would take gigabytes to decode), then it is OCRed like a scanned PDF page.
 */
public final class ImageExtractor implements FormatExtractor {
    private final OcrEngine ocr;

    public ImageExtractor(OcrEngine ocr) {
        this.ocr = ocr;
    }

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) throws Exception {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new ExtractionException("unreadable image: no decoder for it");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w * h > ctx.limits().maxImagePixels()) {
                    throw new ExtractionException("image of " + w + "×" + h + " px exceeds the " + ctx.limits().maxImagePixels()
                            + "-pixel limit; not decoded");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        }
        if (!ocr.available()) {
            return new ExtractedDocument(Format.IMAGE.id(), null, "", List.of(), 1, "needs_ocr",
                    List.of("needs_ocr: an image has no text layer and was not read: " + ocr.unavailableReason()), null, List.of());
        }
        PageLayout.Page page = new ScanReader(ocr, ctx.limits()).read(1, image, ctx.budget().remaining());
        StringBuilder text = new StringBuilder();
        for (PageLayout.Block b : page.blocks()) {
            if (b.line() != null) text.append(b.line()).append('\n');
            else text.append(TableAssembler.asText(TableAssembler.assemble(b.table().cells())));
        }
        return new ExtractedDocument(Format.IMAGE.id(), null, text.toString().stripTrailing(),
                new TableStitcher(12).stitch(List.of(page)), 1, "ocr", List.of(), null, List.of());
    }
}
