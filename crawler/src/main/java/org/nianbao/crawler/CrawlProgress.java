package org.nianbao.crawler;

import java.time.Duration;

/** A snapshot for progress displays. */
public record CrawlProgress(int hostsActive, int hostsDone, long requests, long fetched, long reportsFound,
                            long errors, Duration elapsed) {

    public double requestsPerSecond() {
        double s = elapsed.toMillis() / 1000.0;
        return s <= 0 ? 0 : requests / s;
    }
}
