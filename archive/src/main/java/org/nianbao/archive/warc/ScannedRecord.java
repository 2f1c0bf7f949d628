package org.nianbao.archive.warc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One WARC record as read back from a file, with digests recomputed from its bytes.
 *
 * @param offset         compressed offset of the record's gzip member
 * @param length         compressed length of that member
 * @param headers        WARC header fields (names lower-cased), in order
 * @param blockLength    Content-Length of the block
 * @param blockSha1      SHA-1 (base32) recomputed over the block
 * @param payloadSha1    SHA-1 (base32) recomputed over the HTTP payload, or null for non-HTTP records
 * @param payloadSha256  SHA-256 (hex) recomputed over the HTTP payload, or null
 * @param payloadLength  payload length in bytes, or -1
 * @param httpHead       the HTTP head bytes of an HTTP record, or null
 */
public record ScannedRecord(long offset, long length, Map<String, List<String>> headers, long blockLength,
                            String blockSha1, String payloadSha1, String payloadSha256, long payloadLength,
                            byte[] httpHead) {

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    public String type() {
        return header("WARC-Type").orElse("");
    }

    /** The record id without angle brackets, e.g. {@code urn:uuid:…}. */
    public String recordId() {
        return stripBrackets(header("WARC-Record-ID").orElse(""));
    }

    public static String stripBrackets(String id) {
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /** A digest header without its "sha1:" prefix. */
    public Optional<String> digestValue(String name) {
        return header(name).map(v -> v.contains(":") ? v.substring(v.indexOf(':') + 1) : v);
    }

    public boolean isCapture() {
        return type().equals("response") || type().equals("revisit");
    }
}
