package org.nianbao.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.verify.VerifyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closing figures of the archive on the corpus renderings (HTML, PDF, scanned PDF, DOC, DOCX)
 * crawled twice: WARC bytes vs payload bytes, what the identical second crawl costs, and verify
 * speed against {@code sha256sum} over the same files. Size with -Dnianbao.figures.mb (default 16).
 */
class ArchiveFiguresTest {
    private static final Logger log = LoggerFactory.getLogger(ArchiveFiguresTest.class);
    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");

    @TempDir
    Path tmp;

    private record Doc(String name, String contentType, byte[] bytes) {
    }

    private static List<Doc> corpus() throws Exception {
        Path docs = Path.of(System.getProperty("nianbao.shared"), "corpus", "docs");
        List<Doc> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(docs)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString();
                String type = n.endsWith(".pdf") ? "application/pdf" : n.endsWith(".html") ? "text/html"
                        : n.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        : n.endsWith(".doc") ? "application/msword" : "application/octet-stream";
                out.add(new Doc(docs.relativize(p).toString(), type, Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static long sizeOfWarcs(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("warc"))) {
            long sum = 0;
            for (Path p : s.toList()) sum += Files.size(p);
            return sum;
        }
    }

    @Test
    void secondIdenticalCrawlCostsOnlyRevisitsAndVerifyKeepsUpWithSha256sum() throws Exception {
        long targetBytes = Long.getLong("nianbao.figures.mb", 16) << 20;
        List<Doc> docs = corpus();
        assertThat(docs).isNotEmpty();
        Path data = tmp.resolve("data");
        TestExchanges ex = new TestExchanges(tmp);
        long payload = 0;
        int captures = 0;
        List<String[]> crawled = new ArrayList<>();
        long firstCrawlBytes;
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 0; payload < targetBytes; i++) {
                Doc d = docs.get(i % docs.size());
                // each portal serves its own copy: distinct bytes, so the first crawl has no duplicates
                byte[] body = unique(d, i);
                String url = "http://www.portal" + (i % 23) + ".gov.cn/zwgk/nb/" + i + "/" + d.name().replace('\\', '/');
                Exchange e = ex.ok(url, d.contentType(), body, T0.plusSeconds(i));
                archive.store(e);
                crawled.add(new String[] {url, d.contentType(), e.responseBody().toString()});
                payload += body.length;
                captures++;
            }
            archive.flush();
            firstCrawlBytes = sizeOfWarcs(data);
            for (int i = 0; i < crawled.size(); i++) {
                String[] c = crawled.get(i);
                Capture second = archive.store(ex.ok(c[0], c[1], Files.readAllBytes(Path.of(c[2])), T0.plusSeconds(86400 * 7 + i)));
                assertThat(second.revisit()).isTrue();
            }
            archive.flush();
        }
        long totalBytes = sizeOfWarcs(data);
        long secondCrawlBytes = totalBytes - firstCrawlBytes;
        double overhead = (double) firstCrawlBytes / payload;
        double saving = 1 - (double) secondCrawlBytes / firstCrawlBytes;
        log.info("FIGURES first crawl: {} captures, {} payload bytes -> {} WARC bytes ({} of payload)",
                captures, payload, firstCrawlBytes, String.format("%.3f", overhead));
        log.info("FIGURES identical second crawl: {} WARC bytes = {} per capture; saving {}% vs the first crawl",
                secondCrawlBytes, secondCrawlBytes / captures, String.format("%.2f", saving * 100));
        assertThat(saving).as("revisits store no payload").isGreaterThan(0.9);
        assertThat(overhead).as("WARC bytes per payload byte").isLessThan(1.2);

        // verify speed against sha256sum over the same WARC files (both read from the page cache)
        VerifyReport report;
        double verifyCpu;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC())) {
            archive.verify(2, s -> { }); // warm the cache and the JIT
            long cpu0 = os.getProcessCpuTime();
            report = archive.verify(Runtime.getRuntime().availableProcessors(), s -> { });
            verifyCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        }
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.captures()).isEqualTo(2L * captures);
        double[] sha256sum = sha256sum(data);
        double mb = report.compressedBytes() / 1e6;
        if (sha256sum != null) {
            log.info("FIGURES CPU time for the same {} MB: verify {} s ({} MB per CPU-second), sha256sum {} s ({} MB per "
                            + "CPU-second); ratio {}", String.format("%.1f", mb), String.format("%.2f", verifyCpu),
                    String.format("%.1f", mb / verifyCpu), String.format("%.2f", sha256sum[1]),
                    String.format("%.1f", mb / sha256sum[1]), String.format("%.2f", sha256sum[1] / verifyCpu));
        }
        log.info("FIGURES verify: {} files, {} MB in {} s = {} MB/s (SHA-1 block + SHA-1 and SHA-256 payload, gunzip, "
                        + "table and CDXJ cross-check; {} threads); sha256sum over the same files: {} MB/s; ratio {}",
                report.files(), String.format("%.1f", report.compressedBytes() / 1e6),
                String.format("%.2f", report.elapsed().toNanos() / 1e9), String.format("%.1f", report.megabytesPerSecond()),
                Runtime.getRuntime().availableProcessors(),
                sha256sum == null ? "n/a" : String.format("%.1f", mb / sha256sum[0]),
                sha256sum == null ? "n/a" : String.format("%.2f", report.megabytesPerSecond() / (mb / sha256sum[0])));
    }

    private static byte[] unique(Doc d, int i) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.bytes().length + 40);
        out.write(d.bytes());
        out.write(("\n<!-- nianbao copy " + i + " -->\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** sha256sum over the WARC files, best of two runs: {wall seconds, CPU seconds}, or null when it is missing. */
    private static double[] sha256sum(Path data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "sha256sum \"$@\" > /dev/null && times", "sha256sum"));
        try (Stream<Path> s = Files.list(data.resolve("warc"))) {
            for (Path p : s.sorted().toList()) cmd.add(p.toString());
        }
        double[] best = null;
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (java.io.IOException noBash) {
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) return null;
            double wall = (System.nanoTime() - t0) / 1e9;
            // `times` prints the shell's user/sys, then its children's: "0m1.041s 0m0.126s"
            List<String> lines = out.lines().toList();
            double cpu = 0;
            for (String t : lines.getLast().trim().split("\\s+")) {
                String[] ms = t.replace("s", "").split("m");
                cpu += Double.parseDouble(ms[0]) * 60 + Double.parseDouble(ms[1]);
            }
            if (best == null || wall < best[0]) best = new double[] {wall, cpu};
        }
        return best;
    }
}
