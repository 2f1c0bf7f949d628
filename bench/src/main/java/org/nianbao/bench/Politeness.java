package org.nianbao.bench;

import org.nianbao.sim.FarmStats;

import java.time.Duration;

/**
 * How a crawler treated a portal-sim farm, from the farm's own count.
 *
 * @param requests        requests the farm received
 * @param seconds         crawl time the requests were made in
 * @param tooCloseHosts   hosts whose smallest end-to-start gap was below the delay
 * @param overlapHosts    hosts that had more than one request in flight at once
 * @param robotsHits      requests to robots-disallowed paths, plus requests before robots.txt was read
 * @param retryAfterHits  requests that came before a Retry-After had passed
 * @param minGapMillis    smallest gap seen on any host, or -1 when no host had two requests
 */
public record Politeness(long requests, double seconds, int tooCloseHosts, int overlapHosts, long robotsHits,
                         long retryAfterHits, long minGapMillis) {

    public static Politeness of(FarmStats stats, double seconds, Duration delay) {
        int close = 0;
        int overlap = 0;
        for (FarmStats.HostStats h : stats.hosts().values()) {
            if (h.minGapMillis() != null && h.minGapMillis() < delay.toMillis()) close++;
            if (h.maxInFlight() > 1) overlap++;
        }
        Long gap = stats.minGapMillis();
        return new Politeness(stats.requests(), seconds, close, overlap,
                stats.total(FarmStats.HostStats::disallowedHits) + stats.total(FarmStats.HostStats::requestsBeforeRobots),
                stats.total(FarmStats.HostStats::retryAfterViolations), gap == null ? -1 : gap);
    }

    /** The same counts of broken rules, with the rate taken over a window of the crawl (its steady part). */
    public Politeness rateOver(long windowRequests, double windowSeconds) {
        return new Politeness(windowRequests, windowSeconds, tooCloseHosts, overlapHosts, robotsHits, retryAfterHits, minGapMillis);
    }

    /** Each broken rule of both crawls counted; the rate stays this one's. */
    public Politeness plusViolationsOf(Politeness other) {
        return new Politeness(requests, seconds, tooCloseHosts + other.tooCloseHosts, overlapHosts + other.overlapHosts,
                robotsHits + other.robotsHits, retryAfterHits + other.retryAfterHits,
                minGapMillis < 0 ? other.minGapMillis : other.minGapMillis < 0 ? minGapMillis : Math.min(minGapMillis, other.minGapMillis));
    }

    public double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /** Every broken rule counted once: each too-close or overlapping host, each robots or Retry-After breach. */
    public long violations() {
        return tooCloseHosts + overlapHosts + robotsHits + retryAfterHits;
    }

    public String describe() {
        return "%d hosts gap<delay, %d hosts overlapping, %d robots, %d Retry-After, min gap %d ms"
                .formatted(tooCloseHosts, overlapHosts, robotsHits, retryAfterHits, minGapMillis);
    }
}
