package org.nianbao.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.cdx.CdxjIndex;
import org.nianbao.archive.cdx.CdxjLine;
import org.nianbao.archive.warc.ScannedRecord;
import org.nianbao.archive.warc.WarcScanner;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written by nianbao are read by an independent reader: the npm warcio CLI. */
class WarcioCompatibilityTest {
    private static final Instant T0 = Instant.parse("2026-07-01T02:03:04.567Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** warcio on PATH, or under $NIANBAO_NODE_TOOLS, or in the repository's .cache/node-tools. */
    static Optional<Path> findWarcio() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) candidates.add(Path.of(dir, "warcio"));
        }
        String tools = System.getenv("NIANBAO_NODE_TOOLS");
        if (tools != null) candidates.add(Path.of(tools, "node_modules", ".bin", "warcio"));
        // surefire runs in the module folder; the developer's copy lives in the repository's .cache
        candidates.add(Path.of("").toAbsolutePath().getParent().resolve(".cache/node-tools/node_modules/.bin/warcio"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    static Path requireWarcio() {
        Optional<Path> warcio = findWarcio();
        if (warcio.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but the warcio CLI is neither on PATH nor under $NIANBAO_NODE_TOOLS");
            }
            Assumptions.abort("warcio CLI not found (npm install --prefix .cache/node-tools warcio); skipped outside CI");
        }
        return warcio.get();
    }

    private static String run(Path warcio, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(warcio.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("warcio %s failed: %s", args[0], err).isZero();
        assertThat(err).as("warcio stderr").doesNotContainIgnoringCase("error");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void warcioListsEveryRecordAndItsCdxAgreesWithOurs() throws Exception {
        Path warcio = requireWarcio();
        Path data = tmp.resolve("data");
        TestExchanges ex = new TestExchanges(tmp);
        byte[] pdf = new byte[300_000];
        new Random(3).nextBytes(pdf);
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults().withMaxFileBytes(250_000),
                Clock.fixed(T0, ZoneOffset.UTC))) {
            archive.store(ex.html("http://www.beijing.gov.cn/zwgk/nb/", "<a href=2025.pdf>2025年年报</a>", T0));
            archive.store(ex.ok("http://www.beijing.gov.cn/zwgk/nb/2025.pdf", "application/pdf", pdf, T0.plusSeconds(1)));
            archive.store(ex.ok("http://www.beijing.gov.cn/zwgk/nb/%E5%B9%B4%E6%8A%A5.pdf", "application/pdf", pdf,
                    T0.plusSeconds(2))); // same bytes under another URL: revisit
            archive.store(ex.notModified("http://www.beijing.gov.cn/zwgk/nb/2025.pdf", T0.plusSeconds(3)));
            archive.store(ex.status("http://www.beijing.gov.cn/zwgk/nb/2019.pdf", 404, "Not Found", T0.plusSeconds(4)));
            archive.store(ex.exchange("http://www.beijing.gov.cn/chunked", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n", "解码后的正文".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(5),
                    null, Map.of("X-Crawler-Transfer-Encoding", "chunked")));
            archive.store(ex.exchange("http://www.beijing.gov.cn/cut.pdf", "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: 99999999\r\n\r\n", new byte[4096], T0.plusSeconds(6), "length", Map.of()));
            archive.store(ex.exchange("https://www.beijing.gov.cn/redirect", "HTTP/1.1 302 Found\r\nLocation: /zwgk/\r\n"
                    + "Content-Length: 0\r\n\r\n", null, T0.plusSeconds(7), null, Map.of()));
        }
        List<Path> files;
        try (var s = Files.list(data.resolve("warc"))) {
            files = s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
        assertThat(files).as("rotation produced several files").hasSizeGreaterThan(1);

        Set<String> ours = new TreeSet<>();
        for (String line : CdxjIndex.readLines(data)) {
            CdxjLine l = CdxjLine.parse(line);
            ours.add(l.url() + " " + l.timestamp() + " " + l.digest() + " " + l.filename() + "@" + l.offset() + "+" + l.length());
        }
        assertThat(ours).hasSize(8);

        Set<String> theirs = new TreeSet<>();
        for (Path file : files) {
            int recordCount = 0;
            try (WarcScanner scanner = new WarcScanner(file)) {
                for (Optional<ScannedRecord> r = scanner.next(); r.isPresent(); r = scanner.next()) recordCount++;
            }
            String index = run(warcio, "index", file.toString(), "--fields", "offset,warc-type,warc-target-uri,warc-payload-digest");
            List<String> records = index.lines().filter(l -> !l.isBlank()).toList();
            assertThat(records).as("warcio index lists every record of %s", file.getFileName()).hasSize(recordCount);
            for (String r : records) assertThat(JSON.readTree(r).path("warc-type").asText()).isNotBlank();

            String cdx = run(warcio, "cdx-index", file.toString());
            for (String line : cdx.lines().filter(l -> !l.isBlank()).toList()) {
                String[] parts = line.split(" ", 3);
                JsonNode j = JSON.readTree(parts[2]);
                theirs.add(j.path("url").asText() + " " + parts[1] + " " + j.path("digest").asText() + " "
                        + j.path("filename").asText() + "@" + j.path("offset").asText() + "+" + j.path("length").asText());
            }
        }
        assertThat(theirs).isEqualTo(ours);
    }
}
