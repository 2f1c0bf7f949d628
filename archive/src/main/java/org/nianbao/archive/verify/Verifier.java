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

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Proves the archive is what it claims: re-reads every WARC record, recomputes block and payload
 * digests (SHA-1, and SHA-256 of payloads), and checks that the capture table and the CDXJ index
 * agree with the files. Files are read in parallel, one thread per core, and handed over one at a
 * time, so memory does not grow with the archive.
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
        Set<String> inProgress = new HashSet<>();
        for (String n : skipped) inProgress.add(n.substring(0, n.length() - WarcFileWriter.OPEN_SUFFIX.length()));
        // One file's records at a time are held: an archive of millions of captures verifies in
        // bounded memory. Cross-checks go through the capture table, whose rows are each checked
        // against their own file; a bit per capture id remembers what has been seen.
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> scanned = new HashSet<>();
        BitSet matched = new BitSet();
        long[] totals = new long[4]; // records, compressed bytes, payload bytes, capture records
        scanEach(files, r -> {
            scanned.add(r.file());
            mismatches.addAll(r.mismatches());
            totals[0] += r.records();
            totals[1] += r.bytes();
            totals[2] += r.payloadBytes();
            totals[3] += r.found().size();
            checkFileAgainstTable(r, matched, mismatches);
            checkRevisits(r.found(), mismatches);
        });
        BitSet listed = new BitSet();
        long cdxLines = checkCdxjLines(inProgress, listed, mismatches);
        long tableRows = checkRowsAgainstFilesAndCdxj(scanned, inProgress, cdxLines < 0 ? null : listed, mismatches);
        cdxLines = Math.max(0, cdxLines);
        mismatches.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.offset(), b.offset()) : a.file().compareTo(b.file()));
        return new VerifyReport(files.size(), totals[0], totals[3], tableRows, cdxLines, totals[1], totals[2],
                Duration.ofNanos(System.nanoTime() - t0), skipped, List.copyOf(mismatches));
    }

    /** A byte range of one file, starting and (unless it runs to the end) ending at record boundaries. */
    private record Chunk(Path path, long start, long end, boolean first) {
    }

    /** Files below this size are read by one thread; bigger ones are split at capture offsets. */
    public static final long DEFAULT_SPLIT = 32L << 20;

    private interface FileSink {
        void accept(FileResult r) throws IOException;
    }

    /**
     * Scans the files in parallel and hands each file's result to {@code sink} in file order. Only a
     * window of files ahead of the one being handed over is in flight, so finished results never pile up.
     */
    private void scanEach(List<Path> files, FileSink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int window = threads * 2;
        int done = 0;
        try {
            List<List<Future<FileResult>>> perFile = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                while (perFile.size() < files.size() && perFile.size() <= i + window) {
                    List<Future<FileResult>> parts = new ArrayList<>();
                    for (Chunk c : chunks(files.get(perFile.size()))) parts.add(pool.submit(() -> scan(c)));
                    perFile.add(parts);
                }
                List<FileResult> parts = new ArrayList<>();
                for (Future<FileResult> part : perFile.get(i)) parts.add(part.get());
                perFile.set(i, null);
                FileResult r = merge(parts);
                if (parts.size() > 1 && !r.mismatches().isEmpty()) {
                    // a split point may not have been a record boundary: judge the file in one pass
                    r = scan(new Chunk(files.get(i), 0, Long.MAX_VALUE, true));
                }
                sink.accept(r);
                progress.accept("verified " + (++done) + "/" + files.size() + " " + r.file()
                        + " (" + r.records() + " records" + (r.mismatches().isEmpty() ? "" : ", "
                        + r.mismatches().size() + " problems") + ")");
            }
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

    /** A revisit must refer to a capture the archive holds, with the same payload digest. */
    private void checkRevisits(List<Found> found, List<Mismatch> bad) throws IOException {
        for (Found f : found) {
            if (!f.type().equals("revisit")) continue;
            Optional<CaptureRow> original = store.byRecordId(f.refersTo());
            if (original.isEmpty()) {
                bad.add(new Mismatch(f.file(), f.offset(), "revisit refers to " + f.refersTo() + ", which is in no WARC file"));
            } else if (f.sha1() == null || !f.sha1().equalsIgnoreCase(original.get().capture().sha1())) {
                bad.add(new Mismatch(f.file(), f.offset(), "revisit payload digest " + f.sha1()
                        + " differs from its original's " + original.get().capture().sha1()));
            }
        }
    }

    /** The capture table's rows of one file against the capture records found in it. */
    private void checkFileAgainstTable(FileResult r, BitSet matched, List<Mismatch> bad) throws IOException {
        Map<Long, CaptureRow> rows = new HashMap<>();
        for (CaptureRow row : store.rowsIn(r.file())) rows.put(row.capture().offset(), row);
        for (Found f : r.found()) {
            CaptureRow row = rows.remove(f.offset());
            if (row == null) {
                bad.add(new Mismatch(f.file(), f.offset(), f.type() + " record of " + f.url() + " is not in the capture table"));
                continue;
            }
            matched.set(Math.toIntExact(row.capture().id()));
            Capture c = row.capture();
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
        for (CaptureRow row : rows.values()) pointsToNothing(row, bad);
    }

    private static void pointsToNothing(CaptureRow row, List<Mismatch> bad) {
        Capture c = row.capture();
        bad.add(new Mismatch(c.warcFile(), c.offset(), "capture " + c.id() + " (" + c.url()
                + ") points to no response or revisit record"));
    }

    /**
     * One pass over the capture table, after the files and the CDXJ were read: rows whose file was not read
     * (missing from disk) and rows the CDXJ does not list ({@code listed} null: there is no CDXJ, said already).
     * Returns the rows checked; those of files being written are left out.
     */
    private long checkRowsAgainstFilesAndCdxj(Set<String> scanned, Set<String> inProgress, BitSet listed, List<Mismatch> bad)
            throws IOException {
        long[] rows = {0};
        store.forEachById(row -> {
            Capture c = row.capture();
            if (inProgress.contains(c.warcFile())) return; // its file is still being written
            rows[0]++;
            if (!scanned.contains(c.warcFile())) pointsToNothing(row, bad);
            if (listed != null && !listed.get(Math.toIntExact(c.id()))) {
                bad.add(new Mismatch(c.warcFile(), c.offset(), "capture " + c.id() + " (" + c.url() + ") is missing from the CDXJ index"));
            }
        });
        return rows[0];
    }

    /** Checks every CDXJ line against the capture it names, marking it in {@code listed}; -1 when there is no CDXJ. */
    private long checkCdxjLines(Set<String> inProgress, BitSet listed, List<Mismatch> bad) throws IOException {
        Path cdx = CdxjIndex.file(dataDir);
        String cdxName = "cdx/" + CdxjIndex.FILE_NAME;
        if (!Files.exists(cdx)) {
            if (store.count() > 0) bad.add(new Mismatch(cdxName, -1, "CDXJ index is missing (run: nianbao archive reindex)"));
            return -1;
        }
        long count = 0;
        String previous = null;
        try (BufferedReader in = Files.newBufferedReader(cdx, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                count++;
                CdxjLine l;
                try {
                    l = CdxjLine.parse(line);
                } catch (IllegalArgumentException e) {
                    bad.add(new Mismatch(cdxName, lineNo, e.getMessage()));
                    continue;
                }
                String sortKey = l.surt() + " " + l.timestamp();
                if (previous != null && compareBytes(previous, sortKey) > 0) {
                    bad.add(new Mismatch(cdxName, lineNo, "line is out of SURT order"));
                }
                previous = sortKey;
                if (inProgress.contains(l.filename())) continue;
                Optional<CaptureRow> row = store.byLocation(l.filename(), l.offset());
                if (row.isEmpty()) {
                    bad.add(new Mismatch(cdxName, lineNo, "line for " + l.url() + " points to " + l.filename() + "@"
                            + l.offset() + ", which is no capture"));
                    continue;
                }
                listed.set(Math.toIntExact(row.get().capture().id()));
                CdxjLine expected = CdxjLine.of(row.get());
                if (!expected.equals(l)) {
                    bad.add(new Mismatch(cdxName, lineNo, "line disagrees with capture " + row.get().capture().id()
                            + ": expected " + expected.format()));
                }
            }
        }
        return count;
    }

    /** Byte order of UTF-8, as {@code LC_ALL=C sort} and SQLite order CDXJ keys. */
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
