package org.nianbao.archive.warc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and header lines of an HTTP response, kept as the raw lines they arrived as.
 * Only parsed as far as the archive needs: status, Content-Type, and renaming headers whose
 * meaning no longer holds because the crawler decoded the body (see {@link #forDecodedBody}).
 */
public final class HttpHead {
    private static final String CRLF = "\r\n";
    private final List<String> lines; // status line first, no empty terminator line
    private final int status;
    private final byte[] raw; // the bytes as received, when unchanged; null after a rewrite

    private HttpHead(List<String> lines, int status, byte[] raw) {
        this.lines = lines;
        this.status = status;
        this.raw = raw;
    }

    /** Parses a response head; ISO-8859-1 keeps every byte as it was. */
    public static HttpHead parse(byte[] head) {
        if (head == null || head.length == 0) throw new IllegalArgumentException("empty HTTP response head");
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        byte[] raw = null;
        if (end >= 0) {
            raw = java.util.Arrays.copyOf(head, end + 4);
            text = text.substring(0, end);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast();
        String statusLine = lines.isEmpty() ? "" : lines.getFirst();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP status line: " + abbreviate(statusLine));
        }
        try {
            return new HttpHead(lines, Integer.parseInt(parts[1].trim()), raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad HTTP status in: " + abbreviate(statusLine));
        }
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** The media type without parameters, lower case, or null. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).orElse(null);
    }

    /**
     * The head as it must be stored before a transfer-decoded body: readers would otherwise try to
     * de-chunk (or gunzip) bytes that are no longer chunked. The original header survives renamed to
     * {@code X-Crawler-<Name>}: always for Transfer-Encoding, and for any header the crawler reports
     * in {@code notes} as {@code X-Crawler-<Name>} (e.g. Content-Encoding it decoded). Other headers
     * are kept byte for byte.
     */
    public HttpHead forDecodedBody(Map<String, String> notes, long bodyLength, boolean truncated) {
        List<String> out = new ArrayList<>(lines.size() + 1);
        out.add(lines.getFirst());
        boolean renamed = false;
        String contentLength = null;
        int contentLengthLine = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim() : "";
            if (!name.isEmpty() && mustRename(name, notes)) {
                out.add("X-Crawler-" + name + line.substring(colon));
                renamed = true;
            } else {
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = line.substring(colon + 1).trim();
                    contentLengthLine = out.size();
                }
                out.add(line);
            }
        }
        if (renamed && !truncated && contentLength != null && !contentLength.equals(Long.toString(bodyLength))) {
            // The declared length described the encoded body; keep it, and say what is stored now.
            out.set(contentLengthLine, "X-Crawler-Content-Length: " + contentLength);
            out.add("Content-Length: " + bodyLength);
        }
        return renamed ? new HttpHead(out, status, null) : this;
    }

    private static boolean mustRename(String name, Map<String, String> notes) {
        if (name.equalsIgnoreCase("Transfer-Encoding")) return true;
        for (String note : notes.keySet()) {
            if (note.regionMatches(true, 0, "X-Crawler-", 0, 10) && note.substring(10).equalsIgnoreCase(name)
                    && !name.equalsIgnoreCase("Content-Length")) {
                return true;
            }
        }
        return false;
    }

    public byte[] toBytes() {
        if (raw != null) return raw.clone();
        StringBuilder sb = new StringBuilder();
        for (String line : lines) sb.append(line).append(CRLF);
        sb.append(CRLF);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
