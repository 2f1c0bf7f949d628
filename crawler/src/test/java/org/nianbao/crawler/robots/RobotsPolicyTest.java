package org.nianbao.crawler.robots;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsPolicyTest {

    private final RobotsPolicy policy = new RobotsPolicy("nianbao", Duration.ofSeconds(60));
    private static final String ROBOTS = "http://www.a.gov.cn/robots.txt";

    @Test
    void parsesRulesForOurAgentAndCapsCrawlDelay() {
        byte[] body = """
                User-agent: *
                Disallow: /private/
                Crawl-delay: 5

                User-agent: nianbao
                Disallow: /search
                Crawl-delay: 600
                """.getBytes(StandardCharsets.UTF_8);
        RobotsRules r = policy.rules(ROBOTS, 200, "text/plain", body);
        assertThat(r.kind()).isEqualTo(RobotsRules.Kind.PARSED);
        assertThat(r.allows("http://www.a.gov.cn/search?q=x")).isFalse();
        assertThat(r.allows("http://www.a.gov.cn/private/x.html")).isTrue();
        assertThat(r.crawlDelay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aMissingFileAllowsEverythingAndAServerErrorNothing() {
        assertThat(policy.rules(ROBOTS, 404, null, new byte[0]).allows("http://www.a.gov.cn/x")).isTrue();
        assertThat(policy.rules(ROBOTS, 403, null, new byte[0]).allows("http://www.a.gov.cn/x")).isTrue();
        RobotsRules down = policy.rules(ROBOTS, 503, null, new byte[0]);
        assertThat(down.kind()).isEqualTo(RobotsRules.Kind.UNAVAILABLE);
        assertThat(down.allows("http://www.a.gov.cn/x")).isFalse();
        assertThat(policy.rules(ROBOTS, 0, null, null).allows("http://www.a.gov.cn/x")).isFalse();
        assertThat(policy.rules(ROBOTS, 429, null, null).allows("http://www.a.gov.cn/x")).isFalse();
    }
}
