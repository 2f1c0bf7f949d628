package org.nianbao.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Collects a body in memory up to a threshold, then on disk; always ends as a file (or nothing). */
final class SpillBuffer {
    private final Path dir;
    private final int threshold;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private boolean failed;

    SpillBuffer(Path dir, int threshold) {
        this.dir = dir;
        this.threshold = threshold;
    }

    void write(byte[] buf, int n) throws IOException {
        if (n <= 0) return;
        try {
            if (out == null && memory.size() + n > threshold) {
                file = Files.createTempFile(dir, "body-", ".bin");
                out = Files.newOutputStream(file);
                memory.writeTo(out);
                memory = null;
            }
            if (out != null) out.write(buf, 0, n);
            else memory.write(buf, 0, n);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** True when writing to disk failed (our problem, not the server's). */
    boolean failed() {
        return failed;
    }

    Path toFile() throws IOException {
        if (out != null) {
            out.close();
            return file;
        }
        Path f = Files.createTempFile(dir, "body-", ".bin");
        try (OutputStream o = Files.newOutputStream(f)) {
            memory.writeTo(o);
        }
        return f;
    }

    Path discard() throws IOException {
        if (out != null) {
            out.close();
            Files.deleteIfExists(file);
        }
        return null;
    }
}
