package org.nianbao.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt in its four shapes, and how the farm counts the way it is obeyed. */
class RobotsTest {
    static PortalFarm farm;
    static SimHttp http;

    @BeforeAll
    static void start() {
        // One feature per host: hosts 1..4 carry them, host 0 stays quiet.
        farm = PortalFarm.start(FarmConfig.small().withHosts(5).withCrawlDelaySeconds(3).withHostile(EnumSet.of(
                Hostile.ROBOTS_DISALLOW, Hostile.CRAWL_DELAY, Hostile.ROBOTS_UNAVAILABLE, Hostile.ROBOTS_MISSING)));
        http = new SimHttp(farm);
    }

    @AfterAll
    static void stop() {
        http.close();
        farm.close();
    }

    static FarmTruth.HostTruth with(Hostile h) {
        return farm.truth().hosts().stream().filter(x -> x.features().contains(h)).findFirst().orElseThrow();
    }

    static URI robots(FarmTruth.HostTruth h) {
        return h.seedUrl().resolve("/robots.txt");
    }

    @Test
    void disallowRulesCoverPathsThatPagesLinkInto() {
        FarmTruth.HostTruth h = with(Hostile.ROBOTS_DISALLOW);
        String txt = SimHttp.text(http.get(robots(h)));
        assertThat(txt).contains("User-agent: *").contains("Disallow: /internal/").contains("Disallow: /search");
        assertThat(farm.truth().disallowedUrls()).isNotEmpty()
                .allMatch(u -> u.getHost().equals(h.host()) && (u.getPath().startsWith("/internal/") || u.getPath().startsWith("/search")));
        // one of them is a report listed in the column, which the truth does not count as findable
        String column = SimHttp.text(http.get(h.reportColumnUrl()));
        assertThat(farm.truth().disallowedUrls()).anyMatch(u -> u.getPath().startsWith("/internal/nb/") && column.contains(u.getPath()));
        assertThat(farm.truth().reports()).noneMatch(r -> r.url().getPath().startsWith("/internal/"));
        String home = SimHttp.text(http.get(h.seedUrl()));
        assertThat(home).contains("href=\"/internal/notice.html\"").contains("href=\"/search?searchword=");

        long before = farm.stats().hosts().get(h.host()).disallowedHits();
        for (URI u : farm.truth().disallowedUrls()) assertThat(http.get(u).statusCode()).isEqualTo(200);
        assertThat(farm.stats().hosts().get(h.host()).disallowedHits() - before).isEqualTo(farm.truth().disallowedUrls().size());
    }

    @Test
    void crawlDelayIsAnnouncedAndInTheTruth() {
        FarmTruth.HostTruth h = with(Hostile.CRAWL_DELAY);
        assertThat(SimHttp.text(http.get(robots(h)))).contains("Crawl-delay: 3");
        assertThat(h.crawlDelaySeconds()).isEqualTo(3);
        assertThat(with(Hostile.ROBOTS_DISALLOW).crawlDelaySeconds()).isNull();
    }

    @Test
    void unavailableRobotsAnswers503TwiceThenRecoversAndEarlyRequestsAreCounted() {
        FarmTruth.HostTruth h = with(Hostile.ROBOTS_UNAVAILABLE);
        assertThat(http.get(robots(h)).statusCode()).isEqualTo(503);
        http.get(h.seedUrl()); // a crawler that ignores the 503 (RFC 9309 says: disallow all)
        assertThat(http.get(robots(h)).statusCode()).isEqualTo(503);
        HttpResponse<byte[]> third = http.get(robots(h));
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(SimHttp.text(third)).contains("User-agent: *");
        http.get(h.seedUrl());
        assertThat(farm.stats().hosts().get(h.host()).requestsBeforeRobots()).isEqualTo(1);
    }

    @Test
    void missingRobotsIs404AndAllowsAll() {
        FarmTruth.HostTruth h = with(Hostile.ROBOTS_MISSING);
        assertThat(http.get(robots(h)).statusCode()).isEqualTo(404);
        http.get(h.seedUrl());
        FarmStats.HostStats s = farm.stats().hosts().get(h.host());
        assertThat(s.requestsBeforeRobots()).isZero();
        assertThat(s.disallowedHits()).isZero();
    }

    @Test
    void aQuietHostHasAnOrdinaryRobotsTxt() {
        FarmTruth.HostTruth quiet = farm.truth().hosts().getFirst();
        assertThat(quiet.features()).isEmpty();
        HttpResponse<byte[]> r = http.get(robots(quiet));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(SimHttp.text(r)).contains("Disallow: /manage/").doesNotContain("Crawl-delay");
    }
}
