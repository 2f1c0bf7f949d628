package org.nianbao.indexer.extract.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.nianbao.indexer.extract.layout.TextBox;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The glyphs of one page as text boxes (top-left origin), taken from PDFBox's text stripper after its
 * own clean-up (duplicate overlapping glyphs of fake bold removed).
 */
final class GlyphCollector extends PDFTextStripper {
    private final List<TextBox> boxes = new ArrayList<>();

    GlyphCollector() {
        setSortByPosition(true);
    }

    List<TextBox> collect(PDDocument doc, int pageNumber) throws IOException {
        boxes.clear();
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(doc, new StringWriter());
        return List.copyOf(boxes);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || u.isBlank()) continue;
            double size = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
            double h = Math.max(p.getHeightDir(), size * 0.8);
            double w = Math.max(p.getWidthDirAdj(), 0.1);
            // yDirAdj is the baseline; the box reaches up by its height.
            boxes.add(new TextBox(p.getXDirAdj(), p.getYDirAdj() - h * 0.85, w, h, u));
        }
    }
}
