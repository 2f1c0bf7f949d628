package org.nianbao.crawler.links;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a page: the HTTP header, then a byte-order mark, then a {@code <meta>} or XML
 * declaration, then detection (valid UTF-8, else GB18030). GBK and GB2312 are decoded as GB18030,
 * their superset, because real pages labelled GB2312 contain characters only GBK/GB18030 have.
 */
public final class CharsetSniffer {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)");

    /** The charset and where it came from. */
    public record Decision(Charset charset, String source) {
    }

    public Decision decide(String contentType, byte[] head) {
        Charset c = fromName(group(HEADER_CHARSET.matcher(contentType == null ? "" : contentType)));
        if (c != null) return new Decision(c, "header");
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Decision(StandardCharsets.UTF_8, "bom");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) return new Decision(StandardCharsets.UTF_16BE, "bom");
        if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) return new Decision(StandardCharsets.UTF_16LE, "bom");
        String ascii = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1);
        c = fromName(group(META_CHARSET.matcher(ascii)));
        if (c != null) return new Decision(c, "meta");
        return new Decision(isUtf8(head) ? StandardCharsets.UTF_8 : GB18030, "detected");
    }

    public String decode(String contentType, byte[] bytes) {
        Decision d = decide(contentType, bytes);
        int skip = d.source().equals("bom") ? (d.charset() == StandardCharsets.UTF_8 ? 3 : 2) : 0;
        return new String(bytes, skip, bytes.length - skip, d.charset());
    }

    private static String group(Matcher m) {
        if (!m.find()) return null;
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) return m.group(i);
        }
        return null;
    }

    static Charset fromName(String name) {
        if (name == null) return null;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gbk") || n.startsWith("gb2312") || n.equals("gb_2312-80") || n.equals("x-gbk") || n.equals("cp936")
                || n.equals("gb18030") || n.equals("euc-cn")) return GB18030;
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        // A cut body may end inside a character; judge only whole characters.
        int len = bytes.length;
        int back = 0;
        while (back < 3 && len - back - 1 >= 0 && (bytes[len - back - 1] & 0xC0) == 0x80) back++;
        if (len - back - 1 >= 0 && (bytes[len - back - 1] & 0xC0) == 0xC0) len = len - back - 1;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
