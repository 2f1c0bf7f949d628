package org.nianbao.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.verify.VerifyReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputAndRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private List<Path> warcFiles() throws Exception {
        try (var s = Files.list(data().resolve("warc"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void diskFullMidRecordStopsWithATypedErrorAndLeavesValidFiles() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        FullDisk disk = new FullDisk(60_000);
        byte[] big = new byte[200_000];
        new Random(7).nextBytes(big);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock, disk::open)) {
            archive.store(ex.html("http://www.gov.cn/1.html", "<p>一</p>", T0));
            archive.store(ex.html("http://www.gov.cn/2.html", "<p>二</p>", T0));
            assertThatThrownBy(() -> archive.store(ex.ok("http://www.gov.cn/big.pdf", "application/pdf", big, T0)))
                    .isInstanceOf(ArchiveFullException.class)
                    .hasMessageContaining("disk full")
                    .hasMessageContaining("every WARC file is valid");
            // still full: the next one fails the same clear way
            assertThatThrownBy(() -> archive.store(ex.html("http://www.gov.cn/3.html", "<p>三</p>", T0)))
                    .isInstanceOf(ArchiveFullException.class);
            assertThat(archive.capturesAfter(0)).extracting(Capture::url)
                    .containsExactly("http://www.gov.cn/1.html", "http://www.gov.cn/2.html");
        }
        assertThat(warcFiles()).extracting(p -> p.getFileName().toString()).allMatch(n -> n.endsWith(".warc.gz"));
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            VerifyReport report = archive.verify(1, s -> { });
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.captures()).isEqualTo(2);
        }
    }

    @Test
    void tooLittleFreeSpaceIsRefusedBeforeAnythingIsWritten() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults().withMinFreeBytes(Long.MAX_VALUE / 4), clock)) {
            assertThatThrownBy(() -> archive.store(ex.html("http://www.gov.cn/1.html", "x", T0)))
                    .isInstanceOf(ArchiveFullException.class)
                    .hasMessageContaining("nothing was written");
            assertThat(archive.capturesAfter(0)).isEmpty();
        }
        assertThat(warcFiles()).isEmpty();
    }

    @Test
    void badResponseHeadIsRejectedWithAOneLineMessageAndTheArchiveGoesOn() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            assertThatThrownBy(() -> archive.store(ex.exchange("http://www.gov.cn/x", "garbage\r\n\r\n", new byte[0], T0, null, java.util.Map.of())))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("bad response head for http://www.gov.cn/x")
                    .hasMessageNotContaining("\n");
            Capture ok = archive.store(ex.html("http://www.gov.cn/y", "fine", T0));
            assertThat(archive.capturesAfter(0)).containsExactly(ok);
        }
    }

    @Test
    void recordOnDiskButMissingFromTheTableIsRecoveredOnOpen() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            archive.store(ex.html("http://www.gov.cn/a", "a", T0));
            archive.store(ex.html("http://www.gov.cn/b", "b", T0));
        }
        // simulate a crash between forcing the record and committing its row: the file is still .open
        Path closed = warcFiles().getFirst();
        Files.move(closed, closed.resolveSibling(closed.getFileName() + ".open"));
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("state/archive.sqlite"));
             var st = db.createStatement()) {
            st.executeUpdate("DELETE FROM capture WHERE url = 'http://www.gov.cn/b'");
        }
        // and a torn half-record at the end
        byte[] garbage = new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 1, 2, 3};
        Files.write(closed.resolveSibling(closed.getFileName() + ".open"), garbage, java.nio.file.StandardOpenOption.APPEND);
        long sizeBefore = Files.size(closed.resolveSibling(closed.getFileName() + ".open"));

        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            assertThat(archive.capturesAfter(0)).extracting(Capture::url)
                    .containsExactlyInAnyOrder("http://www.gov.cn/a", "http://www.gov.cn/b");
            assertThat(Files.size(closed)).isEqualTo(sizeBefore - garbage.length);
            assertThat(archive.verify(1, s -> { }).mismatches()).isEmpty();
        }
    }

    @Test
    void anOpenFileWithoutOneCompleteRecordIsRemovedOnOpen() throws Exception {
        Path warcDir = Files.createDirectories(data().resolve("warc"));
        Path open = warcDir.resolve("NIANBAO-20260601100000000-00001-vm.warc.gz.open");
        Files.write(open, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0x4b});
        try (WarcArchive archive = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            assertThat(warcFiles()).isEmpty();
            assertThat(archive.verify(1, s -> { }).ok()).isTrue();
        }
    }

    @Test
    void readOnlyWhileAnotherWriterHoldsTheArchive() throws Exception {
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive writer = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
            Capture c = writer.store(ex.html("http://www.gov.cn/a", "a", T0));
            try (WarcArchive reader = WarcArchive.open(data(), ArchiveOptions.defaults(), clock)) {
                assertThat(reader.writable()).isFalse();
                assertThat(reader.capturesAfter(0)).containsExactly(c);
                try (var in = reader.openPayload(c)) {
                    assertThat(new String(in.readAllBytes())).isEqualTo("a");
                }
                assertThatThrownBy(() -> reader.store(ex.html("http://www.gov.cn/b", "b", T0)))
                        .isInstanceOf(ArchiveException.class).hasMessageContaining("read-only");
                // the writer's open file was not "repaired" under its feet
                assertThat(writer.store(ex.html("http://www.gov.cn/c", "c", T0)).id()).isGreaterThan(c.id());
            }
        }
    }
}
