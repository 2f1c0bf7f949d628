package org.nianbao.indexer.extract.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens a scanned page: finds the small angle at which the dark pixels line up best in rows
 * (projection profile, ±1.5°), and rotates the page back by it, so that table rulings become exactly
 * horizontal and vertical for {@link RasterRulings}.
 */
public final class Deskew {
    private static final double MAX_DEG = 1.5, STEP_DEG = 0.05;

    private Deskew() {
    }

    public static double angleDegrees(BufferedImage gray) {
        Raster r = gray.getRaster();
        int w = gray.getWidth(), h = gray.getHeight();
        int[] row = new int[w];
        int n = 0;
        int[] xs = new int[w * h / 8 + 1], ys = new int[w * h / 8 + 1];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x += 2) {
                if (row[x] < 128 && n < xs.length) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double best = 0, bestScore = -1;
        int margin = (int) Math.ceil(w * Math.tan(Math.toRadians(MAX_DEG))) + 1;
        int[] hist = new int[h + 2 * margin];
        for (double a = -MAX_DEG; a <= MAX_DEG + 1e-9; a += STEP_DEG) {
            java.util.Arrays.fill(hist, 0);
            double t = Math.tan(Math.toRadians(a));
            for (int i = 0; i < n; i++) {
                int yy = (int) Math.round(ys[i] - xs[i] * t) + margin;
                if (yy >= 0 && yy < hist.length) hist[yy]++;
            }
            double score = 0;
            for (int v : hist) score += (double) v * v;
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    /** The page rotated by -angle around its centre, on white. */
    public static BufferedImage rotate(BufferedImage gray, double angleDegrees) {
        if (Math.abs(angleDegrees) < 0.01) return gray;
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(-Math.toRadians(angleDegrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
            g.drawImage(gray, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
