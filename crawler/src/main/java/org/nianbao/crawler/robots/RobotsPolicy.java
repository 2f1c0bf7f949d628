package org.nianbao.crawler.robots;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.time.Duration;
import java.util.List;

/**
 * Turns a robots.txt answer into rules, per RFC 9309: a 2xx file is parsed; 4xx (the file does not
 * exist or is forbidden) allows everything; 5xx, 429 or no answer at all disallows everything until
 * it can be fetched again. Crawl-delay is honoured up to a cap.
 */
public final class RobotsPolicy {

    private final String robotsName;
    private final Duration crawlDelayCap;

    public RobotsPolicy(String robotsName, Duration crawlDelayCap) {
        this.robotsName = robotsName;
        this.crawlDelayCap = crawlDelayCap;
    }

    /**
     * @param robotsUrl   the robots.txt URL
     * @param status      HTTP status, or 0 when the host did not answer
     * @param contentType Content-Type of the answer, or null
     * @param body        the bytes (at most 500 KiB are read, as RFC 9309 allows)
     */
    public RobotsRules rules(String robotsUrl, int status, String contentType, byte[] body) {
        if (status >= 200 && status < 300) {
            // Our own cap applies; the parser's default (5 min) would otherwise turn a long delay into "disallow all".
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
            byte[] content = body == null ? new byte[0] : body;
            if (content.length > 500 * 1024) content = java.util.Arrays.copyOf(content, 500 * 1024);
            SimpleRobotRules r = parser.parseContent(robotsUrl, content, contentType == null ? "text/plain" : contentType,
                    List.of(robotsName));
            Duration delay = r.getCrawlDelay() == SimpleRobotRules.UNSET_CRAWL_DELAY || r.getCrawlDelay() <= 0
                    ? Duration.ZERO : Duration.ofMillis(r.getCrawlDelay());
            if (delay.compareTo(crawlDelayCap) > 0) delay = crawlDelayCap;
            return new RobotsRules(r, delay, RobotsRules.Kind.PARSED);
        }
        if (status >= 400 && status < 500 && status != 429) {
            return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO, RobotsRules.Kind.ALLOW_ALL);
        }
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO, RobotsRules.Kind.UNAVAILABLE);
    }
}
