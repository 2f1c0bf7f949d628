package org.nianbao.archive.warc;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.nianbao.archive.ArchiveException;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Opens the payload of the response record at a file offset: as stored (the HTTP entity body as the
 * server sent it, the bytes the WARC digests cover), or as the document it carries (Content-Encoding
 * such as gzip undone, what a browser would save).
 */
public final class PayloadReader {
    private PayloadReader() {
    }

    /** The entity body as stored, still in the server's Content-Encoding. */
    public static InputStream open(Path file, long offset) throws IOException {
        return open(file, offset, false);
    }

    /**
     * The document: the entity body with its Content-Encoding (gzip, deflate, br, zstd) undone. An
     * encoding nobody can undo is an IOException that names it. A body labelled gzip that is not
     * gzip (a misconfigured server) is read as it is, as browsers do.
     */
    public static InputStream openDocument(Path file, long offset) throws IOException {
        return open(file, offset, true);
    }

    /** The Content-Encoding the server declared for the response at {@code offset}, if any. */
    public static java.util.Optional<String> contentEncoding(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (WarcReader reader = new WarcReader(channel)) {
                WarcRecord record = reader.next().orElseThrow(
                        () -> new ArchiveException("no WARC record at offset " + offset + " of " + file.getFileName()));
                if (!(record instanceof WarcResponse response)) return java.util.Optional.empty();
                return response.http().headers().first("Content-Encoding").map(String::strip)
                        .filter(e -> !e.isEmpty() && !e.equalsIgnoreCase("identity") && !e.equalsIgnoreCase("none"));
            }
        }
    }

    private static InputStream open(Path file, long offset, boolean decoded) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            WarcReader reader = new WarcReader(channel);
            WarcRecord record = reader.next().orElseThrow(
                    () -> new ArchiveException("no WARC record at offset " + offset + " of " + file.getFileName()));
            if (!(record instanceof WarcResponse response)) {
                reader.close();
                throw new ArchiveException("record at offset " + offset + " of " + file.getFileName()
                        + " is a " + record.type() + ", not a response");
            }
            InputStream payload = decoded ? document(response) : response.http().body().stream();
            return new FilterInputStream(payload) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        reader.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static InputStream document(WarcResponse response) throws IOException {
        String encoding = response.http().headers().first("Content-Encoding").orElse("").strip();
        if (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip")) {
            BufferedInputStream body = new BufferedInputStream(response.http().body().stream());
            body.mark(2);
            boolean gzip = body.read() == 0x1f && body.read() == 0x8b;
            body.reset();
            return gzip ? new GZIPInputStream(body, 1 << 16) : body;
        }
        if (encoding.isEmpty() || encoding.equalsIgnoreCase("identity") || encoding.equalsIgnoreCase("none")) {
            return response.http().body().stream();
        }
        if (!DECODABLE.contains(encoding.toLowerCase(java.util.Locale.ROOT))) {
            throw new IOException("Content-Encoding not supported: " + encoding);
        }
        return response.http().bodyDecoded().stream();
    }

    /** What jwarc undoes besides gzip (br and zstd need their optional libraries, else jwarc says so). */
    private static final java.util.Set<String> DECODABLE = java.util.Set.of("deflate", "br", "zstd");
}
