package org.nianbao.indexer.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides a document's format from its magic bytes first, then the Content-Type, then the name's
 * extension: portals often serve PDFs as application/octet-stream or name a DOCX ".doc".
 */
public final class FormatDetector {

    public Format detect(byte[] bytes, String contentTypeHint, String nameHint) {
        Format byMagic = byMagic(bytes, nameHint);
        if (byMagic != Format.UNKNOWN) return byMagic;
        Format byType = byContentType(contentTypeHint);
        if (byType != Format.UNKNOWN) return byType;
        Format byName = byExtension(nameHint);
        if (byName != Format.UNKNOWN) return byName;
        return looksLikeText(bytes) ? Format.TEXT : Format.UNKNOWN;
    }

    static Format byMagic(byte[] b, String nameHint) {
        if (b.length >= 4 && indexOf(b, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) return Format.PDF;
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) return zipKind(b);
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "wps".equals(extension(nameHint)) ? Format.WPS : Format.DOC;
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')
                || startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A) || startsWith(b, 'B', 'M')) {
            return Format.IMAGE;
        }
        if (looksLikeHtml(b)) return Format.HTML;
        return Format.UNKNOWN;
    }

    /** A zip is a DOCX when it holds word/document.xml and an OFD when it holds OFD.xml. */
    private static Format zipKind(byte[] b) {
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int seen = 0;
            while ((e = zin.getNextEntry()) != null && seen++ < 2000) {
                String n = e.getName();
                if (n.equals("word/document.xml")) return Format.DOCX;
                if (n.equalsIgnoreCase("OFD.xml")) return Format.OFD;
                if (n.startsWith("word/")) return Format.DOCX;
            }
        } catch (IOException | IllegalArgumentException ex) {
            // A damaged zip: fall through to the hints, the format extractor reports the damage.
        }
        return Format.UNKNOWN;
    }

    private static boolean looksLikeHtml(byte[] b) {
        int n = Math.min(b.length, 2048);
        String head = new String(b, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) head = head.substring(3);
        head = head.stripLeading();
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || head.startsWith("<meta") || head.startsWith("<title")
                || (head.startsWith("<!--") || head.startsWith("<?xml")) && head.contains("<html");
    }

    static Format byContentType(String contentType) {
        if (contentType == null) return Format.UNKNOWN;
        String t = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (t) {
            case "text/html", "application/xhtml+xml" -> Format.HTML;
            case "application/pdf", "application/x-pdf" -> Format.PDF;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> Format.DOCX;
            case "application/msword" -> Format.DOC;
            case "application/vnd.ms-works", "application/kswps", "application/wps-office.wps" -> Format.WPS;
            case "application/ofd" -> Format.OFD;
            case "text/plain" -> Format.TEXT;
            default -> t.startsWith("image/") ? Format.IMAGE : Format.UNKNOWN;
        };
    }

    static Format byExtension(String name) {
        String ext = extension(name);
        if (ext == null) return Format.UNKNOWN;
        return switch (ext) {
            case "html", "htm", "shtml", "xhtml", "jsp", "asp", "aspx", "php" -> Format.HTML;
            case "pdf" -> Format.PDF;
            case "docx" -> Format.DOCX;
            case "doc" -> Format.DOC;
            case "wps" -> Format.WPS;
            case "ofd" -> Format.OFD;
            case "txt", "text" -> Format.TEXT;
            case "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp" -> Format.IMAGE;
            default -> Format.UNKNOWN;
        };
    }

    static String extension(String name) {
        if (name == null) return null;
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0) n = n.substring(0, q);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? null : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Text has no NUL bytes in its first 8 KiB. */
    static boolean looksLikeText(byte[] b) {
        if (b.length == 0) return false;
        for (int i = 0; i < Math.min(b.length, 8192); i++) if (b[i] == 0) return false;
        return true;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != (magic[i] & 0xFF)) return false;
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int end = Math.min(b.length, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
