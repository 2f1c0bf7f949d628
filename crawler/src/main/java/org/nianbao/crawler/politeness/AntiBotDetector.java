package org.nianbao.crawler.politeness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Recognises anti-bot challenges and WAF block pages (Ruishu/瑞数 412, JiaSuLe/加速乐 521, 安全狗 and
 * similar). They are a "no" from the site: the crawler stops the host for the run and reports it,
 * and never tries to solve them.
 */
public final class AntiBotDetector {

    private static final List<String> CHALLENGE_MARKERS = List.of("$_ts", "__jsl_clearance", "jsl_clearance", "_$",
            "__jsluid");
    private static final List<String> BLOCK_MARKERS = List.of("安全狗", "访问被拦截", "您的访问被阻断", "网站防火墙", "web应用防火墙",
            "waf拦截", "请求被拦截", "访问已被拦截");

    /** A reason when the answer is a challenge or block page; null when it is an ordinary answer. */
    public String detect(int status, byte[] bodyHead) {
        if (status == 412) return "HTTP 412 anti-bot challenge (Ruishu-style)";
        if (status == 521) return "HTTP 521 anti-bot challenge (JiaSuLe-style)";
        if (bodyHead == null || bodyHead.length == 0) return null;
        boolean blockStatus = status == 403 || status == 405 || status == 406 || status == 418 || status == 493;
        // Challenge pages are small and carry their markers in ASCII; most pages are answered here.
        if (!blockStatus && (bodyHead.length >= 32 * 1024 || !(contains(bodyHead, "$_ts") || contains(bodyHead, "jsl")))) return null;
        String text = new String(bodyHead, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if ((status == 200 || status >= 400) && bodyHead.length < 32 * 1024) {
            boolean scriptOnly = text.contains("<script") && !text.contains("<a ");
            for (String m : CHALLENGE_MARKERS) {
                if (scriptOnly && text.contains(m.toLowerCase(Locale.ROOT)) && !m.equals("_$")) return "JavaScript anti-bot challenge (" + m + ")";
            }
        }
        if (blockStatus) {
            for (String m : BLOCK_MARKERS) {
                if (text.contains(m)) return "WAF block page (HTTP " + status + ", " + m + ")";
            }
        }
        return null;
    }

    private static boolean contains(byte[] hay, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
