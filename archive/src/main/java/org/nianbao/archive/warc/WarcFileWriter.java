package org.nianbao.archive.warc;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.ArchiveFullException;
import org.nianbao.archive.ArchiveOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Appends WARC records to {@code *.warc.gz.open} files, one gzip member per record, forced to disk
 * after every record so that a crash loses at most the record being written. Starts a new file
 * (with its warcinfo record) when the current one has reached the size limit, and renames a file
 * to {@code *.warc.gz} when it is closed.
 */
public final class WarcFileWriter implements Closeable {
    public static final String OPEN_SUFFIX = ".open";
    private static final Logger log = LoggerFactory.getLogger(WarcFileWriter.class);
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    /** Opens the channel a WARC file is written through; tests substitute one that fails like a full disk. */
    @FunctionalInterface
    public interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    /** Builds the records of one exchange once the writer knows which warcinfo they belong to. */
    @FunctionalInterface
    public interface RecordGroup {
        List<WarcRecord> records(URI warcinfoId) throws IOException;
    }

    private final Path dir;
    private final ArchiveOptions options;
    private final Clock clock;
    private final ChannelOpener opener;
    private final String software;
    private FileChannel channel;
    private Path openPath;
    private String fileName;
    private URI warcinfoId;
    private int serial;

    public WarcFileWriter(Path dir, ArchiveOptions options, Clock clock, String software) {
        this(dir, options, clock, software, DEFAULT_OPENER);
    }

    public static final ChannelOpener DEFAULT_OPENER = file -> FileChannel.open(file,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    public WarcFileWriter(Path dir, ArchiveOptions options, Clock clock, String software, ChannelOpener opener) {
        this.dir = dir;
        this.options = options;
        this.clock = clock;
        this.software = software;
        this.opener = opener;
    }

    /**
     * Writes the records of one exchange into the current file and returns where each one landed.
     * On failure the file is cut back to where the group started, so no half record stays behind.
     */
    public synchronized List<RecordLocation> write(RecordGroup group, long expectedBytes) throws IOException {
        checkFreeSpace(expectedBytes);
        // rotate before a group that would push the file past the limit (unless the file holds only its warcinfo)
        if (channel != null && (channel.size() >= options.maxFileBytes()
                || channel.size() + expectedBytes > options.maxFileBytes() && channel.size() > 8192)) {
            closeCurrent();
        }
        if (channel == null) startFile();
        long groupStart = channel.position();
        try {
            List<RecordLocation> locations = new ArrayList<>();
            for (WarcRecord record : group.records(warcinfoId)) locations.add(append(record));
            return locations;
        } catch (IOException | RuntimeException e) {
            throw abandon(groupStart, e);
        }
    }

    private RecordLocation append(WarcRecord record) throws IOException {
        long start = channel.position();
        GZIPOutputStream gzip = new GZIPOutputStream(new ChannelOutput(channel), 1 << 16);
        new WarcWriter(gzip).write(record);
        gzip.finish();
        channel.force(false);
        return new RecordLocation(fileName, start, channel.position() - start);
    }

    /** Cuts the file back to {@code groupStart}, closes it, and turns the failure into a typed one. */
    private IOException abandon(long groupStart, Exception cause) {
        String where = fileName;
        try {
            channel.truncate(groupStart);
            channel.force(true);
            if (groupStart == 0) { // not even the warcinfo made it: leave no empty file behind
                closeQuietly();
                Files.deleteIfExists(openPath);
            } else {
                closeCurrent();
            }
        } catch (IOException cleanup) {
            // The tail stays torn; the next open cuts it off (crash recovery).
            log.error("could not cut {} back to offset {}: {}", where, groupStart, cleanup.toString());
            cause.addSuppressed(cleanup);
            closeQuietly();
        }
        if (looksLikeDiskFull(cause)) {
            return new ArchiveFullException("disk full while writing " + where + " (" + cause.getMessage()
                    + "); the archive stopped at offset " + groupStart + " and every WARC file is valid", cause);
        }
        return cause instanceof ArchiveException ae ? ae
                : new ArchiveException("cannot write to " + where + ": " + cause.getMessage(), cause);
    }

    private boolean looksLikeDiskFull(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("no space left") || m.contains("disk quota") || m.contains("not enough space")) return true;
        try {
            return Files.getFileStore(dir).getUsableSpace() < options.minFreeBytes();
        } catch (IOException ignored) {
            return false;
        }
    }

    private void checkFreeSpace(long expectedBytes) throws IOException {
        Files.createDirectories(dir);
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable - expectedBytes < options.minFreeBytes()) {
            throw new ArchiveFullException("disk nearly full: " + usable / (1 << 20) + " MB free in " + dir
                    + ", the archive keeps at least " + options.minFreeBytes() / (1 << 20)
                    + " MB free; nothing was written", null);
        }
    }

    private void startFile() throws IOException {
        Files.createDirectories(dir);
        Instant now = clock.instant();
        do {
            fileName = "%s-%s-%05d-%s.warc.gz".formatted(options.filePrefix(), NAME_TIME.format(now), ++serial,
                    HostName.get());
            openPath = dir.resolve(fileName + OPEN_SUFFIX);
        } while (Files.exists(openPath) || Files.exists(dir.resolve(fileName)));
        channel = opener.open(openPath);
        Warcinfo info = warcinfo(fileName, now);
        warcinfoId = info.id();
        try {
            append(info);
        } catch (IOException e) {
            throw abandon(0, e);
        }
        log.debug("started {}", fileName);
    }

    private Warcinfo warcinfo(String name, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("software", software);
        fields.put("format", "WARC File Format 1.1");
        fields.put("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
        fields.put("operator", options.operator());
        fields.put("robots", options.robotsPolicy());
        fields.put("hostname", HostName.get());
        fields.put("description", "nianbao: 政府信息公开工作年度报告 archive");
        byte[] body = WarcFields.toBytes(fields);
        return new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(now.truncatedTo(ChronoUnit.MILLIS))
                .filename(name)
                .body(MediaType.WARC_FIELDS, body)
                .blockDigest("sha1", Digests.base32(Digests.sha1().digest(body)))
                .build();
    }

    /** The file being written, or null. */
    public synchronized String currentFile() {
        return channel == null ? null : fileName;
    }

    /** Closes the current file (renaming it to *.warc.gz); the next write starts a new one. */
    @Override
    public synchronized void close() throws IOException {
        if (channel != null) closeCurrent();
    }

    private void closeCurrent() throws IOException {
        channel.force(true);
        channel.close();
        channel = null;
        Files.move(openPath, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        log.info("closed {}", fileName);
        warcinfoId = null;
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the .open file is repaired on the next start
        }
        channel = null;
        warcinfoId = null;
    }

    /** An OutputStream onto the channel that leaves the channel open when the gzip stream is done. */
    private static final class ChannelOutput extends OutputStream {
        private final FileChannel channel;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) channel.write(buf);
        }
    }

    /** The application/warc-fields format: "name: value" lines, UTF-8. */
    public static final class WarcFields {
        private WarcFields() {
        }

        public static byte[] toBytes(Map<String, String> fields) {
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> {
                if (v != null) sb.append(k).append(": ").append(v.replace("\r", " ").replace("\n", " ")).append("\r\n");
            });
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
