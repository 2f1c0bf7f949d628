package org.nianbao.archive.store;

import org.nianbao.archive.Capture;

/**
 * A capture as the table keeps it: the hand-over {@link Capture} plus what the archive needs to
 * resolve revisits and rebuild the CDXJ.
 *
 * @param capture   the capture (id 0 before it is inserted)
 * @param surt      the SURT key of the URL (CDXJ sort key)
 * @param recordId  WARC-Record-ID of the response or revisit record, e.g. {@code <urn:uuid:…>}
 * @param refersTo  for a revisit: the capture id of the response record holding the payload, else null
 * @param truncated WARC-Truncated reason, or null when the payload is complete
 */
public record CaptureRow(Capture capture, String surt, String recordId, Long refersTo, String truncated) {

    public CaptureRow withId(long id) {
        Capture c = capture;
        return new CaptureRow(new Capture(id, c.url(), c.time(), c.status(), c.contentType(), c.length(), c.sha1(),
                c.sha256(), c.warcFile(), c.offset(), c.recordLength(), c.revisit()), surt, recordId, refersTo, truncated);
    }
}
