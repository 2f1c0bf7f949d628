package org.nianbao.app.web;

import io.javalin.http.Context;
import org.nianbao.archive.Capture;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /originals/{captureId}}: the archived bytes of one capture, exactly as stored in the WARC, as an
 * attachment named like the original file (RFC 6266 / RFC 5987 for Chinese names), with its SHA-256.
 * A payload the server had gzip-encoded goes out with that Content-Encoding: the bytes on the wire are
 * the archived ones (their digest is the WARC's, and RFC 9530's Repr-Digest covers the encoded form),
 * and a browser saves the decoded document.
 * The response is sandboxed: a crawled HTML page must never run in nianbao's origin.
 */
final class OriginalDownload {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf", "doc", "application/msword", "wps", "application/vnd.ms-works",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ofd", "application/ofd", "html", "text/html", "htm", "text/html", "shtml", "text/html",
            "xls", "application/vnd.ms-excel", "txt", "text/plain");

    private final ArchiveReader archive;

    OriginalDownload(ArchiveReader archive) {
        this.archive = archive;
    }

    void handle(Context ctx) throws IOException {
        long id = captureId(ctx.pathParam("id"));
        Capture c = archive.capture(id).orElse(null);
        if (c == null || !hasContent(c)) {
            throw new NotFound("the archive has no content capture with id " + id);
        }
        String name = fileName(c.url(), c.contentType());
        ctx.contentType(contentType(c.contentType(), name));
        ctx.header("Content-Disposition", contentDisposition(name));
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.header("X-Content-SHA256", c.sha256());
        ctx.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(c.sha256())) + ":");
        ctx.header("Cache-Control", "private, max-age=86400, immutable");
        archive.contentEncoding(c).ifPresent(encoding -> ctx.header("Content-Encoding", encoding));
        ctx.result(archive.openPayload(c));
    }

    static boolean hasContent(Capture c) {
        return c.status() >= 200 && c.status() < 300 || c.status() == 304 && c.revisit();
    }

    static long captureId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadRequest("a capture id is a positive whole number, not '" + raw + "'");
    }

    /** The Content-Type as archived when it is a well-formed media type, else one guessed from the file name. */
    static String contentType(String archived, String fileName) {
        if (archived != null) {
            String base = archived.split(";", 2)[0].strip();
            if (MEDIA_TYPE.matcher(base).matches()) {
                String charset = charset(archived);
                return base.toLowerCase(Locale.ROOT) + (charset == null ? "" : "; charset=" + charset);
            }
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }

    private static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String cs = p.substring(8).replace("\"", "").strip();
                if (cs.matches("[A-Za-z0-9._-]{1,40}")) return cs;
            }
        }
        return null;
    }

    /** The original file's name: the URL's last path segment, percent-decoded (Chinese names), made safe. */
    static String fileName(String url, String contentType) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        try {
            last = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' in the URL: keep the name as written
        }
        last = last.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            String base = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            last = "index" + (base.equals("text/html") ? ".html" : base.equals("application/pdf") ? ".pdf" : "");
        }
        return last;
    }

    /** {@code attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char ch : name.toCharArray()) ascii.append(ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%' ? ch : '_');
        StringBuilder ext = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) ext.append((char) c);
            else ext.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + ext;
    }
}
