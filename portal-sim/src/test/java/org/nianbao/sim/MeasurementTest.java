package org.nianbao.sim;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The politeness figures as a real client causes them over real sockets. */
class MeasurementTest {

    @Test
    void sequentialRequestsWithPausesShowTheSmallestPauseAsGap() throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small()); SimHttp http = new SimHttp(farm)) {
            URI home = farm.seedUrls().getFirst();
            http.get(home.resolve("/robots.txt"));
            Thread.sleep(400);
            http.get(home);
            Thread.sleep(250);
            http.get(home);
            FarmStats.HostStats s = farm.stats().hosts().get(home.getHost());
            assertThat(s.requests()).isEqualTo(3);
            assertThat(s.maxInFlight()).isEqualTo(1);
            assertThat(s.minGapMillis()).isBetween(250L, 399L);
            assertThat(s.requestsBeforeRobots()).isZero();
            assertThat(farm.stats().hosts().get(farm.seedUrls().get(1).getHost()).requests()).isZero();
            List<FarmStats.RequestRecord> log = farm.requests();
            assertThat(log).hasSize(3);
            assertThat(log.getFirst().target()).isEqualTo("/robots.txt");
            assertThat(log.get(1).startMillis() - log.getFirst().endMillis()).isGreaterThanOrEqualTo(400);
            assertThat(log).allMatch(r -> r.status() == 200 && r.bytes() > 0 && r.endMillis() >= r.startMillis());
        }
    }

    @Test
    void concurrentRequestsToOneHostAreSeenInFlightTogether() {
        FarmConfig config = FarmConfig.small().withHosts(3).withHostile(EnumSet.of(Hostile.SLOW_RESPONSE))
                .withSlowness(Duration.ofMillis(500));
        try (PortalFarm farm = PortalFarm.start(config); SimHttp http = new SimHttp(farm)) {
            FarmTruth.HostTruth slowHost = farm.truth().hosts().stream()
                    .filter(h -> h.features().contains(Hostile.SLOW_RESPONSE)).findFirst().orElseThrow();
            URI slow = slowHost.seedUrl().resolve("/hdjl/zxft.html");
            List<CompletableFuture<HttpResponse<byte[]>>> calls = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.get(slow))).toList();
            calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
            FarmStats.HostStats s = farm.stats().hosts().get(slowHost.host());
            assertThat(s.requests()).isEqualTo(3);
            assertThat(s.maxInFlight()).isEqualTo(3);
            assertThat(s.minGapMillis()).isZero();
            assertThat(s.requestsBeforeRobots()).isEqualTo(3);
            assertThat(farm.stats().maxInFlight()).isEqualTo(3);
        }
    }

    @Test
    void headAnswersHeadersOnlyWithTheBodysLength() {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small()); SimHttp http = new SimHttp(farm)) {
            URI url = farm.truth().reports().getFirst().url();
            HttpResponse<byte[]> get = http.get(url);
            HttpResponse<byte[]> head = http.send(url, "HEAD", null);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(get.body().length);
            assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        }
    }
}
