package org.nianbao.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds exchanges the way the crawler hands them over: head bytes, body in a temp file. */
final class TestExchanges {
    private final Path dir;
    private final AtomicInteger n = new AtomicInteger();

    TestExchanges(Path dir) {
        this.dir = dir;
    }

    Exchange ok(String url, String contentType, byte[] body, Instant at) {
        return exchange(url, "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nServer: gov-portal\r\n\r\n", body, at, null, Map.of());
    }

    Exchange html(String url, String html, Instant at) {
        return ok(url, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), at);
    }

    Exchange notModified(String url, Instant at) {
        return exchange(url, "HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\n\r\n", null, at, null, Map.of());
    }

    Exchange status(String url, int status, String reason, Instant at) {
        byte[] body = ("<h1>" + status + " " + reason + "</h1>").getBytes(StandardCharsets.UTF_8);
        return exchange(url, "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html\r\n\r\n", body, at, null, Map.of());
    }

    Exchange exchange(String url, String head, byte[] body, Instant at, String truncated, Map<String, String> notes) {
        try {
            Path file = null;
            if (body != null) {
                file = dir.resolve("body-" + n.incrementAndGet() + ".bin");
                Files.write(file, body);
            }
            URI uri = URI.create(url);
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUser-Agent: nianbao-test\r\n\r\n";
            return new Exchange(uri, request.getBytes(StandardCharsets.US_ASCII), head.getBytes(StandardCharsets.ISO_8859_1),
                    file, "127.0.0.1", at, at.plusMillis(120), "北京市人民政府", "http://www.beijing.gov.cn/zwgk/",
                    truncated, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
