package org.nianbao.bench;

import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Exchange;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.verify.VerifyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Archive write and verify. The payloads are the corpus originals (PDF, DOC, DOCX, HTML), stored over and
 * over under distinct URLs with dedupe off, so every byte is really compressed and hashed. The peers get
 * exactly the same bytes: {@code gzip -6} compresses their concatenation to a file; {@code sha256sum}
 * reads the WARC files verify reads.
 */
public final class ArchiveBench {

    private static final Logger log = LoggerFactory.getLogger(ArchiveBench.class);

    private final BenchSettings settings;

    public ArchiveBench(BenchSettings settings) {
        this.settings = settings;
    }

    public List<Figure> run() throws IOException {
        Path dir = settings.work().resolve("archive");
        Files.createDirectories(dir);
        List<Path> originals = originals(settings.corpus().resolve("docs"));
        long perRound = 0;
        for (Path p : originals) perRound += Files.size(p);
        int rounds = (int) Math.max(1, (long) settings.archiveMb() * 1_000_000 / perRound);
        long payloadBytes = perRound * rounds;

        // The peer's input: the same payload bytes, in the same order, as one file.
        Path concatenated = dir.resolve("payload.bin");
        try (OutputStream out = Files.newOutputStream(concatenated)) {
            for (int r = 0; r < rounds; r++) for (Path p : originals) Files.copy(p, out);
        }
        boolean gzip = Commands.available("gzip");
        boolean sha = Commands.available("sha256sum");
        List<Double> writeOurs = new ArrayList<>();
        List<Double> writeGzip = new ArrayList<>();
        List<Double> verifyOurs = new ArrayList<>();
        List<Double> verifySha = new ArrayList<>();
        long warcBytes = 0;
        for (int rep = 0; rep < settings.repetitions(); rep++) {
            Path data = dir.resolve("data-" + rep);
            long start = System.nanoTime();
            try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults().withDedupe(false), Clock.systemUTC())) {
                int n = 0;
                for (int r = 0; r < rounds; r++) {
                    for (Path p : originals) archive.store(exchange(p, r, n++));
                }
                archive.flush();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            writeOurs.add(payloadBytes / 1e6 / secs);
            if (gzip) {
                Duration d = Commands.time(List.of("gzip", "-6", "-c", concatenated.toString()), dir.resolve("payload.bin.gz"));
                writeGzip.add(payloadBytes / 1e6 / (d.toNanos() / 1e9));
            }
            try (WarcArchive archive = WarcArchive.open(data)) {
                VerifyReport report = archive.verify(Runtime.getRuntime().availableProcessors(), m -> { });
                if (!report.ok()) throw new IOException("verify found " + report.mismatches().size() + " problems in a fresh archive");
                verifyOurs.add(report.megabytesPerSecond());
                warcBytes = report.compressedBytes();
            }
            if (sha) {
                List<String> cmd = new ArrayList<>(List.of("sha256sum"));
                try (Stream<Path> files = Files.list(WarcArchive.warcDir(data))) {
                    files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().forEach(f -> cmd.add(f.toString()));
                }
                Duration d = Commands.time(cmd, null);
                verifySha.add(warcBytes / 1e6 / (d.toNanos() / 1e9));
            }
            log.info("archive repetition {}: write {} MB/s, verify {} MB/s", rep + 1,
                    Samples.number(writeOurs.getLast()), Samples.number(verifyOurs.getLast()));
            deleteTree(data);
        }
        Files.deleteIfExists(concatenated);
        Files.deleteIfExists(dir.resolve("payload.bin.gz"));
        String input = "%d MB of corpus originals (%d files × %d), dedupe off".formatted(payloadBytes / 1_000_000, originals.size(), rounds);
        return List.of(
                new Figure("archive write", "MB/s of payload → gzipped WARC + SHA-1/SHA-256 + capture table", new Samples(writeOurs),
                        gzip ? "gzip -6 to a file" : "gzip -6 (not installed)", gzip ? new Samples(writeGzip) : null, input),
                new Figure("verify", "MB/s of WARC read, digests recomputed, table + CDXJ checked", new Samples(verifyOurs),
                        sha ? "sha256sum of the same WARC files" : "sha256sum (not installed)", sha ? new Samples(verifySha) : null,
                        "%d MB of WARC, %d threads".formatted(warcBytes / 1_000_000, Runtime.getRuntime().availableProcessors())));
    }

    static List<Path> originals(Path docs) throws IOException {
        try (Stream<Path> files = Files.walk(docs)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Exchange exchange(Path body, int round, int n) throws IOException {
        String name = body.getFileName().toString();
        URI url = URI.create("http://www.bench" + (n % 30) + ".gov.cn/r" + round + "/" + body.getParent().getFileName() + "/" + name);
        String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".html") ? "text/html"
                : name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/msword";
        byte[] request = ("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nUser-Agent: nianbao-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + Files.size(body) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        java.time.Instant now = java.time.Instant.now();
        return new Exchange(url, request, head, body, "127.0.0.1", now, now, "bench", null, null, null);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
