package org.nianbao.archive.cdx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.archive.Capture;
import org.nianbao.archive.store.CaptureRow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a CDXJ index in the pywb format: {@code <surt> <yyyyMMddHHmmss> {json}}, with the
 * payload SHA-256 as an extra field next to the base32 SHA-1 {@code digest}.
 */
public record CdxjLine(String surt, String timestamp, String url, String mime, String status, String digest,
                       String sha256, long length, long offset, String filename) {
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CdxjLine of(CaptureRow row) {
        Capture c = row.capture();
        return new CdxjLine(row.surt(), TIMESTAMP.format(c.time()), c.url(),
                c.revisit() ? "warc/revisit" : c.contentType() == null ? "unk" : c.contentType(),
                Integer.toString(c.status()), c.sha1(), c.sha256(), c.recordLength(), c.offset(), c.warcFile());
    }

    public String format() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("mime", mime);
        json.put("status", status);
        json.put("digest", digest);
        json.put("sha256", sha256);
        json.put("length", Long.toString(length));
        json.put("offset", Long.toString(offset));
        json.put("filename", filename);
        try {
            return surt + " " + timestamp + " " + JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize CDXJ line for " + url, e);
        }
    }

    /** Parses a line; throws IllegalArgumentException with the reason when it is not CDXJ. */
    public static CdxjLine parse(String line) {
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (a < 0 || b < 0) throw new IllegalArgumentException("not a CDXJ line");
        try {
            JsonNode j = JSON.readTree(line.substring(b + 1));
            return new CdxjLine(line.substring(0, a), line.substring(a + 1, b), j.path("url").asText(null),
                    j.path("mime").asText(null), j.path("status").asText(null), j.path("digest").asText(null),
                    j.path("sha256").asText(null), j.path("length").asLong(-1), j.path("offset").asLong(-1),
                    j.path("filename").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON in CDXJ line: " + e.getOriginalMessage());
        }
    }
}
