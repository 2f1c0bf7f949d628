package org.nianbao.crawler.politeness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PolitenessRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void nextStartIsTheLargestOfDelayCrawlDelayAndScaledResponseTime() {
        HostState h = new HostState("a");
        assertThat(h.nextStart(Duration.ofSeconds(2), 2)).isBefore(T0);
        h.recordRequest(T0, T0.plusMillis(100), T0.plusMillis(100));
        assertThat(h.nextStart(Duration.ofSeconds(2), 2)).isEqualTo(T0.plusMillis(2100));
        h.setCrawlDelay(Duration.ofSeconds(5));
        assertThat(h.nextStart(Duration.ofSeconds(2), 2)).isEqualTo(T0.plusMillis(5100));
        h.recordRequest(T0, T0.plusSeconds(4), T0.plusSeconds(4));
        assertThat(h.nextStart(Duration.ofSeconds(2), 2)).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void backoffDoublesAndRetryAfterWins() {
        HostState h = new HostState("a");
        h.recordRequest(T0, T0, T0);
        h.failed(T0, null, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(h.nextStart(Duration.ZERO, 0)).isEqualTo(T0.plusSeconds(1));
        h.failed(T0, null, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(h.nextStart(Duration.ZERO, 0)).isEqualTo(T0.plusSeconds(2));
        for (int i = 0; i < 5; i++) h.failed(T0, null, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(h.nextStart(Duration.ZERO, 0)).isEqualTo(T0.plusSeconds(10));
        assertThat(h.consecutiveFailures()).isEqualTo(7);
        h.succeeded();
        assertThat(h.consecutiveFailures()).isZero();
        assertThat(RetryAfter.parse("120", T0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", T0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("soon", T0)).isNull();
    }

    @Test
    void recognisesChallengesAndWafPagesButNotOrdinaryErrors() {
        AntiBotDetector d = new AntiBotDetector();
        assertThat(d.detect(412, new byte[0])).contains("412");
        assertThat(d.detect(521, new byte[0])).contains("521");
        assertThat(d.detect(200, "<html><script>document.cookie='__jsl_clearance=1';location.reload()</script></html>"
                .getBytes(StandardCharsets.UTF_8))).contains("challenge");
        assertThat(d.detect(403, "<html><body>网站防火墙：您的请求带有不合法参数，已被网站管理员设置拦截！</body></html>"
                .getBytes(StandardCharsets.UTF_8))).contains("WAF");
        assertThat(d.detect(404, "<html><body>页面不存在</body></html>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(d.detect(200, "<html><a href='/x'>x</a><script>var $_ts=1</script></html>".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
