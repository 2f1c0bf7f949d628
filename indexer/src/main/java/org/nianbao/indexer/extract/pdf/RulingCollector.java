package org.nianbao.indexer.extract.pdf;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.nianbao.indexer.extract.layout.Ruling;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The straight lines a page draws (stroked segments and thin filled rectangles: how Word, WPS and
 * LibreOffice draw table borders), in top-left coordinates like the text, and how much of the page
 * images cover (a scanned page is one big image).
 */
final class RulingCollector extends PDFGraphicsStreamEngine {
    private static final double AXIS_TOL = 1.0;
    private static final double THIN = 3.0;

    private final List<Ruling> rulings = new ArrayList<>();
    private final List<double[]> path = new ArrayList<>(); // x1,y1,x2,y2 in PDF space
    private final List<double[]> rects = new ArrayList<>(); // x0,y0,x1,y1 in PDF space
    private final PDRectangle crop;
    private Point2D current;
    private Point2D start;
    private double imageArea;
    private int images;

    private final long maxImagePixels;
    private String oversizedImage;

    RulingCollector(PDPage page, long maxImagePixels) {
        super(page);
        this.crop = page.getCropBox();
        this.maxImagePixels = maxImagePixels;
    }

    /** Why an image on this page is too big to decode, or null. */
    String oversizedImage() {
        return oversizedImage;
    }

    void run() throws IOException {
        processPage(getPage());
    }

    List<Ruling> rulings() {
        return rulings;
    }

    /** Fraction of the page area covered by images (may exceed 1 when they overlap). */
    double imageCoverage() {
        return imageArea / (crop.getWidth() * crop.getHeight());
    }

    int images() {
        return images;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        double x0 = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
        double x1 = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
        double y0 = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
        double y1 = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
        rects.add(new double[] {x0, y0, x1, y1});
        current = p0;
        start = p0;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        start = current;
    }

    @Override
    public void lineTo(float x, float y) {
        if (current != null) path.add(new double[] {current.getX(), current.getY(), x, y});
        current = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current == null ? new Point2D.Float(0, 0) : current;
    }

    @Override
    public void closePath() {
        if (current != null && start != null) path.add(new double[] {current.getX(), current.getY(), start.getX(), start.getY()});
        current = start;
    }

    @Override
    public void endPath() {
        clear();
    }

    @Override
    public void strokePath() {
        for (double[] s : path) addSegment(s[0], s[1], s[2], s[3]);
        for (double[] r : rects) {
            addSegment(r[0], r[1], r[2], r[1]);
            addSegment(r[0], r[3], r[2], r[3]);
            addSegment(r[0], r[1], r[0], r[3]);
            addSegment(r[2], r[1], r[2], r[3]);
        }
        clear();
    }

    @Override
    public void fillPath(int windingRule) {
        // A thin filled rectangle is a line; a big one is shading and draws no border.
        for (double[] r : rects) {
            double w = r[2] - r[0], h = r[3] - r[1];
            if (h <= THIN && w > h) addSegment(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
            else if (w <= THIN && h > w) addSegment((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
        }
        clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void clip(int windingRule) {
        // The clipping path is ended by endPath (n), which clears it.
    }

    @Override
    public void drawImage(PDImage pdImage) {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        imageArea += Math.abs(m.getScalingFactorX() * m.getScalingFactorY());
        images++;
        long px = (long) pdImage.getWidth() * pdImage.getHeight();
        if (px > maxImagePixels) {
            oversizedImage = "image of " + pdImage.getWidth() + "×" + pdImage.getHeight() + " px exceeds the " + maxImagePixels + "-pixel limit";
        }
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }

    private void clear() {
        path.clear();
        rects.clear();
    }

    private void addSegment(double x1, double y1, double x2, double y2) {
        double tx1 = x1 - crop.getLowerLeftX(), tx2 = x2 - crop.getLowerLeftX();
        double ty1 = crop.getUpperRightY() - y1, ty2 = crop.getUpperRightY() - y2;
        if (Math.abs(ty1 - ty2) <= AXIS_TOL && Math.abs(tx1 - tx2) > AXIS_TOL) {
            rulings.add(new Ruling(true, (ty1 + ty2) / 2, tx1, tx2));
        } else if (Math.abs(tx1 - tx2) <= AXIS_TOL && Math.abs(ty1 - ty2) > AXIS_TOL) {
            rulings.add(new Ruling(false, (tx1 + tx2) / 2, ty1, ty2));
        }
    }
}
