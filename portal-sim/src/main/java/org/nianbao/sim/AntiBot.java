package org.nianbao.sim;

import org.nianbao.sim.http.Reply;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The page a Ruishu-style WAF sends instead of content: HTTP 412, a cookie, and obfuscated JavaScript. */
final class AntiBot {
    private AntiBot() {}

    static Reply challenge(long seq, Instant now) {
        String token = Long.toHexString(0x5f3759dfL * (seq + 17));
        String html = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<meta id=\"9DhefwqGPrzGxEp9hPaoag\" content=\"" + token + "\" r='m'>"
                + "<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=48213;"
                + "$_ts.cd=\"qGdcrGAlqGVxqqAlEsqcDqa0qAGlDq9wqGVdqGWqcs3qqGAqrsGkDqGxqqAqcqAx\";if($_ts.lcd)$_ts.lcd();</script>"
                + "<script type=\"text/javascript\" charset=\"utf-8\" src=\"/4QbVtADbnLVIc/d.FxJzG50F.dfe1675.js\" r='m'></script>"
                + "</head><body></body></html>";
        return Reply.bytes(412, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), now)
                .withHeader("Set-Cookie", "FSSBBIl1UgzbN7N80S=" + token + "; Path=/; HttpOnly")
                .withHeader("Cache-Control", "no-cache, no-store");
    }
}
