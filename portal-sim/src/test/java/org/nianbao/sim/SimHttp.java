package org.nianbao.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real HTTP client for farm tests: connects to 127.0.0.1:port and sends the farm URL's host in
 * the Host header, as a crawler with '*.gov.cn=127.0.0.1' resolution does.
 */
final class SimHttp implements AutoCloseable {
    static {
        // java.net.http refuses to set Host unless told; this is the JDK's documented switch.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    SimHttp(PortalFarm farm) {
        this.port = farm.port();
    }

    HttpResponse<byte[]> get(URI url, String... headers) {
        return send(url, "GET", null, headers);
    }

    HttpResponse<byte[]> get(String url, String... headers) {
        return get(URI.create(url), headers);
    }

    HttpResponse<byte[]> post(URI url, String form) {
        return send(url, "POST", form, "Content-Type", "application/x-www-form-urlencoded");
    }

    HttpResponse<byte[]> send(URI url, String method, String body, String... headers) {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(60))
                .header("Host", url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streams the body without keeping it; returns {status, bytes read, Content-Length or -1}. */
    long[] drain(URI url) {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).timeout(Duration.ofSeconds(120))
                .header("Host", url.getHost() + ":" + url.getPort()).GET().build();
        try {
            HttpResponse<java.io.InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            byte[] buf = new byte[64 * 1024];
            try (java.io.InputStream in = r.body()) {
                for (int k; (k = in.read(buf)) > 0; ) n += k;
            }
            return new long[] {r.statusCode(), n, r.headers().firstValueAsLong("Content-Length").orElse(-1)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
