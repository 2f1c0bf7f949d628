package org.nianbao.app.cli;

import org.nianbao.app.cli.InProcessCli.Result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Exchange;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.cdx.CdxjIndex;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveVerbsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String URL = "http://www.nx.gov.cn/zwgk/2025nb.pdf";

    @TempDir
    Path tmp;

    private Result run(String... args) {
        return InProcessCli.run(args);
    }

    private Exchange exchange(String url, String head, byte[] body, Instant at) throws Exception {
        Path file = null;
        if (body != null) {
            file = Files.createTempFile(tmp, "body", ".bin");
            Files.write(file, body);
        }
        return new Exchange(URI.create(url), ("GET " + URI.create(url).getPath() + " HTTP/1.1\r\nHost: www.nx.gov.cn\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), head.getBytes(StandardCharsets.ISO_8859_1), file, "127.0.0.1",
                at, at.plusMillis(50), "宁夏回族自治区人民政府", null, null, Map.of());
    }

    /** v1 on day 0, unchanged on day 7, edited on day 14, gone on day 21. */
    private Path archiveWithHistory() throws Exception {
        Path data = tmp.resolve("data");
        String pdf = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n";
        try (WarcArchive a = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            a.store(exchange(URL, pdf, "%PDF-1.7 第一版".getBytes(StandardCharsets.UTF_8), T0));
            a.store(exchange(URL, pdf, "%PDF-1.7 第一版".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(7 * 86400)));
            a.store(exchange(URL, pdf, "%PDF-1.7 修订版".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(14 * 86400)));
            a.store(exchange(URL, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n",
                    "<h1>404</h1>".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(21 * 86400)));
        }
        return data;
    }

    @Test
    void verifyPassesThenFailsWithExitOneWhenTheCdxjIsTamperedWith() throws Exception {
        Path data = archiveWithHistory();
        Result ok = run("verify", "--data", data.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("verified 1 WARC files").contains("4 captures").contains("OK:");

        Result json = run("verify", "--json", "--data", data.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.path("ok").asBoolean()).isTrue();
        assertThat(j.path("captures").asInt()).isEqualTo(4);

        Path cdx = CdxjIndex.file(data);
        Files.writeString(cdx, Files.readString(cdx).replaceFirst("\"status\":\"200\"", "\"status\":\"201\""));
        Result bad = run("verify", "--json", "--data", data.toString());
        assertThat(bad.code()).isEqualTo(1);
        JsonNode b = new ObjectMapper().readTree(bad.out());
        assertThat(b.path("ok").asBoolean()).isFalse();
        assertThat(b.path("mismatches").get(0).path("file").asText()).isEqualTo("cdx/index.cdxj");
        assertThat(b.path("mismatches").get(0).path("problem").asText()).contains("disagrees");
    }

    @Test
    void historyShowsWhenTheReportChangedAndDisappeared() throws Exception {
        Path data = archiveWithHistory();
        Result r = run("history", URL, "--json", "--data", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j).hasSize(4);
        assertThat(List.of(j.get(0).path("change").asText(), j.get(1).path("change").asText(),
                j.get(2).path("change").asText(), j.get(3).path("change").asText()))
                .containsExactly("new", "unchanged", "changed", "gone");
        assertThat(j.get(1).path("revisit").asBoolean()).isTrue();

        Result text = run("history", URL, "--data", data.toString());
        assertThat(text.out()).contains("4 captures, 2 distinct versions");
        Result none = run("history", "http://nowhere.gov.cn/", "--data", data.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no capture of http://nowhere.gov.cn/");
    }

    @Test
    void exportWritesTheOriginalBytesAndASidecarByUrlDateOrSha256() throws Exception {
        Path data = archiveWithHistory();
        Path out = tmp.resolve("out");
        Result r = run("export", "--url", URL, "--at", "2026-03-10", "--out", out.toString(), "--data", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path payload = Path.of(r.out().lines().toList().get(0));
        Path sidecar = Path.of(r.out().lines().toList().get(1));
        assertThat(Files.readString(payload)).isEqualTo("%PDF-1.7 第一版");
        JsonNode s = new ObjectMapper().readTree(sidecar.toFile());
        assertThat(s.path("url").asText()).isEqualTo(URL);
        assertThat(s.path("captureDate").asText()).isEqualTo("2026-03-08T08:00:00Z"); // the revisit of day 7
        assertThat(s.path("warc").path("type").asText()).isEqualTo("revisit");
        assertThat(s.path("payloadFrom").path("captureDate").asText()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(s.path("sha256").asText()).startsWith("sha256:");

        // without --at: the latest successful capture (the edited one, not the 404)
        Result latest = run("export", "--url", URL, "--out", out.toString(), "--data", data.toString());
        assertThat(Files.readString(Path.of(latest.out().lines().toList().get(0)))).isEqualTo("%PDF-1.7 修订版");

        Result typedOtherwise = run("export", "--url", "https://NX.gov.cn/zwgk/2025nb.pdf", "--out", tmp.resolve("out3").toString(),
                "--data", data.toString());
        assertThat(typedOtherwise.code()).as(typedOtherwise.err()).isZero();
        assertThat(Files.readString(Path.of(typedOtherwise.out().lines().toList().get(0)))).isEqualTo("%PDF-1.7 修订版");

        String sha = s.path("sha256").asText().substring("sha256:".length());
        Result bySha = run("export", "--sha256", sha, "--out", tmp.resolve("out2").toString(), "--data", data.toString());
        assertThat(bySha.code()).isZero();
        assertThat(Files.readString(Path.of(bySha.out().lines().toList().get(0)))).isEqualTo("%PDF-1.7 第一版");
    }

    @Test
    void exportOfAnOriginalWithMisplacedOptionsIsABadUsage() throws Exception {
        Path data = archiveWithHistory();
        Result atAlone = run("export", "--at", "2020-01-01", "--data", data.toString());
        assertThat(atAlone.code()).isEqualTo(2);
        assertThat(atAlone.err()).contains("--at goes with --url");
        Result both = run("export", "行政复议", "--url", URL, "--data", data.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either a QUERY (reports) or --url/--sha256");
        Result before = run("export", "--url", URL, "--at", "2020-01-01", "--data", data.toString(), "--out", tmp.toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err()).contains("no successful capture");
    }

    @Test
    void reindexRebuildsALostIndex() throws Exception {
        Path data = archiveWithHistory();
        Files.delete(CdxjIndex.file(data));
        Result r = run("archive", "reindex", "--data", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 captures (0 added").contains("4 CDXJ lines");
        assertThat(CdxjIndex.readLines(data)).hasSize(4);
        assertThat(run("verify", "--data", data.toString()).code()).isZero();
        assertThat(run("archive", "--data", data.toString()).code()).isEqualTo(2);
    }

    @Test
    void verifyOnAMissingDataFolderFailsWithOneLine() {
        Result r = run("verify", "--data", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("nianbao: no data folder at").doesNotContain("\n");
    }

}
