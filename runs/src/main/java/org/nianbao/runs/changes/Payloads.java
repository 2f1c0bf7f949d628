package org.nianbao.runs.changes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Archived payloads are kept as served; a gzip-encoded one is unpacked before it is read as text. */
final class Payloads {
    private Payloads() {
    }

    static InputStream decoded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in) : in;
    }
}
