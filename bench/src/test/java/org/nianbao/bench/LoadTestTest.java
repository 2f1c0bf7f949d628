package org.nianbao.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTestTest {

    @Test
    void countsAnswersLatenciesAndNon200AsErrors() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            int status = ex.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            LoadTest.Result r = LoadTest.run(base, 2, Duration.ofMillis(400), i -> i % 5 == 0 ? "/missing" : "/ok");
            assertThat(r.requests()).isPositive();
            assertThat(r.latencyNanos()).hasSize((int) r.requests());
            assertThat(r.errors()).isPositive().isLessThan(r.requests());
            assertThat(r.firstError()).startsWith("404");
            assertThat(r.bytes()).isEqualTo(2 * r.requests());
            assertThat(r.percentileMs(0.99)).isGreaterThanOrEqualTo(r.percentileMs(0.5));
            assertThat(r.seconds()).isGreaterThanOrEqualTo(0.4);
            assertThat(r.latencyByKind()).containsOnlyKeys("/");
            assertThat(r.latencyByKind().get("/")).hasSize((int) r.requests());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void requestKindIsThePathWithoutItsLastSegmentOrQuery() {
        assertThat(LoadTest.kind("/api/reports/abc-2020")).isEqualTo("/api/reports/");
        assertThat(LoadTest.kind("/api/search?q=%E5%85%AC")).isEqualTo("/api/search");
        assertThat(LoadTest.kind("/search?q=x")).isEqualTo("/search");
    }
}
