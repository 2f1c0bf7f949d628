package org.nianbao.indexer.extract.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an HTML page's charset: Content-Type header, then byte-order mark, then {@code <meta>}, then
 * detection (valid UTF-8, else GB18030). GBK and GB2312 are read as their superset GB18030, because
 * portals declare gb2312 and then use characters only GBK/GB18030 have.
 */
public final class CharsetSniffer {
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    /** The charset and where it came from ("header", "bom", "meta", "detected"). */
    public record Sniffed(Charset charset, String source, int bomLength) {
    }

    public Sniffed sniff(byte[] b, String contentType) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)
            return new Sniffed(StandardCharsets.UTF_8, "bom", 3);
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
            return new Sniffed(StandardCharsets.UTF_16BE, "bom", 2);
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)
            return new Sniffed(StandardCharsets.UTF_16LE, "bom", 2);
        Charset fromHeader = contentType == null ? null : find(HEADER_CHARSET, contentType);
        // Servers often send a default "charset=UTF-8" for GBK pages: bytes that are not UTF-8 overrule it.
        boolean headerLies = StandardCharsets.UTF_8.equals(fromHeader) && !isValidUtf8(b);
        if (fromHeader != null && !headerLies) return new Sniffed(fromHeader, "header", 0);
        String head = new String(b, 0, Math.min(b.length, 8192), StandardCharsets.ISO_8859_1);
        Charset fromMeta = find(META_CHARSET, head);
        if (fromMeta != null) return new Sniffed(fromMeta, "meta", 0);
        return new Sniffed(isValidUtf8(b) ? StandardCharsets.UTF_8 : Charset.forName("GB18030"), "detected", 0);
    }

    private static Charset find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? normalise(m.group(1)) : null;
    }

    static Charset normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gbk") || n.equals("gb2312") || n.equals("gb_2312-80") || n.equals("x-gbk") || n.equals("cp936")
                || n.equals("gb18030")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null; // unknown name: fall back to the next source
        }
    }

    static boolean isValidUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
