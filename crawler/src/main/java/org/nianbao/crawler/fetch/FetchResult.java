package org.nianbao.crawler.fetch;

import okhttp3.Headers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What came back: either a response (status ≥ 100, request and response head as on the wire, body in a
 * temp file the caller deletes) or a failure before any response (status 0, {@code errorKind} set).
 *
 * @param firstByte  when the status line and headers had arrived (the server's share of the time)
 * @param errorKind  dns, connect, timeout, tls or io when no response arrived; null otherwise
 * @param truncated  length, time or disconnect when the body was cut; null when complete
 * @param notes      facts for the archive record, e.g. X-Crawler-Transfer-Encoding: chunked
 */
public record FetchResult(
        URI url,
        int status,
        Headers headers,
        byte[] requestBytes,
        byte[] responseHead,
        Path body,
        long bodyLength,
        String serverIp,
        Instant started,
        Instant firstByte,
        Instant finished,
        String truncated,
        Map<String, String> notes,
        String errorKind,
        String errorMessage) {

    public boolean responded() {
        return status > 0;
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name);
    }

    public Duration elapsed() {
        return Duration.between(started, finished);
    }

    /** Time to the response head: how long the server took to answer, without our reading of the body. */
    public Duration timeToFirstByte() {
        return Duration.between(started, firstByte);
    }
}
