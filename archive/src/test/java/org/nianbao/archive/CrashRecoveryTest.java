package org.nianbao.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.verify.VerifyReport;
import org.nianbao.archive.warc.Digests;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CrashRecoveryTest {
    private static final int SMALL = 40;

    @TempDir
    Path tmp;

    @Test
    void killDashNineMidRecordLosesOnlyThatRecordAndVerifyPasses() throws Exception {
        Path data = tmp.resolve("data");
        Path work = Files.createDirectories(tmp.resolve("work"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), data.toString(), work.toString(), Integer.toString(SMALL),
                Integer.toString(160 << 20))
                .redirectError(tmp.resolve("child.err").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child output; stderr: %s", readErr()).startsWith("BIG ");
            Path open = waitForOpenFile(data);
            long before = Files.size(open);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // kill once the big record is well under way but not finished
            while (Files.size(open) < before + (8 << 20) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("child still writing the big record").isTrue();
            killDashNine(child);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            assertThat(Files.size(open)).isGreaterThan(before);
        }

        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC())) {
            try (var s = Files.list(data.resolve("warc"))) {
                assertThat(s.map(p -> p.getFileName().toString()).toList())
                        .as("the open file was repaired and closed").allMatch(n -> n.endsWith(".warc.gz"));
            }
            List<Capture> captures = archive.capturesAfter(0);
            assertThat(captures).hasSize(SMALL);
            for (int i = 0; i < SMALL; i++) {
                Capture c = captures.get(i);
                byte[] expected = CrashingWriter.smallBody(i);
                assertThat(c.url()).isEqualTo(CrashingWriter.smallUrl(i));
                assertThat(c.sha256()).isEqualTo(Digests.hex(Digests.sha256().digest(expected)));
                try (InputStream in = archive.openPayload(c)) {
                    assertThat(in.readAllBytes()).isEqualTo(expected);
                }
            }
            VerifyReport report = archive.verify(2, s -> { });
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.captures()).isEqualTo(SMALL);

            // the archive keeps working after the crash
            Capture after = archive.store(new TestExchanges(tmp).html("http://www.gov.cn/after.html", "ok", CrashingWriter.T0));
            assertThat(after.id()).isGreaterThan(captures.getLast().id());
        }
    }

    /** SIGKILL, as `kill -9` sends it; destroyForcibly() sends the same signal where there is no kill binary. */
    private static void killDashNine(Process child) throws Exception {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
            assertThat(kill.waitFor()).isZero();
        } catch (java.io.IOException noKillBinary) {
            child.destroyForcibly();
        }
    }

    private String readErr() {
        try {
            return Files.readString(tmp.resolve("child.err"));
        } catch (Exception e) {
            return "(none)";
        }
    }

    private static Path waitForOpenFile(Path data) throws Exception {
        for (int i = 0; i < 2000; i++) {
            try (var s = Files.list(data.resolve("warc"))) {
                var open = s.filter(p -> p.toString().endsWith(".open")).findFirst();
                if (open.isPresent()) return open.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no .open WARC file appeared");
    }
}
