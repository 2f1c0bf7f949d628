package org.nianbao.crawler.fetch;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Makes exactly one HTTP/1.1 request (redirects are not followed: each hop is its own fetch and its
 * own archive record) and captures it as it crossed the wire. Accept-Encoding is set here, so OkHttp
 * does not decode bodies: what lands in the temp file is what the server sent (minus chunking, which
 * is noted). Bodies are streamed to disk and cut at the size limit.
 */
public final class HttpFetcher implements AutoCloseable {

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.5";

    private final OkHttpClient client;
    private final String userAgent;
    private final long maxBodyBytes;
    private final Path tempDir;
    private final Clock clock;

    public HttpFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                       long maxBodyBytes, List<DnsOverride> dnsOverrides, Path tempDir, Clock clock) {
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
        this.tempDir = tempDir;
        this.clock = clock;
        this.client = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(totalTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(64, 30, TimeUnit.SECONDS))
                .dns(new OverridingDns(dnsOverrides))
                .addNetworkInterceptor(new WireTapInterceptor())
                .build();
    }

    /** Fetches one URL; never throws for network trouble (that is a result with errorKind). */
    public FetchResult fetch(FetchRequest req) throws IOException {
        Files.createDirectories(tempDir);
        Request.Builder rb = new Request.Builder().url(req.url().toString()).get()
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Language", ACCEPT_LANGUAGE)
                .header("Accept-Encoding", "gzip");
        if (req.referrer() != null) rb.header("Referer", req.referrer());
        if (req.etag() != null) rb.header("If-None-Match", req.etag());
        if (req.lastModified() != null) rb.header("If-Modified-Since", req.lastModified());
        WireTap tap = new WireTap();
        rb.tag(WireTap.class, tap);
        Instant started = clock.instant();
        Call call = client.newCall(rb.build());
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            return failure(req.url(), tap, started, e);
        }
        // The server's share: request written to response head read, without connecting or our own set-up.
        Instant firstByte = tap.serverNanos >= 0 ? started.plusNanos(tap.serverNanos) : clock.instant();
        try (response) {
            // Small bodies stay in memory until the response is complete, so creating the temp file
            // (slow when the disk is busy with archive fsyncs) never counts as the server's time.
            SpillBuffer buffer = new SpillBuffer(tempDir, IN_MEMORY_BYTES);
            String truncated = null;
            long length = 0;
            ResponseBody rbody = response.body();
            try (InputStream in = rbody.byteStream()) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) != -1) {
                    long room = maxBodyBytes - length;
                    if (n > room) {
                        buffer.write(buf, (int) Math.max(0, room));
                        length += Math.max(0, room);
                        truncated = "length";
                        call.cancel();
                        break;
                    }
                    buffer.write(buf, n);
                    length += n;
                }
            } catch (InterruptedIOException e) {
                truncated = "time";
            } catch (IOException e) {
                if (buffer.failed()) throw e;
                truncated = "disconnect";
            }
            Instant finished = clock.instant();
            Path body = length == 0 ? buffer.discard() : buffer.toFile();
            Map<String, String> notes = new LinkedHashMap<>();
            String te = response.header("Transfer-Encoding");
            if (te != null) notes.put("X-Crawler-Transfer-Encoding", te);
            return new FetchResult(req.url(), response.code(), response.headers(), tap.requestBytes(),
                    responseHead(response), body, length, tap.serverIp, started, firstByte, finished, truncated, notes, null, null);
        }
    }

    static final int IN_MEMORY_BYTES = 1024 * 1024;

    private FetchResult failure(URI url, WireTap tap, Instant started, IOException e) {
        String kind;
        if (e instanceof UnknownHostException) kind = "dns";
        else if (e instanceof ConnectException) kind = "connect";
        else if (e instanceof InterruptedIOException) kind = "timeout";
        else if (e instanceof SSLException) kind = "tls";
        else kind = "io";
        Instant now = clock.instant();
        return new FetchResult(url, 0, null, tap.requestBytes(), null, null, 0, tap.serverIp, started, now, now,
                null, Map.of(), kind, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Status line and headers as received, ending with the blank line. */
    static byte[] responseHead(Response r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.protocol() == Protocol.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1").append(' ').append(r.code());
        if (!r.message().isEmpty()) sb.append(' ').append(r.message());
        sb.append("\r\n");
        appendHeaders(sb, r.headers());
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static void appendHeaders(StringBuilder sb, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** What the network interceptor saw: the request with every header OkHttp added, and the peer IP. */
    static final class WireTap {
        volatile Request request;
        volatile String serverIp;
        /** Nanoseconds from handing the request to the connection until the response head was read. */
        volatile long serverNanos = -1;

        byte[] requestBytes() {
            Request r = request;
            if (r == null) return null;
            StringBuilder sb = new StringBuilder();
            String path = r.url().encodedPath() + (r.url().encodedQuery() == null ? "" : "?" + r.url().encodedQuery());
            sb.append(r.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
            appendHeaders(sb, r.headers());
            sb.append("\r\n");
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    static final class WireTapInterceptor implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            WireTap tap = chain.request().tag(WireTap.class);
            if (tap != null) {
                tap.request = chain.request();
                if (chain.connection() != null) {
                    tap.serverIp = chain.connection().route().socketAddress().getAddress().getHostAddress();
                }
            }
            long sent = System.nanoTime();
            Response response = chain.proceed(chain.request());
            if (tap != null) tap.serverNanos = System.nanoTime() - sent;
            return response;
        }
    }
}
