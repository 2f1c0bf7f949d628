package org.nianbao.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The system's memory: stores exchanges as WARC records and reads captures back. */
public interface Archive extends Closeable {

    /** Writes the exchange (response or revisit + request + metadata) and returns the capture. */
    Capture store(Exchange exchange) throws IOException;

    /** Every capture with an id greater than {@code afterId}, in id order (for incremental indexing). */
    List<Capture> capturesAfter(long afterId) throws IOException;

    /** Every capture of one URL, oldest first. */
    List<Capture> history(String url) throws IOException;

    /** The payload bytes as served (for a revisit: the payload of the record it refers to). */
    InputStream openPayload(Capture capture) throws IOException;

    /**
     * The document the payload carries: the payload with the server's Content-Encoding (gzip, deflate…)
     * undone, what extraction and diffs must read. Its bytes hash differently from the payload's
     * digests when the server compressed it. An archive that stores bodies decoded returns the payload.
     */
    default InputStream openDocument(Capture capture) throws IOException {
        return openPayload(capture);
    }

    /** The Content-Encoding the payload is archived in (e.g. gzip), if the server encoded it. */
    default Optional<String> contentEncoding(Capture capture) throws IOException {
        return Optional.empty();
    }

    /**
     * Records the links the crawler found in a capture, as a WARC metadata record referring to it.
     * Optional: an archive that keeps no metadata (e.g. a test double) may ignore the call.
     */
    default void recordOutlinks(Capture capture, List<String> outlinks) throws IOException {
    }

    /**
     * The crawler's context of a capture (seed unit, referring page), if the archive kept it.
     * Optional: an archive that keeps no metadata (e.g. a test double) answers empty.
     */
    default Optional<CaptureContext> context(Capture capture) throws IOException {
        return Optional.empty();
    }
}
