package org.nianbao.sim.stats;

import org.junit.jupiter.api.Test;
import org.nianbao.sim.FarmStats;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HostRecorderTest {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    static final HostRecorder.Kind PAGE = new HostRecorder.Kind(false, false, false, false);
    static final HostRecorder.Kind ROBOTS = new HostRecorder.Kind(true, false, false, false);

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void minGapIsTheSmallestTimeFromOneEndToTheNextStart() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), ROBOTS);
        r.end(at(10), ROBOTS, 200, 100, 0, false);
        r.begin(at(260), PAGE);          // gap 250
        r.end(at(300), PAGE, 200, 1000, 0, false);
        r.begin(at(510), PAGE);          // gap 210
        r.end(at(900), PAGE, 404, 50, 0, false);
        r.begin(at(1400), PAGE);         // gap 500
        r.end(at(1401), PAGE, 304, 0, 0, false);
        FarmStats.HostStats s = r.snapshot();
        assertThat(s.requests()).isEqualTo(4);
        assertThat(s.minGapMillis()).isEqualTo(210);
        assertThat(s.maxInFlight()).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(1150);
        assertThat(s.notModified()).isEqualTo(1);
        assertThat(s.statuses()).containsEntry(200, 2L).containsEntry(404, 1L).containsEntry(304, 1L);
        assertThat(s.requestsBeforeRobots()).isZero();
    }

    @Test
    void overlappingRequestsCountAsZeroGapAndRaiseInFlight() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), PAGE);
        r.begin(at(5), PAGE);
        r.begin(at(6), PAGE);
        r.end(at(20), PAGE, 200, 1, 0, false);
        r.end(at(30), PAGE, 200, 1, 0, false);
        r.end(at(40), PAGE, 200, 1, 0, false);
        r.begin(at(1000), PAGE);
        r.end(at(1001), PAGE, 200, 1, 0, false);
        FarmStats.HostStats s = r.snapshot();
        assertThat(s.maxInFlight()).isEqualTo(3);
        assertThat(s.minGapMillis()).isZero();
    }

    @Test
    void aSingleRequestHasNoGap() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), ROBOTS);
        r.end(at(1), ROBOTS, 200, 1, 0, false);
        assertThat(r.snapshot().minGapMillis()).isNull();
    }

    @Test
    void requestsBeforeAReadableRobotsTxtAreCounted() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), PAGE);                                 // before any robots.txt
        r.end(at(1), PAGE, 200, 1, 0, false);
        r.begin(at(100), ROBOTS);
        r.end(at(101), ROBOTS, 503, 1, 0, false);             // 503 does not count as read
        r.begin(at(200), PAGE);                               // still before
        r.end(at(201), PAGE, 200, 1, 0, false);
        r.begin(at(300), ROBOTS);
        r.end(at(301), ROBOTS, 404, 1, 0, false);             // 404 = read, allow all
        r.begin(at(400), PAGE);
        r.end(at(401), PAGE, 200, 1, 0, false);
        assertThat(r.snapshot().requestsBeforeRobots()).isEqualTo(2);
    }

    @Test
    void requestsInsideRetryAfterAreViolations() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), ROBOTS);
        r.end(at(1), ROBOTS, 200, 1, 0, false);
        r.begin(at(10), PAGE);
        r.end(at(20), PAGE, 429, 1, 2, false);                // Retry-After: 2 -> until 2020 ms
        r.begin(at(1500), PAGE);                              // too early
        r.end(at(1510), PAGE, 200, 1, 0, false);
        r.begin(at(2100), PAGE);                              // fine
        r.end(at(2110), PAGE, 200, 1, 0, false);
        FarmStats.HostStats s = r.snapshot();
        assertThat(s.throttled()).isEqualTo(1);
        assertThat(s.retryAfterViolations()).isEqualTo(1);
    }

    @Test
    void disallowedTrapSessionAndAntiBotHitsAreCounted() {
        HostRecorder r = new HostRecorder("h");
        r.begin(at(0), new HostRecorder.Kind(false, true, false, false));
        r.end(at(1), PAGE, 200, 1, 0, false);
        r.begin(at(10), new HostRecorder.Kind(false, false, true, true));
        r.end(at(11), PAGE, 200, 1, 0, true);
        FarmStats.HostStats s = r.snapshot();
        assertThat(s.disallowedHits()).isEqualTo(1);
        assertThat(s.trapHits()).isEqualTo(1);
        assertThat(s.sessionIdHits()).isEqualTo(1);
        assertThat(s.antiBotHits()).isEqualTo(1);
    }
}
