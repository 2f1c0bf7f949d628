package org.nianbao.indexer.index;

import java.time.Instant;

/**
 * One archived file a report was read from: the link from a search hit back to the archive.
 *
 * @param url         where the file was published
 * @param captureTime when the archive captured it
 * @param sha256      payload SHA-256, lower-case hex
 * @param format      html, pdf, doc, docx, wps, ofd, …
 * @param captureId   the archive's capture id (serves the archived bytes)
 * @param size        payload length in bytes
 */
public record Original(String url, Instant captureTime, String sha256, String format, long captureId, long size) {
}
