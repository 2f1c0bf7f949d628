package org.nianbao.archive;

import java.time.Instant;

/**
 * One archived response as the indexer sees it: the hand-over from the archive to the indexer.
 * Open its payload with {@link Archive#openPayload(Capture)}.
 *
 * @param id           stable capture id (unique in one data directory)
 * @param url          target URI
 * @param time         capture time (WARC-Date)
 * @param status       HTTP status code
 * @param contentType  Content-Type as served, or null
 * @param length       payload length in bytes
 * @param sha1         payload SHA-1, base32 (as in WARC-Payload-Digest, without the "sha1:" prefix)
 * @param sha256       payload SHA-256, lower-case hex
 * @param warcFile     WARC file name relative to data/warc/
 * @param offset       byte offset of the record in that file
 * @param recordLength compressed length of the record in that file
 * @param revisit      true when this capture is a revisit record (payload identical to an earlier one)
 */
public record Capture(
        long id,
        String url,
        Instant time,
        int status,
        String contentType,
        long length,
        String sha1,
        String sha256,
        String warcFile,
        long offset,
        long recordLength,
        boolean revisit) {
}
