package org.nianbao.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterLockTest {
    private static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private String probe(Path lockFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(),
                lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void anArchiveOpenedOnlyToReadNeverKeepsTheWriterOut() throws Exception {
        Path data = tmp.resolve("data");
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive reader = WarcArchive.open(data, ArchiveOptions.defaults(), clock);
             WarcArchive crawler = WarcArchive.open(data, ArchiveOptions.defaults(), clock)) {
            Capture c = crawler.store(ex.html("http://www.gov.cn/a", "a", T0));
            assertThat(reader.capturesAfter(0)).containsExactly(c);
            assertThat(reader.writable()).isFalse();
            assertThatThrownBy(() -> reader.store(ex.html("http://www.gov.cn/b", "b", T0)))
                    .isInstanceOf(ArchiveException.class).hasMessageContaining("read-only here");
        }
    }

    @Test
    void anotherInstanceInTheSameProcessDoesNotDropTheWritersOsLock() throws Exception {
        Path data = tmp.resolve("data");
        Path lockFile = data.resolve("state/archive.lock");
        TestExchanges ex = new TestExchanges(tmp);
        try (WarcArchive writer = WarcArchive.open(data, ArchiveOptions.defaults(), clock)) {
            writer.store(ex.html("http://www.gov.cn/a", "a", T0));
            assertThat(probe(lockFile)).isEqualTo("HELD");
            // POSIX locks die with any channel the process closes on the file: a careless second
            // opener would hand the archive to a second writing process here
            try (WarcArchive other = WarcArchive.open(data, ArchiveOptions.defaults(), clock)) {
                assertThat(other.writable()).isFalse();
                other.verify(1, s -> { });
            }
            assertThat(probe(lockFile)).isEqualTo("HELD");
        }
        assertThat(probe(lockFile)).isEqualTo("FREE");
    }
}
