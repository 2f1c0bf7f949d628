package org.nianbao.indexer.extract;

import org.nianbao.indexer.extract.html.HtmlExtractor;
import org.nianbao.indexer.extract.image.ImageExtractor;
import org.nianbao.indexer.extract.ocr.OcrEngine;
import org.nianbao.indexer.extract.ofd.OfdExtractor;
import org.nianbao.indexer.extract.ocr.TesseractOcr;
import org.nianbao.indexer.extract.pdf.PdfExtractor;
import org.nianbao.indexer.extract.text.PlainTextExtractor;
import org.nianbao.indexer.extract.word.DocExtractor;
import org.nianbao.indexer.extract.word.DocxExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of extraction: decides the format (magic bytes, then Content-Type, then extension),
 * runs that format's extractor within the limits, and turns every failure into an
 * {@link ExtractedDocument} with an error, so a run never stops on one bad document.
 */
public final class Extractors implements DocumentExtractor {
    private static final Logger log = LoggerFactory.getLogger(Extractors.class);

    private final ExtractionLimits limits;
    private final Clock clock;
    private final FormatDetector detector = new FormatDetector();
    private final Map<Format, FormatExtractor> byFormat = new EnumMap<>(Format.class);

    public Extractors(ExtractionLimits limits, Clock clock) {
        this(limits, clock, new TesseractOcr(limits.tesseract(), limits.ocrLanguage()));
    }

    /** With a given OCR engine (tests use one that is missing or counts its calls). */
    public Extractors(ExtractionLimits limits, Clock clock, OcrEngine ocr) {
        this.limits = limits;
        this.clock = clock;
        byFormat.put(Format.PDF, new PdfExtractor(ocr));
        byFormat.put(Format.HTML, new HtmlExtractor());
        byFormat.put(Format.DOCX, new DocxExtractor());
        byFormat.put(Format.DOC, new DocExtractor(Format.DOC));
        byFormat.put(Format.WPS, new DocExtractor(Format.WPS));
        byFormat.put(Format.OFD, new OfdExtractor());
        byFormat.put(Format.IMAGE, new ImageExtractor(ocr));
        byFormat.put(Format.TEXT, new PlainTextExtractor());
    }

    /** Default limits and the system clock. */
    public static Extractors defaults() {
        return new Extractors(ExtractionLimits.defaults(), Clock.systemUTC());
    }

    public ExtractionLimits limits() {
        return limits;
    }

    /** The format this document would be extracted as. */
    public Format detect(byte[] bytes, String contentTypeHint, String nameHint) {
        return detector.detect(bytes, contentTypeHint, nameHint);
    }

    @Override
    public ExtractedDocument extract(Path file, String contentTypeHint, String nameHint) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return extract(in, contentTypeHint, nameHint == null ? file.getFileName().toString() : nameHint);
        }
    }

    @Override
    public ExtractedDocument extract(InputStream in, String contentTypeHint, String nameHint) throws IOException {
        long cap = limits.maxInputBytes();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap + 1));
        if (bytes.length > cap) {
            Format f = detector.detect(bytes, contentTypeHint, nameHint);
            return Documents.failed(f, "document larger than the " + cap + "-byte input limit; not extracted", List.of());
        }
        return extract(bytes, contentTypeHint, nameHint);
    }

    @Override
    public ExtractedDocument extract(byte[] bytes, String contentTypeHint, String nameHint) {
        Format format = detector.detect(bytes, contentTypeHint, nameHint);
        if (bytes.length == 0) return Documents.failed(format, "empty document", List.of());
        FormatExtractor extractor = byFormat.get(format);
        if (extractor == null) {
            return Documents.failed(format, "unsupported format" + (format == Format.UNKNOWN ? "" : " " + format.id())
                    + describe(contentTypeHint, nameHint), List.of());
        }
        ExtractionContext ctx = new ExtractionContext(limits, new Budget(clock, limits.timeBudget()), contentTypeHint, nameHint);
        try {
            return extractor.extract(bytes, ctx);
        } catch (ExtractionException e) {
            log.debug("cannot extract {}", nameHint, e);
            return Documents.failed(format, e.getMessage(), List.of());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Libraries throw anything on damaged input: keep the run going, keep the trace for the log.
            log.debug("cannot extract {}", nameHint, e);
            return Documents.failed(format, "corrupt or unreadable " + format.id() + ": " + oneLine(e), List.of());
        }
    }

    private static String describe(String contentType, String name) {
        StringBuilder sb = new StringBuilder();
        if (contentType != null) sb.append(" (Content-Type ").append(contentType).append(')');
        if (name != null) sb.append(" (").append(name).append(')');
        return sb.toString();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
