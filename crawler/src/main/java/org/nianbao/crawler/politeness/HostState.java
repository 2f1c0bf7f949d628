package org.nianbao.crawler.politeness;

import java.time.Duration;
import java.time.Instant;

/**
 * Politeness bookkeeping for one host. Only the host's single worker touches it, which is also what
 * keeps at most one request in flight per host.
 */
public final class HostState {

    private final String host;
    private Instant lastEnd;
    private Duration lastElapsed = Duration.ZERO;
    private Duration crawlDelay = Duration.ZERO;
    private Instant notBefore = Instant.EPOCH;
    private int consecutiveFailures;

    public HostState(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    /**
     * The earliest start of the next request: max(delay, Crawl-delay, k × last response time) after
     * the end of the last one, and not before a backoff or Retry-After runs out.
     */
    public Instant nextStart(Duration delay, double responseTimeFactor) {
        if (lastEnd == null) return notBefore;
        Duration gap = delay;
        if (crawlDelay.compareTo(gap) > 0) gap = crawlDelay;
        Duration scaled = Duration.ofNanos((long) (lastElapsed.toNanos() * responseTimeFactor));
        if (scaled.compareTo(gap) > 0) gap = scaled;
        Instant t = lastEnd.plus(gap);
        return t.isAfter(notBefore) ? t : notBefore;
    }

    /**
     * @param started   when the request went out
     * @param firstByte when the response head arrived: the server's share, which is what k scales
     * @param finished  when the body was read: the gap counts from here
     */
    public void recordRequest(Instant started, Instant firstByte, Instant finished) {
        lastEnd = finished;
        lastElapsed = Duration.between(started, firstByte);
    }

    public void setCrawlDelay(Duration d) {
        crawlDelay = d;
    }

    public Duration crawlDelay() {
        return crawlDelay;
    }

    /** A success clears the failure streak. */
    public void succeeded() {
        consecutiveFailures = 0;
    }

    /**
     * Counts a failure and defers the host: by {@code retryAfter} when the server said so, otherwise
     * by base × 2^(failures-1) up to max.
     *
     * @return the failure streak length
     */
    public int failed(Instant now, Duration retryAfter, Duration base, Duration max) {
        consecutiveFailures++;
        Duration wait = retryAfter;
        if (wait == null) {
            long factor = 1L << Math.min(20, consecutiveFailures - 1);
            wait = base.multipliedBy(factor);
            if (wait.compareTo(max) > 0) wait = max;
        }
        Instant until = now.plus(wait);
        if (until.isAfter(notBefore)) notBefore = until;
        return consecutiveFailures;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
