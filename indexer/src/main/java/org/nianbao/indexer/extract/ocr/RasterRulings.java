package org.nianbao.indexer.extract.ocr;

import org.nianbao.indexer.extract.layout.Ruling;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * Table rulings of a straightened scan: long runs of dark pixels along rows (horizontal lines) and
 * columns (vertical lines), longer than any character stroke. They can also be erased, so that
 * Tesseract sees the cells' text without the grid.
 */
public final class RasterRulings {
    private static final int DARK = 160;
    private static final int GAP = 3;

    private final int minHorizontal;
    private final int minVertical;

    /** Minimum lengths in pixels: longer than a character's strokes at the scan's resolution. */
    public RasterRulings(int dpi) {
        this.minHorizontal = (int) Math.round(dpi * 0.40); // 0.40 inch
        this.minVertical = (int) Math.round(dpi * 0.22);
    }

    public List<Ruling> find(BufferedImage gray) {
        List<Ruling> out = new ArrayList<>();
        WritableRaster r = gray.getRaster();
        int w = gray.getWidth(), h = gray.getHeight();
        int[] line = new int[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, line);
            int at = y;
            runs(line, w, minHorizontal, (a, b) -> out.add(new Ruling(true, at, a, b)));
        }
        for (int x = 0; x < w; x++) {
            r.getSamples(x, 0, 1, h, 0, line);
            int at = x;
            runs(line, h, minVertical, (a, b) -> out.add(new Ruling(false, at, a, b)));
        }
        return out;
    }

    /** Paints the rulings white (a pixel either side too, for blur). */
    public static BufferedImage erase(BufferedImage gray, List<Ruling> rulings) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.setData(gray.getData());
        WritableRaster r = out.getRaster();
        for (Ruling l : rulings) {
            int p = (int) Math.round(l.pos());
            for (int d = -1; d <= 1; d++) {
                for (int t = (int) l.from(); t <= (int) l.to(); t++) {
                    int x = l.horizontal() ? t : p + d, y = l.horizontal() ? p + d : t;
                    if (x >= 0 && y >= 0 && x < out.getWidth() && y < out.getHeight()) r.setSample(x, y, 0, 255);
                }
            }
        }
        return out;
    }

    private interface RunSink {
        void run(int from, int to);
    }

    private static void runs(int[] px, int n, int min, RunSink sink) {
        int start = -1, lastDark = -1;
        for (int i = 0; i < n; i++) {
            if (px[i] < DARK) {
                if (start < 0) start = i;
                lastDark = i;
            } else if (start >= 0 && i - lastDark > GAP) {
                if (lastDark - start >= min) sink.run(start, lastDark);
                start = -1;
            }
        }
        if (start >= 0 && lastDark - start >= min) sink.run(start, lastDark);
    }
}
