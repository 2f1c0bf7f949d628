package org.nianbao.archive.export;

import java.time.Instant;

/**
 * Which original to export: by URL (the latest successful capture at or before {@code at}, or the
 * latest of all when {@code at} is null), or by payload SHA-256.
 */
public record ExportRequest(String url, String sha256, Instant at) {
    public ExportRequest {
        if ((url == null) == (sha256 == null)) {
            throw new IllegalArgumentException("give exactly one of a URL or a SHA-256");
        }
        if (sha256 != null && !sha256.matches("(?i)[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 (64 hex digits): " + sha256);
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public static ExportRequest byUrl(String url, Instant at) {
        return new ExportRequest(url, null, at);
    }

    public static ExportRequest bySha256(String sha256) {
        return new ExportRequest(null, sha256, null);
    }
}
