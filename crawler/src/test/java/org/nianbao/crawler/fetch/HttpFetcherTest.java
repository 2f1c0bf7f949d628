package org.nianbao.crawler.fetch;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFetcherTest {

    private MockWebServer server;
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetcher fetcher(long maxBody, Duration read) {
        return new HttpFetcher("nianbao-test/1 (+https://example.org/contact)", Duration.ofSeconds(2), read, Duration.ofSeconds(10),
                maxBody, List.of(DnsOverride.parse("*.sim.gov.cn=127.0.0.1")), tmp.resolve("t"), Clock.systemUTC());
    }

    private URI url(String path) {
        return URI.create("http://www.sim.gov.cn:" + server.getPort() + path);
    }

    @Test
    void capturesTheRequestAsSentAndTheResponseAsReceivedThroughAResolveRule() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").setHeader("ETag", "\"v1\"")
                .chunkedBody("<p>年报</p>", 4).build());
        try (HttpFetcher f = fetcher(1 << 20, Duration.ofSeconds(5))) {
            FetchResult r = f.fetch(new FetchRequest(url("/a.html?x=1"), "http://www.sim.gov.cn/", "\"v0\"", null));
            RecordedRequest seen = server.takeRequest(1, TimeUnit.SECONDS);
            String request = new String(r.requestBytes(), StandardCharsets.ISO_8859_1);
            assertThat(request).startsWith("GET /a.html?x=1 HTTP/1.1\r\n")
                    .contains("Host: www.sim.gov.cn:" + server.getPort() + "\r\n")
                    .contains("User-Agent: nianbao-test/1 (+https://example.org/contact)\r\n")
                    .contains("If-None-Match: \"v0\"\r\n").contains("Referer: http://www.sim.gov.cn/\r\n");
            assertThat(seen.getHeaders().get("User-Agent")).isEqualTo("nianbao-test/1 (+https://example.org/contact)");
            assertThat(new String(r.responseHead(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK\r\n")
                    .contains("ETag: \"v1\"\r\n").endsWith("\r\n\r\n");
            assertThat(Files.readString(r.body())).isEqualTo("<p>年报</p>");
            assertThat(r.notes()).containsEntry("X-Crawler-Transfer-Encoding", "chunked");
            assertThat(r.serverIp()).isEqualTo("127.0.0.1");
            assertThat(r.truncated()).isNull();
        }
    }

    @Test
    void cutsBodiesAtTheLimitAndSaysSo() throws Exception {
        Buffer big = new Buffer().write(new byte[300_000]);
        server.enqueue(new MockResponse.Builder().code(200).body(big).build());
        try (HttpFetcher f = fetcher(100_000, Duration.ofSeconds(5))) {
            FetchResult r = f.fetch(FetchRequest.get(url("/big.pdf")));
            assertThat(r.truncated()).isEqualTo("length");
            assertThat(Files.size(r.body())).isEqualTo(100_000);
            assertThat(r.bodyLength()).isEqualTo(100_000);
        }
    }

    @Test
    void keepsWhatArrivedWhenABodyTricklesPastTheReadTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[2000]))
                .throttleBody(500, 1, TimeUnit.SECONDS).build());
        try (HttpFetcher f = fetcher(1 << 20, Duration.ofMillis(300))) {
            FetchResult r = f.fetch(FetchRequest.get(url("/slow")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.truncated()).isEqualTo("time");
            assertThat(r.bodyLength()).isBetween(1L, 1999L);
        }
    }

    @Test
    void reportsAnUnreachableHostAsAnErrorKindNotAnException() throws Exception {
        int port = server.getPort();
        server.close();
        try (HttpFetcher f = fetcher(1 << 20, Duration.ofSeconds(1))) {
            FetchResult r = f.fetch(FetchRequest.get(URI.create("http://www.sim.gov.cn:" + port + "/")));
            assertThat(r.responded()).isFalse();
            assertThat(r.errorKind()).isEqualTo("connect");
        }
    }
}
