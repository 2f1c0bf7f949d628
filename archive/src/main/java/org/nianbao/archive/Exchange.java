package org.nianbao.archive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request and its response exactly as they crossed the wire: the hand-over from the
 * crawler to the archive. The archive stores it; it never interprets what the crawler meant.
 *
 * @param url             the target URI as requested
 * @param request         the request bytes as sent (request line, headers, body if any)
 * @param responseHead    status line and headers as received, ending with the blank line (CRLF CRLF)
 * @param responseBody    the body bytes as received (after transfer-decoding, see {@code notes}),
 *                        in a temp file so big bodies never sit in memory; null when there was no body
 * @param serverIp        the IP address the connection went to, or null when unknown
 * @param started         when the request started
 * @param finished        when the response was fully read
 * @param seedUnit        name of the seed unit this fetch belongs to, or null
 * @param referrer        the page that linked this URL, or null for a seed
 * @param truncated       why the body was cut short ("length", "time", "disconnect"), or null if complete
 * @param notes           extra facts for the WARC record, e.g. "X-Crawler-Transfer-Encoding: chunked"
 */
public record Exchange(
        URI url,
        byte[] request,
        byte[] responseHead,
        Path responseBody,
        String serverIp,
        Instant started,
        Instant finished,
        String seedUnit,
        String referrer,
        String truncated,
        Map<String, String> notes) {

    public Exchange {
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }
}
