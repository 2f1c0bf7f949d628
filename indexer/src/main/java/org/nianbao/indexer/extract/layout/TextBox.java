package org.nianbao.indexer.extract.layout;

/** A run of text on a page at its box (y grows downwards), from a PDF glyph or an OCR word. */
public record TextBox(double x, double y, double w, double h, String text) {
    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }
}
