package org.nianbao.indexer.extract.ocr;

import org.nianbao.indexer.extract.layout.PageLayout;
import org.nianbao.indexer.extract.layout.Grid;
import org.nianbao.indexer.extract.table.PlacedCell;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-reads the figure cells of scanned tables: every narrow cell whose first reading has no Chinese
 * (a number, a blank, or noise) is cut out, cleaned and OCRed on its own as a single line of digits.
 * Within a full page, Tesseract drops many isolated digits of ruled cells; alone, it reads them.
 */
final class FigureSheet {
    private static final int INSET = 5, PAD = 12;

    private record Slot(int table, int cell) {
    }

    private final List<Slot> slots = new ArrayList<>();
    private final List<BufferedImage> crops = new ArrayList<>();
    private final List<BufferedImage> grayCrops = new ArrayList<>();
    private final List<Integer> ink = new ArrayList<>();
    private final List<String> firstReadings = new ArrayList<>();

    /** Cuts out the candidate cells of the page's tables; false when there is none. */
    boolean build(BufferedImage page, List<PageLayout.PageTable> tables) {
        for (int t = 0; t < tables.size(); t++) {
            Grid g = tables.get(t).grid();
            List<PlacedCell> cells = tables.get(t).cells();
            double widest = 0.35 * (g.right() - g.left());
            for (int i = 0; i < cells.size(); i++) {
                PlacedCell c = cells.get(i);
                if (!candidate(c.text())) continue;
                int sx = (int) Math.round(g.xs()[c.col()]) + INSET, sy = (int) Math.round(g.ys()[c.row()]) + INSET;
                int sw = (int) Math.round(g.xs()[c.col() + c.colSpan()]) - INSET - sx;
                int sh = (int) Math.round(g.ys()[c.row() + c.rowSpan()]) - INSET - sy;
                if (sw < 4 || sh < 4 || sw > widest || sx < 0 || sy < 0 || sx + sw > page.getWidth() || sy + sh > page.getHeight()) continue;
                slots.add(new Slot(t, i));
                BufferedImage big = upscaled(page.getSubimage(sx, sy, sw, sh));
                BufferedImage bw = padded(big, true);
                crops.add(bw);
                grayCrops.add(padded(big, false));
                ink.add(darkPixels(bw));
                firstReadings.add(c.text());
            }
        }
        return !crops.isEmpty();
    }

    List<BufferedImage> crops() {
        return crops;
    }

    /** Indexes of crops with ink on them that the reading left empty: worth a second look. */
    List<Integer> missed(List<String> readings) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < crops.size() && i < readings.size(); i++) {
            if (readings.get(i).isBlank() && ink.get(i) > 40) out.add(i);
        }
        return out;
    }

    /** The same cells in grey, left for Tesseract to binarise: thin strokes survive that a fixed threshold breaks. */
    List<BufferedImage> grayCrops(List<Integer> indexes) {
        return indexes.stream().map(grayCrops::get).toList();
    }

    /** What the page OCR read in a cell, if it was a number: the last resort when the cell reading stays empty. */
    String firstReading(int i) {
        String s = firstReadings.get(i).replaceAll("\\s+", "");
        return s.matches("[+-]?\\d+(\\.\\d+)?%?") ? s : "";
    }

    private static int darkPixels(BufferedImage bw) {
        int n = 0;
        var r = bw.getRaster();
        for (int y = 0; y < bw.getHeight(); y++) for (int x = 0; x < bw.getWidth(); x++) if (r.getSample(x, y, 0) == 0) n++;
        return n;
    }

    /** The tables with each re-read cell's text replaced by its own reading (same order as {@link #crops()}). */
    List<PageLayout.PageTable> apply(List<PageLayout.PageTable> tables, List<String> readings) {
        List<List<PlacedCell>> cells = new ArrayList<>();
        for (PageLayout.PageTable t : tables) cells.add(new ArrayList<>(t.cells()));
        for (int i = 0; i < slots.size() && i < readings.size(); i++) {
            Slot s = slots.get(i);
            PlacedCell c = cells.get(s.table()).get(s.cell());
            String text = readings.get(i).replaceAll("\\s+", "");
            cells.get(s.table()).set(s.cell(), new PlacedCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), text, c.page()));
        }
        List<PageLayout.PageTable> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) out.add(new PageLayout.PageTable(tables.get(t).page(), tables.get(t).grid(), cells.get(t)));
        return out;
    }

    /** Twice the size: at 150 dpi a digit is ~15 px tall, below what Tesseract reads reliably. */
    private static BufferedImage upscaled(BufferedImage small) {
        BufferedImage crop = new BufferedImage(small.getWidth() * 2, small.getHeight() * 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D up = crop.createGraphics();
        up.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        up.drawImage(small, 0, 0, crop.getWidth(), crop.getHeight(), null);
        up.dispose();
        return crop;
    }

    /** With a white margin, and black on white when {@code binary}: border remnants and scan noise gone. */
    private static BufferedImage padded(BufferedImage crop, boolean binary) {
        BufferedImage out = new BufferedImage(crop.getWidth() + 2 * PAD, crop.getHeight() + 2 * PAD, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        var src = crop.getRaster();
        var dst = out.getRaster();
        for (int y = 0; y < crop.getHeight(); y++) {
            for (int x = 0; x < crop.getWidth(); x++) {
                int v = src.getSample(x, y, 0);
                dst.setSample(x + PAD, y + PAD, 0, binary ? (v < 150 ? 0 : 255) : v);
            }
        }
        return out;
    }

    /** A cell worth re-reading as a figure: one character, or short with no Chinese. */
    static boolean candidate(String text) {
        if (text.length() <= 1) return true;
        if (text.length() > 8) return false;
        for (int i = 0; i < text.length(); i++) if (Character.isIdeographic(text.charAt(i))) return false;
        return true;
    }
}
