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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tesseract run as a subprocess (a native crash or a hang must not take the JVM down), TSV word boxes
 * back. Killed when it exceeds its timeout. Several images go to one run through a list file, so the
 * language model is loaded once.
 */
public final class TesseractOcr implements OcrEngine {
    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);

    private final String command;
    private final String language;
    private volatile String unavailable;
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
                List<String> langs = out.lines().map(String::strip).toList();
                for (String lang : language.split("\\+")) {
                    if (!langs.contains(lang)) {
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
        List<List<OcrWord>> pages = run(List.of(page), timeout, "--psm", "3", "-c", "tessedit_do_invert=0");
        return pages.getFirst();
    }

    @Override
    public List<String> figures(List<BufferedImage> cells, Duration timeout) throws ExtractionException {
        List<List<OcrWord>> pages = run(cells, timeout, "--psm", "7", "-c", "tessedit_do_invert=0", "-c", "tessedit_char_whitelist=0123456789+-.%");
        List<String> out = new ArrayList<>();
        for (List<OcrWord> words : pages) {
            out.add(String.join("", words.stream().sorted(Comparator.comparingInt(OcrWord::x)).map(OcrWord::text).toList()));
        }
        return out;
    }

    /** One Tesseract run over the images; the words of each image, in order. */
    private List<List<OcrWord>> run(List<BufferedImage> images, Duration timeout, String... options) throws ExtractionException {
        if (!available()) throw new ExtractionException("needs_ocr: " + unavailable);
        Path dir = null;
        Process p = null;
        try {
            dir = Files.createTempDirectory("nianbao-ocr");
            Path input;
            if (images.size() == 1) {
                input = dir.resolve("page.png");
                ImageIO.write(images.getFirst(), "png", input.toFile());
            } else {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    Path f = dir.resolve(String.format("img-%05d.png", i));
                    ImageIO.write(images.get(i), "png", f.toFile());
                    names.add(f.toString());
                }
                input = Files.write(dir.resolve("images.txt"), names);
            }
            List<String> cmd = new ArrayList<>(List.of(command, input.toString(), "stdout", "-l", language, "--dpi", "150"));
            cmd.addAll(List.of(options));
            cmd.add("tsv");
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("OMP_THREAD_LIMIT", "1"); // one core per run; the machine is shared
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            // Output to a file: nothing to drain while waiting, so the timeout holds whatever the output size.
            Path tsv = dir.resolve("out.tsv");
            pb.redirectOutput(tsv.toFile());
            p = pb.start();
            if (!p.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ExtractionException("OCR timed out after " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) throw new ExtractionException("tesseract failed with exit code " + p.exitValue());
            return parseTsv(Files.readString(tsv, StandardCharsets.UTF_8), images.size());
        } catch (IOException e) {
            log.debug("tesseract run failed", e);
            throw new ExtractionException("OCR failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("OCR interrupted");
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            log.debug("cannot delete {}", dir, e);
        }
    }

    /** Tesseract TSV: level, page, block, par, line, word, left, top, width, height, conf, text. */
    static List<List<OcrWord>> parseTsv(String tsv, int pages) {
        List<List<OcrWord>> out = new ArrayList<>();
        for (int i = 0; i < pages; i++) out.add(new ArrayList<>());
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) continue;
            String text = f[11].strip();
            if (text.isEmpty()) continue;
            try {
                int page = Integer.parseInt(f[1]) - 1;
                if (page < 0 || page >= pages) continue;
                out.get(page).add(new OcrWord(Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]), text, Double.parseDouble(f[10])));
            } catch (NumberFormatException e) {
                // a malformed line: skip it, the rest is still good
            }
        }
        return out;
    }
}
