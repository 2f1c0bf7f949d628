package org.nianbao.indexer.extract.ocr;

import org.nianbao.indexer.extract.ExtractionException;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Recognises the words of a page image with their boxes (pixels, top-left origin). */
public interface OcrEngine {

    /** Whether the engine can run here; when false, {@link #unavailableReason()} says why for people. */
    boolean available();

    String unavailableReason();

    /** Words of a page of text (layout analysis on). */
    List<OcrWord> words(BufferedImage page, Duration timeout) throws ExtractionException;

    /**
     * The figure in each of these cell images (one line each, only digits and signs), in order; an
     * empty string for a blank cell. Isolated numbers in ruled cells are read far better this way.
     */
    List<String> figures(List<BufferedImage> cells, Duration timeout) throws ExtractionException;

    /** One recognised word and its confidence (0–100). */
    record OcrWord(int x, int y, int w, int h, String text, double confidence) {
    }
}
