/**
 * Extraction: any published document to one {@link org.nianbao.indexer.extract.ExtractedDocument}
 * (text in reading order, tables as tables with spans, pages, method, warnings, error, links).
 *
 * <p>Entry point: {@link org.nianbao.indexer.extract.Extractors} (thread-safe, a
 * {@link org.nianbao.indexer.extract.DocumentExtractor}): {@code Extractors.defaults().extract(path,
 * contentType, name)}, or the byte[] / InputStream variants. The format is decided from magic bytes,
 * then Content-Type, then extension ({@link org.nianbao.indexer.extract.FormatDetector}). Bad input
 * never throws: it comes back with {@code error()} set and whatever could be read. Caps (input size,
 * zip inflation and entries, pages, time budget, image pixels, OCR) are in
 * {@link org.nianbao.indexer.extract.ExtractionLimits}.
 *
 * <p>One subpackage per format (html, word, pdf, ofd, image, text); {@code layout} turns positioned
 * text and ruling lines into lines and tables for PDF, OFD and OCR alike; {@code ocr} runs Tesseract
 * as a subprocess; {@code table} converts between grid positions and the span model.
 */
package org.nianbao.indexer.extract;
