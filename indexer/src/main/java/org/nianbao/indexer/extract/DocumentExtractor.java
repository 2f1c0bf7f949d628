package org.nianbao.indexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Turns a document of any supported format into an {@link ExtractedDocument}. Never throws for bad
 * input: a hostile, truncated or unsupported document comes back with {@link ExtractedDocument#error()}
 * set and whatever could be read.
 */
public interface DocumentExtractor {

    /** @param contentTypeHint the HTTP Content-Type if known, else null; @param nameHint file name or URL, else null */
    ExtractedDocument extract(byte[] bytes, String contentTypeHint, String nameHint);

    /** Reads at most the configured input size; a longer stream is truncated and flagged. */
    ExtractedDocument extract(InputStream in, String contentTypeHint, String nameHint) throws IOException;

    ExtractedDocument extract(Path file, String contentTypeHint, String nameHint) throws IOException;
}
