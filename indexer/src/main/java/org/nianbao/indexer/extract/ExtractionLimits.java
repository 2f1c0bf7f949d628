package org.nianbao.indexer.extract;

import java.time.Duration;

/**
 * Caps that keep one hostile or huge document from taking the run down.
 *
 * @param maxInputBytes    bytes read from a stream or file at most
 * @param maxInflatedBytes total uncompressed size allowed inside a DOCX/OFD zip
 * @param maxZipEntries    entries allowed inside a DOCX/OFD zip
 * @param maxPages         pages read from a PDF; the rest is skipped with a warning
 * @param timeBudget       wall time for one document; pages after it are skipped with a warning
 * @param maxImagePixels   width × height allowed for an image to be decoded or OCRed
 * @param ocrDpi           resolution scanned pages are rendered at for OCR
 * @param ocrPageTimeout   time one Tesseract run may take before it is killed
 * @param tesseract        the Tesseract executable (a name on PATH or a path)
 * @param ocrLanguage      Tesseract language(s), e.g. chi_sim
 */
public record ExtractionLimits(
        long maxInputBytes,
        long maxInflatedBytes,
        int maxZipEntries,
        int maxPages,
        Duration timeBudget,
        long maxImagePixels,
        int ocrDpi,
        Duration ocrPageTimeout,
        String tesseract,
        String ocrLanguage) {

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(200L << 20, 500L << 20, 10_000, 500, Duration.ofMinutes(5),
                100_000_000L, 150, Duration.ofSeconds(90), "tesseract", "chi_sim");
    }

    public ExtractionLimits withMaxInputBytes(long v) {
        return new ExtractionLimits(v, maxInflatedBytes, maxZipEntries, maxPages, timeBudget, maxImagePixels, ocrDpi, ocrPageTimeout, tesseract, ocrLanguage);
    }

    public ExtractionLimits withZipCaps(long inflatedBytes, int entries) {
        return new ExtractionLimits(maxInputBytes, inflatedBytes, entries, maxPages, timeBudget, maxImagePixels, ocrDpi, ocrPageTimeout, tesseract, ocrLanguage);
    }

    public ExtractionLimits withMaxPages(int v) {
        return new ExtractionLimits(maxInputBytes, maxInflatedBytes, maxZipEntries, v, timeBudget, maxImagePixels, ocrDpi, ocrPageTimeout, tesseract, ocrLanguage);
    }

    public ExtractionLimits withTimeBudget(Duration v) {
        return new ExtractionLimits(maxInputBytes, maxInflatedBytes, maxZipEntries, maxPages, v, maxImagePixels, ocrDpi, ocrPageTimeout, tesseract, ocrLanguage);
    }

    public ExtractionLimits withMaxImagePixels(long v) {
        return new ExtractionLimits(maxInputBytes, maxInflatedBytes, maxZipEntries, maxPages, timeBudget, v, ocrDpi, ocrPageTimeout, tesseract, ocrLanguage);
    }

    public ExtractionLimits withTesseract(String v) {
        return new ExtractionLimits(maxInputBytes, maxInflatedBytes, maxZipEntries, maxPages, timeBudget, maxImagePixels, ocrDpi, ocrPageTimeout, v, ocrLanguage);
    }

    public ExtractionLimits withOcrPageTimeout(Duration v) {
        return new ExtractionLimits(maxInputBytes, maxInflatedBytes, maxZipEntries, maxPages, timeBudget, maxImagePixels, ocrDpi, v, tesseract, ocrLanguage);
    }
}
