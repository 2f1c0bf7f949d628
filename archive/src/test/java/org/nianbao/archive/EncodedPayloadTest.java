package org.nianbao.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.export.ExportRequest;
import org.nianbao.archive.export.ExportResult;
import org.nianbao.archive.warc.Digests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payloads the server content-encoded: kept as sent, read as the document they carry. */
class EncodedPayloadTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String HTML = "<html><body><h1>2025年政府信息公开工作年度报告</h1><p>行政复议 3 件</p></body></html>";

    @TempDir
    Path tmp;

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private Exchange encoded(TestExchanges ex, String url, String encoding, byte[] body) {
        return ex.exchange(url, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: " + encoding
                + "\r\nContent-Length: " + body.length + "\r\n\r\n", body, T0, null, Map.of());
    }

    @Test
    void gzipEncodedPageIsArchivedAsSentAndReadAndExportedAsTheDocument() throws Exception {
        byte[] html = HTML.getBytes(StandardCharsets.UTF_8);
        byte[] sent = gzip(html);
        try (WarcArchive archive = WarcArchive.open(tmp.resolve("data"), ArchiveOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            Capture c = archive.store(encoded(new TestExchanges(tmp), "http://www.nx.gov.cn/zwgk/2025nb.html", "gzip", sent));

            assertThat(c.sha256()).as("the WARC digests cover the bytes as sent")
                    .isEqualTo(Digests.hex(MessageDigest.getInstance("SHA-256").digest(sent)));
            try (InputStream in = archive.openPayload(c)) {
                assertThat(in.readAllBytes()).isEqualTo(sent);
            }
            try (InputStream in = archive.openDocument(c)) {
                assertThat(in.readAllBytes()).isEqualTo(html);
            }
            assertThat(archive.contentEncoding(c)).contains("gzip");

            ExportResult r = archive.exporter().export(new ExportRequest(c.url(), null, null), tmp.resolve("out"));
            assertThat(Files.readAllBytes(r.payload())).as("an exported original is the document").isEqualTo(html);
            JsonNode side = new ObjectMapper().readTree(r.sidecar().toFile());
            assertThat(side.path("sha256").asText()).isEqualTo("sha256:" + c.sha256());
            assertThat(side.path("decoded").path("from").asText()).isEqualTo("Content-Encoding: gzip");
            assertThat(side.path("decoded").path("length").asLong()).isEqualTo(html.length);
            assertThat(side.path("decoded").path("sha256").asText())
                    .isEqualTo("sha256:" + Digests.hex(MessageDigest.getInstance("SHA-256").digest(html)));
        }
    }

    @Test
    void plainPageWithoutEncodingReadsTheSameEitherWay() throws Exception {
        byte[] html = HTML.getBytes(StandardCharsets.UTF_8);
        try (WarcArchive archive = WarcArchive.open(tmp.resolve("data"), ArchiveOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            Capture c = archive.store(new TestExchanges(tmp).ok("http://www.nx.gov.cn/a.html", "text/html", html, T0));
            assertThat(archive.contentEncoding(c)).isEmpty();
            try (InputStream in = archive.openDocument(c)) {
                assertThat(in.readAllBytes()).isEqualTo(html);
            }
            ExportResult r = archive.exporter().export(new ExportRequest(c.url(), null, null), tmp.resolve("out"));
            assertThat(Files.readAllBytes(r.payload())).isEqualTo(html);
            assertThat(new ObjectMapper().readTree(r.sidecar().toFile()).has("decoded")).isFalse();
        }
    }

    @Test
    void bodyLabelledGzipThatIsNotGzipIsReadAsItIsAndAnUnknownEncodingIsNamed() throws Exception {
        byte[] html = HTML.getBytes(StandardCharsets.UTF_8);
        try (WarcArchive archive = WarcArchive.open(tmp.resolve("data"), ArchiveOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            TestExchanges ex = new TestExchanges(tmp);
            Capture mislabelled = archive.store(encoded(ex, "http://www.nx.gov.cn/b.html", "gzip", html));
            try (InputStream in = archive.openDocument(mislabelled)) {
                assertThat(in.readAllBytes()).as("a misconfigured server's plain body").isEqualTo(html);
            }
            byte[] other = (HTML + "<!-- c -->").getBytes(StandardCharsets.UTF_8); // other bytes: not a revisit of b.html
            Capture unknown = archive.store(encoded(ex, "http://www.nx.gov.cn/c.html", "x-compress-2000", other));
            assertThatThrownBy(() -> archive.openDocument(unknown).close())
                    .isInstanceOf(IOException.class).hasMessageContaining("x-compress-2000");
            try (InputStream in = archive.openPayload(unknown)) {
                assertThat(in.readAllBytes()).as("the archived bytes stay readable").isEqualTo(other);
            }
        }
    }
}
