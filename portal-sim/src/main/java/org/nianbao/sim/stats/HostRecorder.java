package org.nianbao.sim.stats;

import org.nianbao.sim.FarmStats;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurements of one host, updated at the start and the end of every request. Synchronized:
 * a host sees few requests, and the arithmetic must be exact under overlap.
 */
public final class HostRecorder {
    private final String host;
    private long requests;
    private long bytes;
    private long robotsRequests;
    private Instant lastEnd;
    private Duration minGap;
    private int inFlight;
    private int maxInFlight;
    private boolean robotsRead;
    private long disallowedHits;
    private long beforeRobots;
    private long trapHits;
    private long sessionIdHits;
    private long antiBotHits;
    private long throttled;
    private long retryAfterViolations;
    private long notModified;
    private Instant retryAfterUntil;
    private final Map<Integer, Long> statuses = new TreeMap<>();

    public HostRecorder(String host) {
        this.host = host;
    }

    /** What kind of request just started. */
    public record Kind(boolean robots, boolean disallowed, boolean trap, boolean sessionId) {}

    /** A request started; returns its sequence number on this host (1-based) and robots sequence if it is robots.txt. */
    public synchronized long begin(Instant start, Kind kind) {
        requests++;
        if (lastEnd != null || inFlight > 0) {
            Duration gap = inFlight > 0 ? Duration.ZERO : Duration.between(lastEnd, start);
            if (gap.isNegative()) gap = Duration.ZERO;
            if (minGap == null || gap.compareTo(minGap) < 0) minGap = gap;
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (kind.robots()) robotsRequests++;
        else if (!robotsRead) beforeRobots++;
        if (kind.disallowed()) disallowedHits++;
        if (kind.trap()) trapHits++;
        if (kind.sessionId()) sessionIdHits++;
        if (retryAfterUntil != null && start.isBefore(retryAfterUntil)) retryAfterViolations++;
        return kind.robots() ? robotsRequests : requests;
    }

    /** The request's last byte was written (or the exchange failed). */
    public synchronized void end(Instant end, Kind kind, int status, long sentBytes, int retryAfterSeconds, boolean antiBot) {
        inFlight--;
        lastEnd = lastEnd == null || end.isAfter(lastEnd) ? end : lastEnd;
        bytes += sentBytes;
        statuses.merge(status, 1L, Long::sum);
        if (kind.robots() && status < 500) robotsRead = true;
        if (status == 304) notModified++;
        if (antiBot) antiBotHits++;
        if (retryAfterSeconds > 0) {
            throttled++;
            retryAfterUntil = end.plusSeconds(retryAfterSeconds);
        }
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized FarmStats.HostStats snapshot() {
        return new FarmStats.HostStats(host, requests, bytes, minGap == null ? null : minGap.toMillis(), maxInFlight,
                disallowedHits, beforeRobots, trapHits, sessionIdHits, antiBotHits, throttled, retryAfterViolations,
                notModified, Map.copyOf(statuses));
    }
}
