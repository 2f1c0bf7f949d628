package org.nianbao.crawler.robots;

import crawlercommons.robots.BaseRobotRules;

import java.time.Duration;

/**
 * The robots.txt verdict for one host.
 *
 * @param rules      crawler-commons rules (RFC 9309 matching)
 * @param crawlDelay the Crawl-delay for us, already capped; zero when none
 * @param kind       PARSED from a 2xx file, ALLOW_ALL after a 4xx, UNAVAILABLE after 5xx or no answer
 */
public record RobotsRules(BaseRobotRules rules, Duration crawlDelay, Kind kind) {

    public enum Kind { PARSED, ALLOW_ALL, UNAVAILABLE }

    public boolean allows(String url) {
        return kind != Kind.UNAVAILABLE && rules.isAllowed(url);
    }
}
