package org.nianbao.archive.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Reads a {@code .warc.gz} file record by record, each record being one gzip member, and recomputes
 * every digest on the way (one pass: gunzip, SHA-1 of the block, SHA-1 and SHA-256 of the payload).
 * Used by verify, reindex and crash recovery, which all need exact offsets and a clear verdict on
 * where a file stops being valid.
 */
public final class WarcScanner implements AutoCloseable {
    private static final int MAX_HEADER = 1 << 20;
    private static final byte[] TRAILER = {'\r', '\n', '\r', '\n'};

    /** The record at {@code offset} is incomplete: the file ends inside it (a torn tail). */
    public static final class TornRecordException extends IOException {
        private final long offset;

        TornRecordException(long offset, String message) {
            super(message);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    /** The record at {@code offset} is damaged or not a WARC record. */
    public static final class BadRecordException extends IOException {
        private final long offset;

        BadRecordException(long offset, String message) {
            super(message);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    private final FileChannel channel;
    private final GzipMembers members;
    private final byte[] buf = new byte[1 << 16];

    public WarcScanner(Path file) throws IOException {
        this(file, 0);
    }

    public WarcScanner(Path file, long start) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.members = new GzipMembers(channel, start);
    }

    /** Offset where the next record starts (the end of the last one read). */
    public long position() {
        return members.position();
    }

    /** The next record, or empty at the clean end of the file. */
    public Optional<ScannedRecord> next() throws IOException {
        if (members.atEnd()) return Optional.empty();
        long offset = members.position();
        try {
            InputStream in = new java.io.BufferedInputStream(members.next(), 1 << 16);
            ScannedRecord r = read(in, offset);
            if (in.read() != -1) throw new BadRecordException(offset, "gzip member at offset " + offset + " holds more than one record");
            return Optional.of(new ScannedRecord(offset, members.position() - offset, r.headers(), r.blockLength(),
                    r.blockSha1(), r.payloadSha1(), r.payloadSha256(), r.payloadLength(), r.httpHead()));
        } catch (EOFException e) {
            throw new TornRecordException(offset, "record at offset " + offset + " is cut short: " + e.getMessage());
        } catch (ZipException e) {
            throw new BadRecordException(offset, e.getMessage());
        }
    }

    private ScannedRecord read(InputStream in, long offset) throws IOException {
        byte[] headerBytes = readHead(in, offset);
        String text = new String(headerBytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("WARC/")) {
            throw new BadRecordException(offset, "no WARC version line at offset " + offset);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        long contentLength;
        try {
            contentLength = Long.parseLong(headers.getOrDefault("content-length", List.of("")).getFirst());
        } catch (NumberFormatException e) {
            throw new BadRecordException(offset, "record at offset " + offset + " has no valid Content-Length");
        }
        String type = headers.getOrDefault("warc-type", List.of("")).getFirst();
        String contentType = headers.getOrDefault("content-type", List.of("")).getFirst().toLowerCase(Locale.ROOT);
        boolean http = contentType.startsWith("application/http")
                && (type.equals("response") || type.equals("revisit") || type.equals("request"));

        MessageDigest block = Digests.sha1();
        long remaining = contentLength;
        byte[] httpHead = null;
        MessageDigest p1 = null;
        MessageDigest p256 = null;
        long payloadLength = -1;
        if (http) {
            HeadSplit split = splitHttpHead(in, contentLength);
            httpHead = split.head;
            block.update(split.head);
            remaining -= split.head.length;
            p1 = Digests.sha1();
            p256 = Digests.sha256();
            payloadLength = 0;
            if (split.rest.length > 0) {
                block.update(split.rest);
                p1.update(split.rest);
                p256.update(split.rest);
                remaining -= split.rest.length;
                payloadLength += split.rest.length;
            }
        }
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) throw new EOFException("block ends " + remaining + " bytes early");
            block.update(buf, 0, n);
            if (p1 != null) {
                p1.update(buf, 0, n);
                p256.update(buf, 0, n);
                payloadLength += n;
            }
            remaining -= n;
        }
        byte[] trailer = in.readNBytes(4);
        if (trailer.length < 4) throw new EOFException("record trailer missing");
        if (!java.util.Arrays.equals(trailer, TRAILER)) {
            throw new BadRecordException(offset, "record at offset " + offset + " does not end with CRLF CRLF");
        }
        return new ScannedRecord(offset, 0, headers, contentLength, Digests.base32(block.digest()),
                p1 == null ? null : Digests.base32(p1.digest()), p256 == null ? null : Digests.hex(p256.digest()),
                payloadLength, httpHead);
    }

    private record HeadSplit(byte[] head, byte[] rest) {
    }

    /** Reads the HTTP head (through CRLF CRLF) from the block; whatever was read past it is returned as rest. */
    private HeadSplit splitHttpHead(InputStream in, long blockLength) throws IOException {
        long max = Math.min(blockLength, MAX_HEADER);
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(1024);
        int last4 = 0;
        while (head.size() < max) {
            int b = in.read();
            if (b < 0) throw new EOFException("HTTP head cut short");
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) break; // CR LF CR LF
        }
        // without a blank line the whole block (up to the cap) is head, e.g. a head-only revisit
        return new HeadSplit(head.toByteArray(), new byte[0]);
    }

    private byte[] readHead(InputStream in, long offset) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        int state = 0;
        while (true) {
            int b = in.read();
            if (b < 0) throw new EOFException("WARC header cut short");
            out.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) return out.toByteArray();
            if (out.size() > MAX_HEADER) throw new BadRecordException(offset, "WARC header at offset " + offset + " is too long");
        }
    }

    @Override
    public void close() throws IOException {
        members.close();
        channel.close();
    }
}
