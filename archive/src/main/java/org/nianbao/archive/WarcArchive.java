package org.nianbao.archive;

import org.netpreserve.jwarc.WarcRecord;
import org.nianbao.archive.cdx.CdxjIndex;
import org.nianbao.archive.cdx.Reindexer;
import org.nianbao.archive.export.OriginalExporter;
import org.nianbao.archive.history.HistoryEntry;
import org.nianbao.archive.history.VersionHistory;
import org.nianbao.archive.verify.Verifier;
import org.nianbao.archive.verify.VerifyReport;
import org.nianbao.archive.cdx.Surt;
import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.nianbao.archive.warc.ContextReader;
import org.nianbao.archive.warc.ExchangeRecords;
import org.nianbao.archive.warc.PayloadReader;
import org.nianbao.archive.warc.PreparedExchange;
import org.nianbao.archive.warc.RecordLocation;
import org.nianbao.archive.warc.TailRepair;
import org.nianbao.archive.warc.WarcFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The archive on disk: WARC files in {@code data/warc}, the CDXJ index in {@code data/cdx}, the
 * capture table in {@code data/state/archive.sqlite}.
 *
 * <p>Thread-safe: the crawler stores from several threads. Digests are computed outside the lock;
 * choosing response-or-revisit, writing the records and inserting the capture row happen under it,
 * so a revisit always refers to a record that is already on disk.
 *
 * <p>Only one writer per data folder: the first write takes {@code state/archive.lock} and keeps it
 * until {@link #close()}. Opening repairs WARC files a crashed writer left open, when nobody writes;
 * an archive that only reads (indexer, verify while a crawl runs) never holds the lock.
 */
public final class WarcArchive implements Archive {
    public static final String SOFTWARE = "nianbao/" + version() + " (jwarc/0.36.0)";
    /** How long a first write waits for another process that holds the writer lock (e.g. repairing files). */
    private static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WarcArchive.class);

    private final Path dataDir;
    private final ArchiveOptions options;
    private final Clock clock;
    private final CaptureStore store;
    private final WarcFileWriter.ChannelOpener opener;
    private final Path lockFile;
    private final Object writeLock = new Object();
    private WarcFileWriter writer; // created once this instance holds the writer lock
    private boolean dirty;
    private boolean closed;

    private WarcArchive(Path dataDir, ArchiveOptions options, Clock clock, CaptureStore store,
                        WarcFileWriter.ChannelOpener opener) {
        this.dataDir = dataDir;
        this.options = options;
        this.clock = clock;
        this.store = store;
        this.opener = opener;
        this.lockFile = dataDir.resolve("state").resolve("archive.lock");
    }

    /** Opens (creating if needed) the archive under {@code dataDir}; repairs crash leftovers when it may write. */
    public static WarcArchive open(Path dataDir, ArchiveOptions options, Clock clock) throws IOException {
        return open(dataDir, options, clock, WarcFileWriter.DEFAULT_OPENER);
    }

    /** As {@link #open(Path, ArchiveOptions, Clock)}, writing WARC files through {@code opener} (tests: a full disk). */
    static WarcArchive open(Path dataDir, ArchiveOptions options, Clock clock, WarcFileWriter.ChannelOpener opener)
            throws IOException {
        Files.createDirectories(warcDir(dataDir));
        Files.createDirectories(cdxDir(dataDir));
        Files.createDirectories(dataDir.resolve("state"));
        CaptureStore store = CaptureStore.open(dataDir.resolve("state").resolve("archive.sqlite"));
        WarcArchive archive = new WarcArchive(dataDir, options, clock, store, opener);
        try {
            archive.repairIfNobodyWrites();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return archive;
    }

    /**
     * Repairs files a crashed writer left open, if no process is writing now. The writer lock is
     * taken only for the repair: it is taken again by the first write, so an archive opened only to
     * read (indexer, verify) never keeps a crawler from writing.
     */
    private void repairIfNobodyWrites() throws IOException {
        synchronized (writeLock) {
            if (writer != null) return;
            if (!WriterLocks.tryAcquire(lockFile, this)) {
                log.info("archive in {} is being written by another process: reading only", dataDir);
                return;
            }
            try {
                recover();
            } finally {
                WriterLocks.release(lockFile, this);
            }
        }
    }

    /** Takes the writer lock (once) and starts writing; a clear error when another writer has it. */
    private WarcFileWriter writer() throws IOException {
        if (writer != null) return writer;
        if (!WriterLocks.acquire(lockFile, this, LOCK_PATIENCE)) {
            throw new ArchiveException("archive in " + dataDir + " is read-only here: another process (or archive"
                    + " instance) is writing it");
        }
        recover(); // a writer may have crashed since this archive was opened
        writer = new WarcFileWriter(warcDir(dataDir), options, clock, SOFTWARE, opener);
        return writer;
    }

    /** Opens with default options and the system clock. */
    public static WarcArchive open(Path dataDir) throws IOException {
        return open(dataDir, ArchiveOptions.defaults(), Clock.systemUTC());
    }

    public static Path warcDir(Path dataDir) {
        return dataDir.resolve("warc");
    }

    public static Path cdxDir(Path dataDir) {
        return dataDir.resolve("cdx");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether this instance writes, or could (no other process or instance is writing). */
    public boolean writable() throws IOException {
        synchronized (writeLock) {
            if (writer != null) return true;
            if (!WriterLocks.tryAcquire(lockFile, this)) return false;
            WriterLocks.release(lockFile, this);
            return true;
        }
    }

    /** The capture table (for verify, reindex, history). */
    public CaptureStore captures() {
        return store;
    }

    private void recover() throws IOException {
        boolean repaired = false;
        try (var files = Files.list(warcDir(dataDir))) {
            for (Path open : files.filter(p -> p.getFileName().toString().endsWith(".warc.gz" + WarcFileWriter.OPEN_SUFFIX))
                    .sorted().toList()) {
                TailRepair.repair(open, store);
                repaired = true;
            }
        }
        if (repaired || !Files.exists(CdxjIndex.file(dataDir))) {
            CdxjIndex.writeFrom(store, dataDir);
        }
    }

    @Override
    public Capture store(Exchange exchange) throws IOException {
        PreparedExchange p = PreparedExchange.of(exchange);
        String url = exchange.url().toString();
        synchronized (writeLock) {
            if (closed) throw new ArchiveException("archive is closed");
            WarcFileWriter writer = writer();
            Optional<CaptureRow> original = options.dedupe() && exchange.truncated() == null ? originalFor(p) : Optional.empty();
            List<InputStream> opened = new ArrayList<>();
            String fileBefore = writer.currentFile();
            List<RecordLocation> locations;
            List<WarcRecord> written = new ArrayList<>();
            long expected = p.headBytes().length + (original.isPresent() ? 0 : p.payload().length()) + 16_384;
            try {
                locations = writer.write(warcinfoId -> {
                    List<WarcRecord> records = original.isPresent()
                            ? ExchangeRecords.revisit(p, toOriginal(original.get()), warcinfoId, original.get().capture().sha256())
                            : ExchangeRecords.response(p, warcinfoId, opened);
                    written.addAll(records);
                    return records;
                }, expected);
            } finally {
                for (InputStream in : opened) in.close();
            }
            RecordLocation main = locations.getFirst();
            String recordId = written.getFirst().id().toString();
            CaptureRow row;
            if (original.isPresent()) {
                Capture o = original.get().capture();
                String type = p.head().contentType() != null ? p.head().contentType() : o.contentType();
                row = new CaptureRow(new Capture(0, url, p.date(), p.status(), type, o.length(), o.sha1(), o.sha256(),
                        main.file(), main.offset(), main.length(), true), Surt.of(url), recordId, o.id(), null);
            } else {
                row = new CaptureRow(new Capture(0, url, p.date(), p.status(), p.head().contentType(),
                        p.payload().length(), p.payload().sha1(), p.payload().sha256(), main.file(), main.offset(),
                        main.length(), false), Surt.of(url), recordId, null, exchange.truncated());
            }
            row = store.insert(row);
            dirty = true;
            if (fileBefore != null && !fileBefore.equals(main.file())) {
                // a WARC file was closed by rotation: bring the CDXJ up to date with it
                CdxjIndex.writeFrom(store, dataDir);
            }
            return row.capture();
        }
    }

    /** The response record this exchange's payload is identical to, if any. */
    private Optional<CaptureRow> originalFor(PreparedExchange p) throws IOException {
        String url = p.exchange().url().toString();
        Optional<CaptureRow> found;
        if (p.status() == 304) {
            found = store.latestWithPayload(url);
        } else if (p.payload().length() > 0) {
            found = store.originalFor(p.payload().sha1(), url);
        } else {
            return Optional.empty();
        }
        if (found.isPresent() && found.get().refersTo() != null) found = store.byId(found.get().refersTo());
        return found;
    }

    private static ExchangeRecords.Original toOriginal(CaptureRow row) {
        return new ExchangeRecords.Original(row.recordId(), row.capture().url(), row.capture().time(), row.capture().sha1());
    }

    @Override
    public void recordOutlinks(Capture capture, List<String> outlinks) throws IOException {
        CaptureRow row = store.byId(capture.id())
                .orElseThrow(() -> new ArchiveException("no capture with id " + capture.id()));
        synchronized (writeLock) {
            if (closed) throw new ArchiveException("archive is closed");
            writer().write(warcinfoId -> List.of(ExchangeRecords.outlinks(row.capture().url(), row.recordId(),
                    row.capture().time(), outlinks, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    warcinfoId)), 4096L + outlinks.stream().mapToLong(String::length).sum() * 2);
        }
    }

    @Override
    public List<Capture> capturesAfter(long afterId) throws IOException {
        return store.after(afterId).stream().map(CaptureRow::capture).toList();
    }

    @Override
    public List<Capture> history(String url) throws IOException {
        return store.history(url).stream().map(CaptureRow::capture).toList();
    }

    @Override
    public InputStream openPayload(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::open);
    }

    @Override
    public InputStream openDocument(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::openDocument);
    }

    @Override
    public Optional<String> contentEncoding(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::contentEncoding);
    }

    /** Reads something from the record at an offset of a WARC file. */
    public interface RecordRead<T> {
        T read(Path warcFile, long offset) throws IOException;
    }

    /** Reads the response record of a capture; for a revisit, the response it refers to. */
    private <T> T readResponse(Capture capture, RecordRead<T> read) throws IOException {
        return readResponse(store, dataDir, capture, read);
    }

    /**
     * Reads the response record of a capture from the WARC files under {@code dataDir}; for a revisit, the
     * response it refers to. Shared with readers that must not open the archive for writing (the web pages).
     */
    public static <T> T readResponse(CaptureStore store, Path dataDir, Capture capture, RecordRead<T> read) throws IOException {
        CaptureRow row = store.byId(capture.id())
                .orElseThrow(() -> new ArchiveException("no capture with id " + capture.id()));
        if (row.refersTo() != null) {
            long target = row.refersTo();
            row = store.byId(target).orElseThrow(() -> new ArchiveException(
                    "capture " + capture.id() + " refers to capture " + target + ", which is missing"));
        }
        return readAt(dataDir, row.capture(), read);
    }

    /** Reads the record a capture points to, also while its file is still being written. */
    private static <T> T readAt(Path dataDir, Capture at, RecordRead<T> read) throws IOException {
        try {
            return read.read(locate(dataDir, at.warcFile()), at.offset());
        } catch (java.nio.file.NoSuchFileException renamedMeanwhile) {
            // the .open file was closed (renamed) between locating and opening it
            return read.read(locate(dataDir, at.warcFile()), at.offset());
        }
    }

    @Override
    public Optional<CaptureContext> context(Capture capture) throws IOException {
        CaptureRow row = store.byId(capture.id())
                .orElseThrow(() -> new ArchiveException("no capture with id " + capture.id()));
        return readAt(dataDir, row.capture(), ContextReader::read);
    }

    /** The path of a WARC file by its closed name, also while it is still being written. */
    public Path locate(String warcFile) throws IOException {
        return locate(dataDir, warcFile);
    }

    private static Path locate(Path dataDir, String warcFile) throws IOException {
        Path closedFile = warcDir(dataDir).resolve(warcFile);
        if (Files.exists(closedFile)) return closedFile;
        Path open = warcDir(dataDir).resolve(warcFile + WarcFileWriter.OPEN_SUFFIX);
        if (Files.exists(open)) return open;
        throw new ArchiveException("WARC file " + warcFile + " is missing from " + warcDir(dataDir));
    }

    /**
     * A URL's captures read as a version history: when its bytes changed, when it disappeared. A URL
     * never captured as written is looked up by its SURT form.
     */
    public List<HistoryEntry> versions(String url) throws IOException {
        List<Capture> exact = history(url);
        if (!exact.isEmpty()) return VersionHistory.of(exact);
        // as people type it: another scheme, "www.", letter case or query order still finds the document
        return VersionHistory.of(store.historyBySurt(Surt.of(url)).stream().map(CaptureRow::capture).toList());
    }

    /** Exports original payloads (with sidecar JSON) by URL and date or by SHA-256. */
    public OriginalExporter exporter() {
        return new OriginalExporter(this, store);
    }

    /**
     * Re-reads every WARC record, recomputes its digests, and checks the capture table and CDXJ
     * index against the files. Files still being written by another process are skipped.
     */
    public VerifyReport verify(int threads, Consumer<String> progress) throws IOException {
        synchronized (writeLock) {
            if (writer != null) flush();
            else repairIfNobodyWrites();
            return new Verifier(dataDir, store, threads, progress).verify(false);
        }
    }

    /** Rebuilds the capture table and the CDXJ index from the WARC files (ids of known captures are kept). */
    public Reindexer.Result reindex(Consumer<String> progress) throws IOException {
        synchronized (writeLock) {
            if (closed) throw new ArchiveException("archive is closed");
            writer();
            flush();
            return Reindexer.reindex(dataDir, store, progress);
        }
    }

    /** Closes the WARC file being written and brings the CDXJ index up to date; the archive stays usable. */
    public void flush() throws IOException {
        synchronized (writeLock) {
            if (writer != null) writer.close();
            if (dirty) CdxjIndex.writeFrom(store, dataDir);
            dirty = false;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            if (closed) return;
            try {
                flush();
            } finally {
                closed = true;
                try {
                    store.close();
                } finally {
                    WriterLocks.release(lockFile, this);
                }
            }
        }
    }

    private static String version() {
        String v = WarcArchive.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
