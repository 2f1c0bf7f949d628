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

    List<OcrWord> words(BufferedImage page, Duration timeout) throws ExtractionException;

    /** One recognised word and its confidence (0–100). */
    record OcrWord(int x, int y, int w, int h, String text, double confidence) {
    }
}
