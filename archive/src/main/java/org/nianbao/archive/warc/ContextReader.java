package org.nianbao.archive.warc;

import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.nianbao.archive.CaptureContext;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the crawler's context (seed unit, referrer) of a capture back from its WARC metadata record.
 * The archive writes a capture's records in one go (response or revisit, request, metadata), so the
 * metadata record concurrent to the capture's record is among the next few records after it.
 */
public final class ContextReader {
    /** The capture's record, its request and its metadata; anything further belongs to another write. */
    private static final int RECORDS_TO_LOOK_AT = 3;

    private ContextReader() {
    }

    public static Optional<CaptureContext> read(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (WarcReader reader = new WarcReader(channel)) {
                Optional<WarcRecord> first = reader.next();
                if (first.isEmpty()) return Optional.empty();
                URI captureRecord = first.get().id();
                for (int i = 1; i < RECORDS_TO_LOOK_AT; i++) {
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) return Optional.empty();
                    if (next.get() instanceof WarcMetadata metadata && metadata.concurrentTo().contains(captureRecord)) {
                        return Optional.of(parse(metadata.body().stream().readAllBytes()));
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** The fields are written as UTF-8 "name: value" lines (see {@link WarcFileWriter.WarcFields}). */
    private static CaptureContext parse(byte[] fields) {
        String seedUnit = null, referrer = null;
        for (String line : new String(fields, StandardCharsets.UTF_8).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) continue;
            if (name.equalsIgnoreCase("seed-unit")) seedUnit = value;
            else if (name.equalsIgnoreCase("via")) referrer = value;
        }
        return new CaptureContext(seedUnit, referrer);
    }
}
