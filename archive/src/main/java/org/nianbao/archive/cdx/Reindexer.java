package org.nianbao.archive.cdx;

import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.nianbao.archive.warc.CaptureRows;
import org.nianbao.archive.warc.ScannedRecord;
import org.nianbao.archive.warc.WarcScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rebuilds the capture table and the CDXJ index from the WARC files, which are the truth.
 * Rows that already match a record keep their id (the indexer counts on stable ids); records
 * missing from the table are added; rows pointing at no record are removed.
 */
public final class Reindexer {
    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    /** What reindex did. */
    public record Result(int files, long records, long captures, long added, long moved, long removed, long cdxLines) {
    }

    private Reindexer() {
    }

    public static Result reindex(Path dataDir, CaptureStore store, Consumer<String> progress) throws IOException {
        Path warcDir = dataDir.resolve("warc");
        List<Path> files;
        try (var s = Files.list(warcDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
        Set<Long> kept = new HashSet<>();
        long records = 0;
        long captures = 0;
        long added = 0;
        long moved = 0;
        int n = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (WarcScanner scanner = new WarcScanner(file)) {
                while (true) {
                    Optional<ScannedRecord> next;
                    try {
                        next = scanner.next();
                    } catch (WarcScanner.TornRecordException | WarcScanner.BadRecordException e) {
                        log.error("{}: stopped reading at offset {}: {}", name, scanner.position(), e.getMessage());
                        break;
                    }
                    if (next.isEmpty()) break;
                    ScannedRecord r = next.get();
                    records++;
                    if (!r.isCapture()) continue;
                    Optional<CaptureRow> existing = store.byLocation(name, r.offset());
                    if (existing.isEmpty()) {
                        existing = store.byRecordId(r.recordId());
                        if (existing.isPresent()) {
                            store.relocate(existing.get().capture().id(), name, r.offset(), r.length());
                            moved++;
                        }
                    }
                    if (existing.isPresent()) {
                        kept.add(existing.get().capture().id());
                        captures++;
                        continue;
                    }
                    Optional<CaptureRow> row = CaptureRows.fromRecord(r, name, store);
                    if (row.isPresent()) {
                        kept.add(store.insert(row.get()).capture().id());
                        added++;
                        captures++;
                    } else {
                        log.warn("{} @{}: {} record not indexed (its original is unknown)", name, r.offset(), r.type());
                    }
                }
            }
            progress.accept("reindexed " + ++n + "/" + files.size() + " " + name);
        }
        long[] removed = {0};
        List<Long> stale = new java.util.ArrayList<>();
        store.forEachById(row -> {
            if (!kept.contains(row.capture().id())) stale.add(row.capture().id());
        });
        for (long id : stale) {
            store.delete(id);
            removed[0]++;
        }
        if (removed[0] > 0) log.warn("removed {} capture rows that point to no WARC record", removed[0]);
        long lines = CdxjIndex.writeFrom(store, dataDir);
        return new Result(files.size(), records, captures, added, moved, removed[0], lines);
    }
}
