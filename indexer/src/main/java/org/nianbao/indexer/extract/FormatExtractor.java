package org.nianbao.indexer.extract;

/**
 * Extracts one format. Implementations may throw on input they cannot read at all; {@link Extractors}
 * turns that into an {@link ExtractedDocument} with an error, so one bad file never stops a run.
 */
public interface FormatExtractor {
    ExtractedDocument extract(byte[] bytes, ExtractionContext context) throws Exception;
}
