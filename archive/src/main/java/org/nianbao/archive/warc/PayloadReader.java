package org.nianbao.archive.warc;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.nianbao.archive.ArchiveException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the payload (HTTP entity body, as stored) of the response record at a file offset. */
public final class PayloadReader {
    private PayloadReader() {
    }

    public static InputStream open(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            WarcReader reader = new WarcReader(channel);
            WarcRecord record = reader.next().orElseThrow(
                    () -> new ArchiveException("no WARC record at offset " + offset + " of " + file.getFileName()));
            if (!(record instanceof WarcResponse response)) {
                reader.close();
                throw new ArchiveException("record at offset " + offset + " of " + file.getFileName()
                        + " is a " + record.type() + ", not a response");
            }
            InputStream payload = response.http().body().stream();
            return new FilterInputStream(payload) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        reader.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
