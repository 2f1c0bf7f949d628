package org.nianbao.archive.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.archive.Archive;
import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.Capture;
import org.nianbao.archive.cdx.CdxjLine;
import org.nianbao.archive.cdx.Surt;
import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;
import org.nianbao.archive.warc.Digests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an original payload exactly as archived (transfer-decoded, otherwise untouched) plus a
 * sidecar JSON that says where it came from. A payload the server sent gzip-encoded is written as the
 * document (decoded), the sidecar saying so with the digests of both. The bytes are re-hashed on the way out and must match
 * the recorded SHA-1 and SHA-256, so an export is itself a fixity check.
 */
public final class OriginalExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Archive archive;
    private final CaptureStore store;

    public OriginalExporter(Archive archive, CaptureStore store) {
        this.archive = archive;
        this.store = store;
    }

    /** The capture the request names; a clear ArchiveException when there is none. */
    public Capture select(ExportRequest request) throws IOException {
        if (request.sha256() != null) {
            return store.bySha256(request.sha256()).map(CaptureRow::capture)
                    .orElseThrow(() -> new ArchiveException("no capture has SHA-256 " + request.sha256()));
        }
        List<Capture> exact = archive.history(request.url());
        // typed another way (scheme, "www.", case, query order): the SURT key still finds it
        List<Capture> history = !exact.isEmpty() ? exact
                : store.historyBySurt(Surt.of(request.url())).stream().map(CaptureRow::capture).toList();
        if (history.isEmpty()) throw new ArchiveException("the archive has no capture of " + request.url());
        Optional<Capture> chosen = history.stream()
                .filter(c -> request.at() == null || !c.time().isAfter(request.at()))
                .filter(OriginalExporter::hasContent)
                .max(Comparator.comparing(Capture::time).thenComparing(Capture::id));
        return chosen.orElseThrow(() -> new ArchiveException("no successful capture of " + request.url()
                + (request.at() == null ? "" : " at or before " + request.at()) + " (it has " + history.size()
                + " captures, the first on " + history.getFirst().time() + ")"));
    }

    private static boolean hasContent(Capture c) {
        return c.status() >= 200 && c.status() < 300 || c.status() == 304 && c.revisit();
    }

    public ExportResult export(ExportRequest request, Path outDir) throws IOException {
        Capture c = select(request);
        CaptureRow row = store.byId(c.id()).orElseThrow();
        Files.createDirectories(outDir);
        String base = CdxjLine.TIMESTAMP.format(c.time()) + "-" + fileName(c);
        Path target = outDir.resolve(base);
        Path tmp = outDir.resolve(base + ".part");
        MessageDigest sha1 = Digests.sha1();
        MessageDigest sha256 = Digests.sha256();
        long length;
        try (InputStream in = archive.openPayload(c)) {
            length = copyHashing(in, tmp, sha1, sha256);
        }
        String gotSha1 = Digests.base32(sha1.digest());
        String gotSha256 = Digests.hex(sha256.digest());
        if (!gotSha1.equals(c.sha1()) || !gotSha256.equals(c.sha256()) || length != c.length()) {
            Files.deleteIfExists(tmp);
            throw new ArchiveException("fixity failure exporting capture " + c.id() + " of " + c.url()
                    + ": the archived bytes hash to sha256 " + gotSha256 + ", the record says " + c.sha256());
        }
        Optional<String> encoding = archive.contentEncoding(c);
        Map<String, Object> decoded = null;
        if (encoding.isPresent()) {
            // The archived bytes are the server's gzip (or other) encoding of the document; an archivist
            // exporting an original wants the document, so it is written decoded and the sidecar keeps both digests.
            try {
                decoded = writeDocument(c, target, encoding.get());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Path sidecar = outDir.resolve(base + ".json");
        Map<String, Object> facts = sidecar(c, row, target);
        if (decoded != null) facts.put("decoded", decoded);
        JSON.writeValue(sidecar.toFile(), facts);
        return new ExportResult(target, sidecar, c);
    }

    /** Copies {@code in} to {@code file}, feeding every byte to the digests; returns the length. */
    private static long copyHashing(InputStream in, Path file, MessageDigest... digests) throws IOException {
        long length = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (MessageDigest d : digests) d.update(buf, 0, n);
                out.write(buf, 0, n);
                length += n;
            }
        }
        return length;
    }

    private Map<String, Object> writeDocument(Capture c, Path target, String encoding) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".decoded.part");
        MessageDigest sha256 = Digests.sha256();
        long length;
        try (InputStream in = archive.openDocument(c)) {
            length = copyHashing(in, part, sha256);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new ArchiveException("capture " + c.id() + " of " + c.url() + " is archived " + encoding
                    + "-encoded and cannot be decoded: " + e.getMessage(), e);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", "Content-Encoding: " + encoding);
        m.put("length", length);
        m.put("sha256", "sha256:" + Digests.hex(sha256.digest()));
        m.put("note", "the file is the document with the server's Content-Encoding undone; length, sha1 and "
                + "sha256 above are those of the archived (encoded) payload, as in the WARC record");
        return m;
    }

    private Map<String, Object> sidecar(Capture c, CaptureRow row, Path target) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", c.url());
        m.put("captureDate", c.time().toString());
        m.put("status", c.status());
        m.put("contentType", c.contentType());
        m.put("length", c.length());
        m.put("sha1", "sha1:" + c.sha1());
        m.put("sha256", "sha256:" + c.sha256());
        m.put("file", target.getFileName().toString());
        Map<String, Object> warc = new LinkedHashMap<>();
        warc.put("file", c.warcFile());
        warc.put("offset", c.offset());
        warc.put("length", c.recordLength());
        warc.put("recordId", "<" + row.recordId() + ">");
        warc.put("type", c.revisit() ? "revisit" : "response");
        m.put("warc", warc);
        if (row.refersTo() != null) {
            CaptureRow o = store.byId(row.refersTo()).orElseThrow();
            Map<String, Object> orig = new LinkedHashMap<>();
            orig.put("url", o.capture().url());
            orig.put("captureDate", o.capture().time().toString());
            orig.put("file", o.capture().warcFile());
            orig.put("offset", o.capture().offset());
            orig.put("length", o.capture().recordLength());
            orig.put("recordId", "<" + o.recordId() + ">");
            m.put("payloadFrom", orig);
        }
        if (row.truncated() != null) m.put("truncated", row.truncated());
        return m;
    }

    /** A safe file name from the URL's last path segment, or "payload". */
    static String fileName(Capture c) {
        String path;
        try {
            path = URI.create(c.url()).getPath();
        } catch (IllegalArgumentException e) {
            path = c.url();
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        last = last.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (last.isBlank() || last.equals(".") || last.equals("..")) last = "payload";
        if (last.length() > 120) last = last.substring(last.length() - 120);
        return last;
    }
}
