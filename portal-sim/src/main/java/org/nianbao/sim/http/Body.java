package org.nianbao.sim.http;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** A response body: bytes in memory, or bytes made while they are sent (never held whole). */
public sealed interface Body {
    long length();

    void writeTo(OutputStream out) throws IOException;

    Body EMPTY = new Bytes(new byte[0]);

    record Bytes(byte[] data) implements Body {
        public long length() { return data.length; }
        public void writeTo(OutputStream out) throws IOException { out.write(data); }
    }

    /** Sends {@code data} in small pieces spread over {@code total}: a byte-trickling server. */
    record Trickle(byte[] data, Duration total, int pieces) implements Body {
        public long length() { return data.length; }
        public void writeTo(OutputStream out) throws IOException {
            int step = Math.max(1, data.length / pieces);
            long pause = total.toMillis() / Math.max(1, (data.length + step - 1) / step);
            for (int off = 0; off < data.length; off += step) {
                out.write(data, off, Math.min(step, data.length - off));
                out.flush();
                sleep(pause);
            }
        }
    }

    /** A large PDF-looking file generated on the fly from a seed: a PDF header, then filler streams. */
    record GeneratedPdf(long length, long seed) implements Body {
        public void writeTo(OutputStream out) throws IOException {
            byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            out.write(head);
            long remaining = length - head.length - tail.length;
            byte[] buf = new byte[64 * 1024];
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
            while (remaining > 0) {
                int n = (int) Math.min(buf.length, remaining);
                for (int i = 0; i < n; i++) buf[i] = (byte) (' ' + rnd.nextInt(90)); // printable filler
                out.write(buf, 0, n);
                remaining -= n;
            }
            out.write(tail);
        }
    }

    static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("farm stopping");
        }
    }
}
