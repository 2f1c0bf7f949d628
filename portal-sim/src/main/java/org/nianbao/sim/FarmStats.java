package org.nianbao.sim;

import java.util.Map;

/**
 * How the farm was treated, per host (also served as JSON at {@code /__sim/stats}).
 * {@code /__sim/*} requests are not counted.
 *
 * @param requests         all requests to farm hosts
 * @param hosts            per virtual host, by host name (hosts never requested have zero counts)
 * @param outsideHosts     requests whose Host is not a farm host (links out of the farm followed), by host name
 */
public record FarmStats(long requests, Map<String, HostStats> hosts, Map<String, Long> outsideHosts) {

    /**
     * @param host                  host name
     * @param requests              requests received
     * @param bytes                 body bytes sent
     * @param minGapMillis          smallest time between the end of one request and the start of the next
     *                              (0 when they overlapped); null with fewer than two requests
     * @param maxInFlight           most requests in flight at once
     * @param disallowedHits        requests to paths the host's robots.txt disallows
     * @param requestsBeforeRobots  requests (other than robots.txt) before a robots.txt answer below 500 was sent
     * @param trapHits              requests into a trap (calendar, redirect loop)
     * @param sessionIdHits         requests carrying a session id ({@code ;jsessionid=}, {@code sid=})
     * @param antiBotHits           requests answered with the anti-bot challenge
     * @param throttled             requests answered 429/503 with Retry-After
     * @param retryAfterViolations  requests that arrived before the last Retry-After had passed
     * @param notModified           304 answers
     * @param statuses              answers by status code
     */
    public record HostStats(String host, long requests, long bytes, Long minGapMillis, int maxInFlight,
                            long disallowedHits, long requestsBeforeRobots, long trapHits, long sessionIdHits,
                            long antiBotHits, long throttled, long retryAfterViolations, long notModified,
                            Map<Integer, Long> statuses) {}

    /** Sum of one figure over all hosts. */
    public long total(java.util.function.ToLongFunction<HostStats> figure) {
        return hosts.values().stream().mapToLong(figure).sum();
    }

    /** Smallest gap over all hosts, or null when no host had two requests. */
    public Long minGapMillis() {
        return hosts.values().stream().map(HostStats::minGapMillis).filter(java.util.Objects::nonNull)
                .min(Long::compare).orElse(null);
    }

    /** Largest in-flight count over all hosts. */
    public int maxInFlight() {
        return hosts.values().stream().mapToInt(HostStats::maxInFlight).max().orElse(0);
    }

    /** One logged request. Times are epoch milliseconds from the farm's clock. */
    public record RequestRecord(String host, String method, String target, long startMillis, long endMillis,
                                int status, long bytes) {}

}
