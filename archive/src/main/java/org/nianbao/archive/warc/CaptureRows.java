package org.nianbao.archive.warc;

import org.nianbao.archive.Capture;
import org.nianbao.archive.cdx.Surt;
import org.nianbao.archive.store.CaptureRow;
import org.nianbao.archive.store.CaptureStore;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Rebuilds a capture-table row from a response or revisit record read back from a WARC file. */
public final class CaptureRows {
    private CaptureRows() {
    }

    /** The row for the record, or empty when it is not a capture (or a revisit whose original is unknown). */
    public static Optional<CaptureRow> fromRecord(ScannedRecord r, String warcFile, CaptureStore store)
            throws IOException {
        if (!r.isCapture() || r.httpHead() == null) return Optional.empty();
        String url = r.header("WARC-Target-URI").orElse("");
        Instant time = Instant.parse(r.header("WARC-Date").orElseThrow());
        HttpHead head;
        try {
            head = HttpHead.parse(r.httpHead());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String truncated = r.header("WARC-Truncated").orElse(null);
        if (r.type().equals("response")) {
            return Optional.of(new CaptureRow(new Capture(0, url, time, head.status(), head.contentType(),
                    r.payloadLength(), r.payloadSha1(), r.payloadSha256(), warcFile, r.offset(), r.length(), false),
                    Surt.of(url), r.recordId(), null, truncated));
        }
        String refersTo = ScannedRecord.stripBrackets(r.header("WARC-Refers-To").orElse(""));
        Optional<CaptureRow> original = store.byRecordId(refersTo);
        if (original.isEmpty()) return Optional.empty();
        Capture o = original.get().capture();
        String type = head.contentType() != null ? head.contentType() : o.contentType();
        return Optional.of(new CaptureRow(new Capture(0, url, time, head.status(), type, o.length(), o.sha1(), o.sha256(),
                warcFile, r.offset(), r.length(), true), Surt.of(url), r.recordId(), o.id(), null));
    }
}
