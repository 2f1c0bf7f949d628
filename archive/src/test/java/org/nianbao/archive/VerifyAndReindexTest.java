package org.nianbao.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.cdx.CdxjIndex;
import org.nianbao.archive.cdx.Reindexer;
import org.nianbao.archive.verify.Verifier;
import org.nianbao.archive.verify.VerifyReport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyAndReindexTest {
    private static final Instant T0 = Instant.parse("2026-04-02T01:02:03.456Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    /** A small archive: three reports, a second crawl with a revisit and a 304, a 404. */
    private List<Capture> fill(WarcArchive archive) throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        List<Capture> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(archive.store(ex.html("http://www.gd.gov.cn/nb/" + i + ".html",
                    "<h1>广东省" + i + "号年度报告</h1>AAAAAAAAAAAAAAAAAAAAAAAA", T0.plusSeconds(i))));
        }
        out.add(archive.store(ex.html("http://www.gd.gov.cn/nb/0.html", "<h1>广东省0号年度报告</h1>AAAAAAAAAAAAAAAAAAAAAAAA",
                T0.plusSeconds(100))));
        out.add(archive.store(ex.notModified("http://www.gd.gov.cn/nb/1.html", T0.plusSeconds(101))));
        out.add(archive.store(ex.status("http://www.gd.gov.cn/nb/2.html", 404, "Not Found", T0.plusSeconds(102))));
        return out;
    }

    @Test
    void verifyPassesOnAnIntactArchiveAndCountsEverything() throws Exception {
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            fill(archive);
            VerifyReport report = archive.verify(2, s -> { });
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.ok()).isTrue();
            assertThat(report.files()).isEqualTo(1);
            assertThat(report.captures()).isEqualTo(6);
            assertThat(report.tableRows()).isEqualTo(6);
            assertThat(report.cdxLines()).isEqualTo(6);
            assertThat(report.records()).isEqualTo(1 + 6 * 3);
        }
    }

    @Test
    void verifyReportsAnAlteredPayloadWithFileAndOffset() throws Exception {
        Capture victim;
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            victim = fill(archive).get(2);
        }
        Path warc = data().resolve("warc").resolve(victim.warcFile());
        byte[] all = Files.readAllBytes(warc);
        int off = (int) victim.offset();
        int len = (int) victim.recordLength();
        byte[] record;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(all, off, len))) {
            record = in.readAllBytes();
        }
        String text = new String(record, StandardCharsets.UTF_8).replace("AAAA</", "AAAB</").replace("AAAAAAAA", "AAAAAAAB");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(all, 0, off);
        spliced.write(gz.toByteArray());
        spliced.write(all, off + len, all.length - off - len);
        Files.write(warc, spliced.toByteArray());

        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            VerifyReport report = archive.verify(1, s -> { });
            assertThat(report.ok()).isFalse();
            assertThat(report.mismatches()).anySatisfy(m -> {
                assertThat(m.file()).isEqualTo(victim.warcFile());
                assertThat(m.offset()).isEqualTo(victim.offset());
                assertThat(m.problem()).contains("payload digest mismatch");
            });
            assertThat(report.mismatches()).anySatisfy(m -> assertThat(m.problem()).contains("block digest mismatch"));
        }
    }

    @Test
    void verifyReportsCaptureTableAndCdxjDisagreeingWithTheFiles() throws Exception {
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            fill(archive);
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("state/archive.sqlite"));
             var st = db.createStatement()) {
            st.executeUpdate("UPDATE capture SET sha256 = '" + "0".repeat(64) + "' WHERE id = 1");
        }
        Path cdx = CdxjIndex.file(data());
        List<String> lines = new ArrayList<>(Files.readAllLines(cdx));
        String dropped = lines.removeLast();
        Files.write(cdx, lines);

        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            VerifyReport report = archive.verify(1, s -> { });
            assertThat(report.mismatches()).anySatisfy(m -> assertThat(m.problem())
                    .contains("capture table row 1 disagrees").contains("sha256 " + "0".repeat(64)));
            assertThat(report.mismatches()).anySatisfy(m -> assertThat(m.problem()).contains("missing from the CDXJ index"));
            assertThat(dropped).isNotBlank();
        }
    }

    @Test
    void verifySplitsABigFileAtCaptureOffsetsAndReachesTheSameVerdict() throws Exception {
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            TestExchanges ex = new TestExchanges(tmp);
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 40; i++) {
                byte[] body = new byte[3000 + random.nextInt(5000)];
                random.nextBytes(body);
                archive.store(ex.ok("http://www.nx.gov.cn/f/" + i + ".pdf", "application/pdf", body, T0.plusSeconds(i)));
            }
            archive.flush();
            VerifyReport whole = new Verifier(data(), archive.captures(), 1, s -> { }).verify(false);
            VerifyReport split = new Verifier(data(), archive.captures(), 4, 1, s -> { }).verify(false);
            assertThat(whole.mismatches()).isEmpty();
            assertThat(split.mismatches()).isEmpty();
            assertThat(split.records()).isEqualTo(whole.records()).isEqualTo(1 + 40 * 3);
            assertThat(split.captures()).isEqualTo(40);
            assertThat(split.payloadBytes()).isEqualTo(whole.payloadBytes());
            assertThat(split.compressedBytes()).isEqualTo(whole.compressedBytes());
        }
        // a capture row pointing into the middle of a record: split points are wrong, the verdict is not
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("state/archive.sqlite"));
             var st = db.createStatement()) {
            st.executeUpdate("UPDATE capture SET warc_offset = warc_offset + 7 WHERE id = 20");
        }
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            VerifyReport split = new Verifier(data(), archive.captures(), 4, 1, s -> { }).verify(false);
            assertThat(split.records()).isEqualTo(1 + 40 * 3);
            assertThat(split.mismatches()).anySatisfy(m -> assertThat(m.problem()).contains("capture 20 ").contains("points to no"));
            assertThat(split.mismatches()).anySatisfy(m -> assertThat(m.problem()).contains("is not in the capture table"));
        }
    }

    @Test
    void verifyWhileAnotherWriterIsBusySkipsItsOpenFileButChecksRotatedOnes() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive writer = WarcArchive.open(data(), ArchiveOptions.defaults().withMaxFileBytes(6_000), clock)) {
            java.util.Random random = new java.util.Random(9);
            for (int i = 0; i < 12; i++) {
                byte[] body = new byte[2500];
                random.nextBytes(body);
                writer.store(ex.ok("http://www.nx.gov.cn/r/" + i + ".pdf", "application/pdf", body, T0.plusSeconds(i)));
            }
            try (WarcArchive reader = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
                assertThat(reader.writable()).isFalse();
                VerifyReport report = reader.verify(2, s -> { });
                assertThat(report.mismatches()).isEmpty();
                assertThat(report.skipped()).hasSize(1).allMatch(n -> n.endsWith(".warc.gz.open"));
                assertThat(report.files()).isGreaterThan(2);
                assertThat(report.captures()).isBetween(8L, 11L);
                assertThat(report.cdxLines()).as("rotation refreshed the CDXJ").isGreaterThanOrEqualTo(report.captures());
            }
        }
    }

    @Test
    void reindexRebuildsTheTableAndCdxjFromTheWarcFilesAlone() throws Exception {
        List<Capture> before;
        List<String> cdxBefore;
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            fill(archive);
            archive.flush();
            before = archive.capturesAfter(0);
            cdxBefore = CdxjIndex.readLines(data());
        }
        try (var s = Files.list(data().resolve("state"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("archive.sqlite")).toList()) Files.delete(p);
        }
        Files.delete(CdxjIndex.file(data()));

        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Reindexer.Result result = archive.reindex(s -> { });
            assertThat(result.captures()).isEqualTo(6);
            assertThat(result.added()).isEqualTo(6);
            assertThat(archive.capturesAfter(0)).isEqualTo(before);
            assertThat(CdxjIndex.readLines(data())).isEqualTo(cdxBefore);
            assertThat(archive.verify(1, s -> { }).mismatches()).isEmpty();

            Reindexer.Result again = archive.reindex(s -> { });
            assertThat(again.added()).isZero();
            assertThat(again.removed()).isZero();
            assertThat(archive.capturesAfter(0)).isEqualTo(before);
        }
    }

    @Test
    void cdxjIsSurtSortedInPywbFormat() throws Exception {
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            TestExchanges ex = new TestExchanges(tmp);
            archive.store(ex.html("http://www.zj.gov.cn/b.html", "b", T0));
            archive.store(ex.html("http://www.ah.gov.cn/a.html", "a", T0));
            archive.store(ex.html("http://www.zj.gov.cn/a.html", "c", T0));
        }
        List<String> lines = CdxjIndex.readLines(data());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("cn,gov,ah)/a.html 20260402010203 {\"url\":\"http://www.ah.gov.cn/a.html\"");
        assertThat(lines.get(1)).startsWith("cn,gov,zj)/a.html ");
        assertThat(lines.get(2)).startsWith("cn,gov,zj)/b.html ");
        assertThat(lines.get(0)).contains("\"mime\":\"text/html\"", "\"status\":\"200\"", "\"digest\":\"",
                "\"sha256\":\"", "\"offset\":\"", "\"length\":\"", "\"filename\":\"NIANBAO-");
    }
}
