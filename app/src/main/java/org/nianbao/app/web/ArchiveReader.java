package org.nianbao.app.web;

import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.nianbao.archive.warc.PayloadReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The archive as the web pages read it: captures by id, a URL's history, payloads from the WARC files.
 * It never takes the archive's writer lock (a crawl or a scheduled run may write meanwhile) and never
 * creates an archive where there is none. Paths come only from the capture table, never from a request.
 */
final class ArchiveReader implements AutoCloseable {

    private final Path dataDir;
    private CaptureStore store;

    ArchiveReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    private Path database() {
        return dataDir.resolve("state").resolve("archive.sqlite");
    }

    boolean available() {
        return dataDir != null && Files.isRegularFile(database());
    }

    private synchronized CaptureStore store() throws IOException {
        if (store == null) {
            if (!available()) throw new ArchiveException("no archive in " + (dataDir == null ? "(none)" : dataDir));
            store = CaptureStore.open(database());
        }
        return store;
    }

    Optional<Capture> capture(long id) throws IOException {
        if (!available()) return Optional.empty();
        return store().byId(id).map(CaptureRow::capture);
    }

    List<Capture> history(String url) throws IOException {
        if (!available()) return List.of();
        return store().history(url).stream().map(CaptureRow::capture).toList();
    }

    /** The payload as archived; for a revisit, the payload of the record it refers to. */
    InputStream openPayload(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::open);
    }

    /** The document the payload carries, its Content-Encoding (gzip…) undone: what extraction reads. */
    InputStream openDocument(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::openDocument);
    }

    /** The Content-Encoding the payload was archived in, if the server compressed it. */
    Optional<String> contentEncoding(Capture capture) throws IOException {
        return readResponse(capture, PayloadReader::contentEncoding);
    }

    private <T> T readResponse(Capture capture, WarcArchive.RecordRead<T> read) throws IOException {
        return WarcArchive.readResponse(store(), dataDir, capture, read);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot close the capture table: " + e.getMessage(), e);
            }
            store = null;
        }
    }
}
