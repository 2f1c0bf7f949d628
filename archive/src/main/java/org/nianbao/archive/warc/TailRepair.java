package org.nianbao.archive.warc;

import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Closes a {@code *.warc.gz.open} file that a crash left behind: keeps every complete record, cuts
 * off a torn tail (logging its offset), records captures that reached the disk but not the capture
 * table, and renames the file to {@code *.warc.gz}.
 */
public final class TailRepair {
    private static final Logger log = LoggerFactory.getLogger(TailRepair.class);

    /** What the repair did. */
    public record Result(String file, int records, long validLength, long cutBytes, int capturesAdded) {
    }

    private TailRepair() {
    }

    public static Result repair(Path openFile, CaptureStore store) throws IOException {
        String name = openFile.getFileName().toString();
        String closedName = name.substring(0, name.length() - WarcFileWriter.OPEN_SUFFIX.length());
        long size = Files.size(openFile);
        long validEnd = 0;
        int records = 0;
        int added = 0;
        try (WarcScanner scanner = new WarcScanner(openFile)) {
            while (true) {
                Optional<ScannedRecord> next;
                try {
                    next = scanner.next();
                } catch (WarcScanner.TornRecordException | WarcScanner.BadRecordException e) {
                    if (e instanceof WarcScanner.BadRecordException && hasValidRecordAfter(openFile, validEnd + 1)) {
                        log.error("{}: damaged record at offset {} is followed by valid records; file kept as is: {}",
                                name, validEnd, e.getMessage());
                        validEnd = size;
                    }
                    break;
                }
                if (next.isEmpty()) break;
                ScannedRecord r = next.get();
                records++;
                validEnd = r.offset() + r.length();
                if (r.isCapture() && store.byLocation(closedName, r.offset()).isEmpty()) {
                    Optional<CaptureRow> row = CaptureRows.fromRecord(r, closedName, store);
                    if (row.isPresent()) {
                        store.insert(row.get());
                        added++;
                    }
                }
            }
        }
        long cut = size - validEnd;
        if (cut > 0) {
            try (FileChannel ch = FileChannel.open(openFile, StandardOpenOption.WRITE)) {
                ch.truncate(validEnd);
                ch.force(true);
            }
            log.warn("{}: cut off a torn tail of {} bytes at offset {} (left by a crash); {} complete records kept",
                    name, cut, validEnd, records);
        }
        if (validEnd == 0) {
            // the crash came before even the warcinfo record was complete: nothing to keep
            Files.delete(openFile);
            log.warn("{}: held no complete record; removed", name);
            return new Result(closedName, 0, 0, cut, 0);
        }
        Path closed = openFile.resolveSibling(closedName);
        Files.move(openFile, closed, StandardCopyOption.ATOMIC_MOVE);
        log.info("recovered {}: {} records, {} captures added to the table", closedName, records, added);
        return new Result(closedName, records, validEnd, cut, added);
    }

    /** Whether a complete record starts anywhere after {@code from}: then the damage is not a crash tail. */
    private static boolean hasValidRecordAfter(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (int i = (int) from; i + 2 < all.length; i++) {
            if ((all[i] & 0xff) == 0x1f && (all[i + 1] & 0xff) == 0x8b && all[i + 2] == 8) {
                try (WarcScanner s = new WarcScanner(file, i)) {
                    if (s.next().isPresent()) return true;
                } catch (IOException notARecord) {
                    // keep looking
                }
            }
        }
        return false;
    }
}
