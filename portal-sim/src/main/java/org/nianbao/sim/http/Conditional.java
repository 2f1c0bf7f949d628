package org.nianbao.sim.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/** ETag, Last-Modified and the RFC 9110 rules for answering 304. */
public final class Conditional {
    private Conditional() {}

    public static String etagOf(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
    }

    static Instant parseHttpDate(String s) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(s.strip()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * True when the client's copy is current: If-None-Match decides when present (weak comparison),
     * otherwise If-Modified-Since against Last-Modified at one-second precision.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*")) return true;
                if (strip(t).equals(strip(etag))) return true;
            }
            return false;
        }
        if (ifModifiedSince != null && lastModified != null) {
            Instant since = parseHttpDate(ifModifiedSince);
            return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
