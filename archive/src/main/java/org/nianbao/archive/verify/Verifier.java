package org.nianbao.archive.verify;

import org.nianbao.archive.Capture;
import org.nianbao.archive.cdx.CdxjIndex;
import org.nianbao.archive.cdx.CdxjLine;
import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.nianbao.archive.warc.ExchangeRecords;
import org.nianbao.archive.warc.ScannedRecord;
import org.nianbao.archive.warc.WarcFileWriter;
import org.nianbao.archive.warc.WarcScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Proves the archive is what it claims: re-reads every WARC record, recomputes block and payload
 * digests (SHA-1, and SHA-256 of payloads), and checks that the capture table and the CDXJ index
 * agree with the files. Files are read in parallel, one thread per core.
 */
public final class Verifier {
    private final Path dataDir;
    private final CaptureStore store;
    private final int threads;
    private final Consumer<String> progress;
    private final long splitFrom;

    /** A capture record as found in a file: what the table and the CDXJ must agree with. */
    private record Found(String file, long offset, long length, String type, String url, Instant date,
                         String recordId, String refersTo, String sha1, String sha256) {
    }

    private record FileResult(String file, long bytes, long records, long payloadBytes, List<Found> found,
                              List<Mismatch> mismatches) {
    }

    public Verifier(Path dataDir, CaptureStore store, int threads, Consumer<String> progress) {
        this(dataDir, store, threads, DEFAULT_SPLIT, progress);
    }

    /** As above; files of at least {@code splitFrom} bytes are read by several threads at once. */
    public Verifier(Path dataDir, CaptureStore store, int threads, long splitFrom, Consumer<String> progress) {
        this.splitFrom = Math.max(1, splitFrom);
        this.dataDir = dataDir;
        this.store = store;
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    public VerifyReport verify(boolean includeOpenFiles) throws IOException {
        long t0 = System.nanoTime();
        Path warcDir = dataDir.resolve("warc");
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (Files.isDirectory(warcDir)) {
            try (var s = Files.list(warcDir)) {
                for (Path p : s.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".warc.gz")) files.add(p);
                    else if (n.endsWith(".warc.gz" + WarcFileWriter.OPEN_SUFFIX)) {
                        if (includeOpenFiles) files.add(p); else skipped.add(n);
                    }
                }
            }
        }
        List<FileResult> results = scanAll(files);
        List<Mismatch> mismatches = new ArrayList<>();
        Map<String, Found> byLocation = new HashMap<>();
        Map<String, Found> byRecordId = new HashMap<>();
        long records = 0;
        long bytes = 0;
        long payloadBytes = 0;
        for (FileResult r : results) {
            mismatches.addAll(r.mismatches());
            records += r.records();
            bytes += r.bytes();
            payloadBytes += r.payloadBytes();
            for (Found f : r.found()) {
                byLocation.put(f.file() + "@" + f.offset(), f);
                byRecordId.put(f.recordId(), f);
            }
        }
        checkRevisits(byLocation.values(), byRecordId, mismatches);
        java.util.Set<String> inProgress = new java.util.HashSet<>();
        for (String n : skipped) inProgress.add(n.substring(0, n.length() - WarcFileWriter.OPEN_SUFFIX.length()));
        Map<String, CaptureRow> rows = checkTable(byLocation, inProgress, mismatches);
        long cdxLines = checkCdxj(rows, inProgress, mismatches);
        if (!inProgress.isEmpty()) {
            // rows of files being written are not checked; neither are they counted as verified
            rows.values().removeIf(r -> inProgress.contains(r.capture().warcFile()));
        }
        mismatches.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.offset(), b.offset()) : a.file().compareTo(b.file()));
        return new VerifyReport(files.size(), records, byLocation.size(), rows.size(), cdxLines, bytes, payloadBytes,
                Duration.ofNanos(System.nanoTime() - t0), skipped, List.copyOf(mismatches));
    }

    /** A byte range of one file, starting and (unless it runs to the end) ending at record boundaries. */
    private record Chunk(Path path, long start, long end, boolean first) {
    }

    /** Files below this size are read by one thread; bigger ones are split at capture offsets. */
    public static final long DEFAULT_SPLIT = 32L << 20;

    private List<FileResult> scanAll(List<Path> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<List<Future<FileResult>>> perFile = new ArrayList<>();
            for (Path f : files) {
                List<Future<FileResult>> parts = new ArrayList<>();
                for (Chunk c : chunks(f)) parts.add(pool.submit(() -> scan(c)));
                perFile.add(parts);
            }
            List<FileResult> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                List<FileResult> parts = new ArrayList<>();
                for (Future<FileResult> part : perFile.get(i)) parts.add(part.get());
                FileResult r = merge(parts);
                if (parts.size() > 1 && !r.mismatches().isEmpty()) {
                    // a split point may not have been a record boundary: judge the file in one pass
                    r = scan(new Chunk(files.get(i), 0, Long.MAX_VALUE, true));
                }
                out.add(r);
                progress.accept("verified " + done.incrementAndGet() + "/" + files.size() + " " + r.file()
                        + " (" + r.records() + " records" + (r.mismatches().isEmpty() ? "" : ", "
                        + r.mismatches().size() + " problems") + ")");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("verify interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Splits a big file into about one chunk per thread, at offsets where the capture table says records start. */
    private List<Chunk> chunks(Path path) throws IOException {
        long size = Files.size(path);
        if (threads == 1 || size < splitFrom) return List.of(new Chunk(path, 0, Long.MAX_VALUE, true));
        String name = path.getFileName().toString();
        if (name.endsWith(WarcFileWriter.OPEN_SUFFIX)) name = name.substring(0, name.length() - WarcFileWriter.OPEN_SUFFIX.length());
        List<Long> offsets = store.offsetsIn(name);
        List<Chunk> out = new ArrayList<>();
        long start = 0;
        long step = Math.max(splitFrom / 2, size / (threads * 2L));
        for (long offset : offsets) {
            if (offset - start >= step && size - offset >= step / 2) {
                out.add(new Chunk(path, start, offset, start == 0));
                start = offset;
            }
        }
        out.add(new Chunk(path, start, Long.MAX_VALUE, start == 0));
        return out;
    }

    private static FileResult merge(List<FileResult> parts) {
        if (parts.size() == 1) return parts.getFirst();
        long records = 0;
        long payload = 0;
        List<Found> found = new ArrayList<>();
        List<Mismatch> bad = new ArrayList<>();
        for (FileResult p : parts) {
            records += p.records();
            payload += p.payloadBytes();
            found.addAll(p.found());
            bad.addAll(p.mismatches());
        }
        return new FileResult(parts.getFirst().file(), parts.getFirst().bytes(), records, payload, found, bad);
    }

    private FileResult scan(Chunk chunk) throws IOException {
        Path path = chunk.path();
        String name = path.getFileName().toString();
        String captureFile = name.endsWith(WarcFileWriter.OPEN_SUFFIX)
                ? name.substring(0, name.length() - WarcFileWriter.OPEN_SUFFIX.length()) : name;
        List<Found> found = new ArrayList<>();
        List<Mismatch> bad = new ArrayList<>();
        long records = 0;
        long payload = 0;
        try (WarcScanner scanner = new WarcScanner(path, chunk.start())) {
            boolean first = chunk.first();
            while (scanner.position() < chunk.end()) {
                Optional<ScannedRecord> next;
                try {
                    next = scanner.next();
                } catch (WarcScanner.TornRecordException e) {
                    bad.add(new Mismatch(captureFile, e.offset(), "torn record: " + e.getMessage()));
                    break;
                } catch (WarcScanner.BadRecordException e) {
                    bad.add(new Mismatch(captureFile, e.offset(), "unreadable record: " + e.getMessage()));
                    break;
                }
                if (next.isEmpty()) {
                    if (chunk.end() != Long.MAX_VALUE) {
                        bad.add(new Mismatch(captureFile, scanner.position(), "file ends before offset " + chunk.end()));
                    }
                    break;
                }
                ScannedRecord r = next.get();
                records++;
                if (first && !r.type().equals("warcinfo")) {
                    bad.add(new Mismatch(captureFile, r.offset(), "file does not start with a warcinfo record"));
                }
                first = false;
                check(r, captureFile, bad);
                if (r.payloadLength() > 0) payload += r.payloadLength();
                if (r.isCapture()) {
                    Instant date;
                    try {
                        date = Instant.parse(r.header("WARC-Date").orElse(""));
                    } catch (RuntimeException e) {
                        bad.add(new Mismatch(captureFile, r.offset(), "bad WARC-Date"));
                        date = Instant.EPOCH;
                    }
                    String sha256 = r.type().equals("response") ? r.payloadSha256()
                            : r.digestValue(ExchangeRecords.SHA256_HEADER).orElse(null);
                    found.add(new Found(captureFile, r.offset(), r.length(), r.type(),
                            r.header("WARC-Target-URI").orElse(""), date, r.recordId(),
                            ScannedRecord.stripBrackets(r.header("WARC-Refers-To").orElse("")),
                            r.digestValue("WARC-Payload-Digest").orElse(null), sha256));
                }
            }
            if (chunk.end() != Long.MAX_VALUE && scanner.position() > chunk.end() && bad.isEmpty()) {
                bad.add(new Mismatch(captureFile, chunk.end(), "a record runs across offset " + chunk.end()
                        + ", where the capture table says one starts"));
            }
        }
        return new FileResult(captureFile, chunk.first() ? Files.size(path) : 0, records, payload, found, bad);
    }

    /** Digests in the record's headers against the ones recomputed from its bytes. */
    private static void check(ScannedRecord r, String file, List<Mismatch> bad) {
        Optional<String> block = r.header("WARC-Block-Digest");
        if (block.isEmpty()) {
            bad.add(new Mismatch(file, r.offset(), r.type() + " record has no WARC-Block-Digest"));
        } else if (!block.get().toLowerCase().startsWith("sha1:")) {
            bad.add(new Mismatch(file, r.offset(), "unexpected block digest algorithm: " + block.get()));
        } else if (!r.digestValue("WARC-Block-Digest").orElseThrow().equalsIgnoreCase(r.blockSha1())) {
            bad.add(new Mismatch(file, r.offset(), "block digest mismatch: header " + block.get()
                    + ", bytes sha1:" + r.blockSha1()));
        }
        if (r.type().equals("response")) {
            Optional<String> payload = r.digestValue("WARC-Payload-Digest");
            if (payload.isEmpty()) {
                bad.add(new Mismatch(file, r.offset(), "response has no WARC-Payload-Digest"));
            } else if (!payload.get().equalsIgnoreCase(r.payloadSha1())) {
                bad.add(new Mismatch(file, r.offset(), "payload digest mismatch: header sha1:" + payload.get()
                        + ", bytes sha1:" + r.payloadSha1()));
            }
            Optional<String> sha256 = r.digestValue(ExchangeRecords.SHA256_HEADER);
            if (sha256.isPresent() && !sha256.get().equalsIgnoreCase(r.payloadSha256())) {
                bad.add(new Mismatch(file, r.offset(), "payload SHA-256 mismatch: header " + sha256.get()
                        + ", bytes " + r.payloadSha256()));
            }
        }
    }

    private static void checkRevisits(Iterable<Found> all, Map<String, Found> byRecordId, List<Mismatch> bad) {
        for (Found f : all) {
            if (!f.type().equals("revisit")) continue;
            Found original = byRecordId.get(f.refersTo());
            if (original == null) {
                bad.add(new Mismatch(f.file(), f.offset(), "revisit refers to " + f.refersTo() + ", which is in no WARC file"));
            } else if (f.sha1() == null || !f.sha1().equalsIgnoreCase(original.sha1())) {
                bad.add(new Mismatch(f.file(), f.offset(), "revisit payload digest " + f.sha1()
                        + " differs from its original's " + original.sha1()));
            }
        }
    }

    private Map<String, CaptureRow> checkTable(Map<String, Found> byLocation, java.util.Set<String> inProgress,
                                               List<Mismatch> bad) throws IOException {
        Map<String, CaptureRow> rows = new HashMap<>();
        List<CaptureRow> all = new ArrayList<>();
        store.forEachById(all::add);
        for (CaptureRow row : all) {
            Capture c = row.capture();
            String key = c.warcFile() + "@" + c.offset();
            rows.put(key, row);
            if (inProgress.contains(c.warcFile())) continue; // its file is still being written
            Found f = byLocation.get(key);
            if (f == null) {
                bad.add(new Mismatch(c.warcFile(), c.offset(), "capture " + c.id() + " (" + c.url()
                        + ") points to no response or revisit record"));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            if (f.length() != c.recordLength()) diffs.add("record length " + c.recordLength() + " vs file " + f.length());
            if (!f.url().equals(c.url())) diffs.add("URL " + c.url() + " vs file " + f.url());
            if (!f.date().equals(c.time())) diffs.add("time " + c.time() + " vs file " + f.date());
            if (f.sha1() == null || !f.sha1().equalsIgnoreCase(c.sha1())) diffs.add("sha1 " + c.sha1() + " vs file " + f.sha1());
            if (f.sha256() == null || !f.sha256().equalsIgnoreCase(c.sha256())) diffs.add("sha256 " + c.sha256() + " vs file " + f.sha256());
            if (c.revisit() != f.type().equals("revisit")) diffs.add("revisit flag " + c.revisit() + " vs a " + f.type() + " record");
            if (!f.recordId().equals(row.recordId())) diffs.add("record id " + row.recordId() + " vs file " + f.recordId());
            if (!diffs.isEmpty()) {
                bad.add(new Mismatch(c.warcFile(), c.offset(), "capture table row " + c.id() + " disagrees: "
                        + String.join("; ", diffs)));
            }
        }
        for (Found f : byLocation.values()) {
            if (!rows.containsKey(f.file() + "@" + f.offset())) {
                bad.add(new Mismatch(f.file(), f.offset(), f.type() + " record of " + f.url() + " is not in the capture table"));
            }
        }
        return rows;
    }

    private long checkCdxj(Map<String, CaptureRow> rows, java.util.Set<String> inProgress, List<Mismatch> bad)
            throws IOException {
        Path cdx = CdxjIndex.file(dataDir);
        String cdxName = "cdx/" + CdxjIndex.FILE_NAME;
        if (!Files.exists(cdx)) {
            if (!rows.isEmpty()) bad.add(new Mismatch(cdxName, -1, "CDXJ index is missing (run: nianbao archive reindex)"));
            return 0;
        }
        List<String> lines = CdxjIndex.readLines(dataDir);
        Map<String, Boolean> seen = new HashMap<>();
        String previous = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            CdxjLine l;
            try {
                l = CdxjLine.parse(line);
            } catch (IllegalArgumentException e) {
                bad.add(new Mismatch(cdxName, i + 1, e.getMessage()));
                continue;
            }
            String sortKey = l.surt() + " " + l.timestamp();
            if (previous != null && compareBytes(previous, sortKey) > 0) {
                bad.add(new Mismatch(cdxName, i + 1, "line is out of SURT order"));
            }
            previous = sortKey;
            String key = l.filename() + "@" + l.offset();
            CaptureRow row = rows.get(key);
            if (inProgress.contains(l.filename())) {
                seen.put(key, true);
                continue;
            }
            if (row == null) {
                bad.add(new Mismatch(cdxName, i + 1, "line for " + l.url() + " points to " + key + ", which is no capture"));
                continue;
            }
            seen.put(key, true);
            CdxjLine expected = CdxjLine.of(row);
            if (!expected.equals(l)) {
                bad.add(new Mismatch(cdxName, i + 1, "line disagrees with capture " + row.capture().id()
                        + ": expected " + expected.format()));
            }
        }
        for (Map.Entry<String, CaptureRow> e : rows.entrySet()) {
            if (!seen.containsKey(e.getKey()) && !inProgress.contains(e.getValue().capture().warcFile())) {
                Capture c = e.getValue().capture();
                bad.add(new Mismatch(c.warcFile(), c.offset(), "capture " + c.id() + " (" + c.url() + ") is missing from the CDXJ index"));
            }
        }
        return lines.stream().filter(s -> !s.isBlank()).count();
    }

    /** Byte order of UTF-8, as {@code LC_ALL=C sort} and SQLite order CDXJ keys. */
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
