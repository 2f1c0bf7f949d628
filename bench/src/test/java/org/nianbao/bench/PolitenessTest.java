package org.nianbao.bench;

import org.junit.jupiter.api.Test;
import org.nianbao.sim.FarmStats;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolitenessTest {

    private static FarmStats.HostStats host(String name, long requests, Long gap, int inFlight, long disallowed, long beforeRobots, long retry) {
        return new FarmStats.HostStats(name, requests, 0, gap, inFlight, disallowed, beforeRobots, 0, 0, 0, 0, retry, 0, Map.of());
    }

    @Test
    void countsEachBrokenRuleFromTheFarmsView() {
        FarmStats stats = new FarmStats(60, Map.of(
                "a.gov.cn", host("a.gov.cn", 20, 250L, 1, 0, 0, 0),
                "b.gov.cn", host("b.gov.cn", 20, 120L, 1, 0, 0, 0),
                "c.gov.cn", host("c.gov.cn", 20, 0L, 3, 2, 1, 1)), Map.of());
        Politeness p = Politeness.of(stats, 10, Duration.ofMillis(200));
        assertThat(p.requestsPerSecond()).isEqualTo(6);
        assertThat(p.tooCloseHosts()).isEqualTo(2);
        assertThat(p.overlapHosts()).isEqualTo(1);
        assertThat(p.robotsHits()).isEqualTo(3);
        assertThat(p.retryAfterHits()).isEqualTo(1);
        assertThat(p.violations()).isEqualTo(7);
        assertThat(p.minGapMillis()).isZero();
    }

    @Test
    void politeCrawlHasNoViolations() {
        FarmStats stats = new FarmStats(10, Map.of("a.gov.cn", host("a.gov.cn", 10, 200L, 1, 0, 0, 0)), Map.of());
        assertThat(Politeness.of(stats, 5, Duration.ofMillis(200)).violations()).isZero();
    }

    @Test
    void windowRateKeepsTheWholeCrawlsViolations() {
        FarmStats stats = new FarmStats(100, Map.of("b.gov.cn", host("b.gov.cn", 100, 120L, 2, 1, 0, 0)), Map.of());
        Politeness p = Politeness.of(stats, 40, Duration.ofMillis(200)).rateOver(30, 10);
        assertThat(p.requestsPerSecond()).isEqualTo(3);
        assertThat(p.violations()).isEqualTo(3);
    }

    @Test
    void violationsOfTwoCrawlsAddUpAndTheSmallerGapWins() {
        Politeness a = Politeness.of(new FarmStats(10, Map.of("a.gov.cn", host("a.gov.cn", 10, 250L, 1, 0, 0, 0)), Map.of()), 5, Duration.ofMillis(200));
        Politeness b = Politeness.of(new FarmStats(10, Map.of("c.gov.cn", host("c.gov.cn", 10, 150L, 1, 0, 2, 1)), Map.of()), 5, Duration.ofMillis(200));
        Politeness sum = a.plusViolationsOf(b);
        assertThat(sum.violations()).isEqualTo(4);
        assertThat(sum.minGapMillis()).isEqualTo(150);
        assertThat(sum.requestsPerSecond()).isEqualTo(2);
    }
}
