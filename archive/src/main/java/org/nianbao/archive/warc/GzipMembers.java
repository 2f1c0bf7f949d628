package org.nianbao.archive.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a gzip file member by member and knows the exact compressed offset of each one, which
 * {@link java.util.zip.GZIPInputStream} hides. A member cut short by the end of the file raises
 * {@link EOFException}; a damaged one {@link ZipException}. Both name the member's offset.
 */
final class GzipMembers implements AutoCloseable {
    private final FileChannel channel;
    private final byte[] buf = new byte[1 << 17];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long bufStart; // file offset of buf[0]
    private int pos;
    private int limit;
    private boolean eof;

    GzipMembers(FileChannel channel, long start) throws IOException {
        this.channel = channel;
        channel.position(start);
        this.bufStart = start;
    }

    /** File offset of the next unread byte: the start of the next member between members. */
    long position() {
        return bufStart + pos;
    }

    boolean atEnd() throws IOException {
        return pos == limit && !fill();
    }

    /** Opens the next member; its stream ends (-1) exactly at the member's end, after checking CRC and size. */
    InputStream next() throws IOException {
        long start = position();
        readHeader(start);
        inflater.reset();
        crc.reset();
        return new Member(start);
    }

    private void readHeader(long start) throws IOException {
        int id1 = readByte(start);
        int id2 = readByte(start);
        int cm = readByte(start);
        if (id1 != 0x1f || id2 != 0x8b || cm != 8) throw new ZipException("no gzip member at offset " + start);
        int flags = readByte(start);
        for (int i = 0; i < 6; i++) readByte(start); // mtime, xfl, os
        if ((flags & 4) != 0) {
            int xlen = readByte(start) | readByte(start) << 8;
            for (int i = 0; i < xlen; i++) readByte(start);
        }
        if ((flags & 8) != 0) while (readByte(start) != 0) { /* file name */ }
        if ((flags & 16) != 0) while (readByte(start) != 0) { /* comment */ }
        if ((flags & 2) != 0) {
            readByte(start);
            readByte(start);
        }
    }

    private int readByte(long member) throws IOException {
        if (pos == limit && !fill()) throw new EOFException("gzip member at offset " + member + " is cut short");
        return buf[pos++] & 0xff;
    }

    /** Reads more of the file into the buffer; false at end of file. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (pos == limit) {
            bufStart += limit;
            pos = 0;
            limit = 0;
        } else if (limit == buf.length) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        }
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
        if (n <= 0) {
            eof = n < 0;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() {
        inflater.end();
    }

    private final class Member extends InputStream {
        private final long start;
        private long size;
        private boolean done;
        private boolean fed;
        private int fedEnd;

        Member(long start) {
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (fed) pos = fedEnd - inflater.getRemaining();
                    if (n > 0) {
                        crc.update(b, off, n);
                        size += n;
                        return n;
                    }
                    if (inflater.finished()) {
                        finish();
                        return -1;
                    }
                    if (inflater.needsDictionary()) throw new ZipException("gzip member at offset " + start + " needs a dictionary");
                    if (inflater.needsInput()) {
                        if (pos == limit && !fill()) throw new EOFException("gzip member at offset " + start + " is cut short");
                        inflater.setInput(buf, pos, limit - pos);
                        fed = true;
                        fedEnd = limit;
                    }
                }
            } catch (DataFormatException e) {
                throw new ZipException("damaged gzip member at offset " + start + ": " + e.getMessage());
            }
        }

        private void finish() throws IOException {
            fed = false;
            long storedCrc = readIntLe();
            long storedSize = readIntLe();
            if (storedCrc != crc.getValue()) throw new ZipException("CRC mismatch in gzip member at offset " + start);
            if (storedSize != (size & 0xffffffffL)) throw new ZipException("size mismatch in gzip member at offset " + start);
            done = true;
        }

        private long readIntLe() throws IOException {
            long v = 0;
            for (int i = 0; i < 4; i++) v |= (long) readByte(start) << (8 * i);
            return v;
        }
    }
}
