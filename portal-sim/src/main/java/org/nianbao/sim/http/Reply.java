package org.nianbao.sim.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the farm answers to one request. {@code etag} and {@code lastModified} feed conditional GET;
 * a null etag is filled in from the body's digest when the body is in memory.
 */
public record Reply(int status, String contentType, Map<String, String> headers, Body body, String etag,
                    Instant lastModified, long delayMillis) {

    public static Reply html(String html, Charset cs, boolean charsetInHeader, Instant lastModified) {
        return new Reply(200, charsetInHeader ? "text/html; charset=" + cs.name() : "text/html", Map.of(),
                new Body.Bytes(html.getBytes(cs)), null, lastModified, 0);
    }

    public static Reply bytes(int status, String contentType, byte[] body, Instant lastModified) {
        return new Reply(status, contentType, Map.of(), new Body.Bytes(body), null, lastModified, 0);
    }

    public static Reply text(int status, String text, Instant lastModified) {
        return bytes(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), lastModified);
    }

    public static Reply redirect(int status, String location, Instant lastModified) {
        return new Reply(status, "text/html; charset=UTF-8", Map.of("Location", location),
                new Body.Bytes(("<html><body><a href=\"" + location + "\">moved</a></body></html>").getBytes(StandardCharsets.UTF_8)),
                null, lastModified, 0);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, Map.copyOf(h), body, etag, lastModified, delayMillis);
    }

    public Reply withStatus(int s) {
        return new Reply(s, contentType, headers, body, etag, lastModified, delayMillis);
    }

    public Reply withEtag(String e) {
        return new Reply(status, contentType, headers, body, e, lastModified, delayMillis);
    }

    /** Answer only after a wait (the slow page). */
    public Reply withDelay(long millis) {
        return new Reply(status, contentType, headers, body, etag, lastModified, millis);
    }

    /**
     * The same answer gzip-encoded, as nginx sends it: {@code Content-Encoding: gzip}, {@code Vary}, and the
     * ETag of the plain bytes made weak (RFC 9110: one tag cannot name two encodings strongly). Only bodies
     * held in memory are encoded; others are returned as they are.
     */
    public Reply gzipped() {
        if (!(body instanceof Body.Bytes plain)) return this;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.data().length / 3 + 64);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(plain.data());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String tag = etag != null ? etag : Conditional.etagOf(plain.data());
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Encoding", "gzip");
        h.put("Vary", "Accept-Encoding");
        return new Reply(status, contentType, Map.copyOf(h), new Body.Bytes(out.toByteArray()),
                tag.startsWith("W/") ? tag : "W/" + tag, lastModified, delayMillis);
    }

    public Reply withBody(Body b) {
        return new Reply(status, contentType, headers, b, etag, lastModified, delayMillis);
    }
}
