package org.nianbao.archive.cdx;

import org.nianbao.archive.store.CaptureStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/cdx/index.cdxj}: every capture, SURT-sorted. Written whole from the capture table
 * (SQLite does the sorting) into a temp file that then replaces the old index atomically.
 */
public final class CdxjIndex {
    public static final String FILE_NAME = "index.cdxj";

    private CdxjIndex() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("cdx").resolve(FILE_NAME);
    }

    /** Rewrites the index from the capture table; returns the number of lines. */
    public static long writeFrom(CaptureStore store, Path dataDir) throws IOException {
        Path target = file(dataDir);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(FILE_NAME + ".tmp");
        long[] n = {0};
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            store.forEachInSurtOrder(row -> {
                try {
                    out.write(CdxjLine.of(row).format());
                    out.write('\n');
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n[0];
    }

    /** Reads every line (for verify and tests). */
    public static List<String> readLines(Path dataDir) throws IOException {
        Path f = file(dataDir);
        return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : new ArrayList<>();
    }

}
