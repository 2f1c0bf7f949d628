package org.nianbao.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest {

    @Test
    void aHundredHostsEachServeTheirHomeAndReportColumnWithTheirOwnReports() {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.defaults(100)); SimHttp http = new SimHttp(farm)) {
            FarmTruth truth = farm.truth();
            assertThat(truth.hosts()).hasSize(100);
            assertThat(truth.hosts().stream().map(FarmTruth.HostTruth::host).distinct()).hasSize(100);
            Map<String, Long> perHost = truth.reports().stream().collect(Collectors.groupingBy(FarmTruth.ReportTruth::host, Collectors.counting()));
            assertThat(perHost).hasSize(99); // the anti-bot host's reports are not findable
            assertThat(perHost.values()).allMatch(n -> n >= 10);
            for (FarmTruth.HostTruth h : truth.hosts()) {
                if (h.blocksCrawlers()) continue;
                assertThat(http.get(h.seedUrl()).statusCode()).as(h.host()).isEqualTo(200);
                assertThat(http.get(h.reportColumnUrl()).statusCode()).as(h.host()).isEqualTo(200);
            }
            assertThat(farm.stats().hosts()).hasSize(100);
            assertThat(farm.stats().requests()).isGreaterThanOrEqualTo(198);
        }
    }
}
