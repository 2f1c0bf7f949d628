package org.nianbao.indexer.extract.ocr;

import org.nianbao.indexer.extract.ExtractionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tesseract run as a subprocess (a native crash or a hang must not take the JVM down), one page image
 * per run, TSV word boxes back. Killed when it exceeds its timeout.
 */
public final class TesseractOcr implements OcrEngine {
    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);

    private final String command;
    private final String language;
    private volatile String unavailable; // null = not checked yet
    private volatile boolean checked;

    public TesseractOcr(String command, String language) {
        this.command = command;
        this.language = language;
    }

    @Override
    public boolean available() {
        if (!checked) check();
        return unavailable == null;
    }

    @Override
    public String unavailableReason() {
        available();
        return unavailable;
    }

    private synchronized void check() {
        if (checked) return;
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                unavailable = "tesseract did not answer --list-langs";
            } else {
                for (String lang : language.split("\\+")) {
                    if (!out.lines().map(String::strip).toList().contains(lang)) {
                        unavailable = "tesseract has no '" + lang + "' language data (install tesseract-ocr-" + lang.replace('_', '-') + ")";
                    }
                }
            }
        } catch (IOException e) {
            unavailable = "tesseract not found (" + command + "); install tesseract-ocr and tesseract-ocr-chi-sim";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while checking tesseract";
        }
        checked = true;
    }

    @Override
    public List<OcrWord> words(BufferedImage page, Duration timeout) throws ExtractionException {
        if (!available()) throw new ExtractionException("needs_ocr: " + unavailable);
        Path png = null;
        Process p = null;
        try {
            png = Files.createTempFile("nianbao-ocr", ".png");
            ImageIO.write(page, "png", png.toFile());
            ProcessBuilder pb = new ProcessBuilder(command, png.toString(), "stdout", "-l", language, "--psm", "3",
                    "--dpi", "150", "tsv");
            pb.environment().put("OMP_THREAD_LIMIT", "1"); // one core per page; pages may run side by side
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            p = pb.start();
            Process proc = p;
            // Read stdout on another thread so a full pipe cannot block the timeout.
            var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ExtractionException("OCR timed out after " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) throw new ExtractionException("tesseract failed with exit code " + p.exitValue());
            return parseTsv(out.get(10, TimeUnit.SECONDS));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("tesseract run failed", e);
            throw new ExtractionException("OCR failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("OCR interrupted");
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            if (png != null) {
                try {
                    Files.deleteIfExists(png);
                } catch (IOException e) {
                    log.debug("cannot delete {}", png, e);
                }
            }
        }
    }

    /** Tesseract TSV: level, page, block, par, line, word, left, top, width, height, conf, text. */
    static List<OcrWord> parseTsv(String tsv) {
        List<OcrWord> words = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) continue;
            String text = f[11].strip();
            if (text.isEmpty()) continue;
            try {
                words.add(new OcrWord(Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]), text, Double.parseDouble(f[10])));
            } catch (NumberFormatException e) {
                // a malformed line: skip it, the rest of the page is still good
            }
        }
        return words;
    }
}
