package org.nianbao.sim;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WeekAdvanceTest {

    @Test
    void aWeekAddsEditsAndRemovesAndLeavesTheRestNotModified() {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small().withHosts(3).withReports(6, 6).withNewReportsPerWeek(2));
             SimHttp http = new SimHttp(farm)) {
            FarmTruth week0 = farm.truth();
            Map<URI, String> etags = new HashMap<>();
            for (FarmTruth.ReportTruth r : week0.reports()) etags.put(r.url(), http.get(r.url()).headers().firstValue("ETag").orElseThrow());
            Map<URI, String> listTags = new HashMap<>();
            for (FarmTruth.HostTruth h : week0.hosts()) listTags.put(h.reportColumnUrl(), http.get(h.reportColumnUrl()).headers().firstValue("ETag").orElseThrow());

            FarmTruth week1 = farm.advanceWeek();

            assertThat(week1.week()).isEqualTo(1);
            assertThat(farm.week()).isEqualTo(1);
            FarmTruth.WeekChanges c = week1.changes();
            assertThat(c.added()).hasSize(2);
            assertThat(c.changed()).hasSize(1);
            assertThat(c.removed()).hasSize(1);
            Set<URI> now = week1.reports().stream().map(FarmTruth.ReportTruth::url).collect(Collectors.toSet());
            assertThat(now).containsAll(c.added()).containsAll(c.changed()).doesNotContainAnyElementsOf(c.removed());
            assertThat(week0.reports().stream().map(FarmTruth.ReportTruth::url)).doesNotContainAnyElementsOf(c.added());

            for (URI added : c.added()) {
                assertThat(http.get(added).statusCode()).isEqualTo(200);
                FarmTruth.ReportTruth t = week1.reports().stream().filter(r -> r.url().equals(added)).findFirst().orElseThrow();
                assertThat(t.sinceWeek()).isEqualTo(1);
                URI column = week1.hosts().stream().filter(h -> h.host().equals(t.host())).findFirst().orElseThrow().reportColumnUrl();
                assertThat(SimHttp.text(http.get(column))).contains(added.getPath());
            }
            for (URI removed : c.removed()) {
                assertThat(http.get(removed).statusCode()).isEqualTo(404);
                assertThat(http.get(removed, "If-None-Match", etags.get(removed)).statusCode()).isEqualTo(404);
            }
            URI changed = c.changed().getFirst();
            HttpResponse<byte[]> edited = http.get(changed, "If-None-Match", etags.get(changed));
            assertThat(edited.statusCode()).isEqualTo(200);
            assertThat(edited.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etags.get(changed));
            assertThat(SimHttp.text(edited)).contains("更新说明");
            assertThat(week1.reports().stream().filter(r -> r.url().equals(changed)).findFirst().orElseThrow().changedWeek()).isEqualTo(1);

            int unchanged = 0;
            for (FarmTruth.ReportTruth r : week0.reports()) {
                if (c.changed().contains(r.url()) || c.removed().contains(r.url())) continue;
                assertThat(http.get(r.url(), "If-None-Match", etags.get(r.url())).statusCode()).as(r.url().toString()).isEqualTo(304);
                unchanged++;
            }
            assertThat(unchanged).isEqualTo(week0.reports().size() - 2);
            // a column whose list changed has new bytes; a column untouched still answers 304
            Set<String> touched = Set.copyOf(c.added().stream().map(URI::getHost).toList());
            touched = new java.util.HashSet<>(touched);
            touched.addAll(c.removed().stream().map(URI::getHost).toList());
            for (var e : listTags.entrySet()) {
                int status = http.get(e.getKey(), "If-None-Match", e.getValue()).statusCode();
                assertThat(status).as(e.getKey().toString()).isEqualTo(touched.contains(e.getKey().getHost()) ? 200 : 304);
            }
        }
    }

    @Test
    void advancingOverHttpNeedsPostAndSameSeedGivesSameHistory() {
        try (PortalFarm a = PortalFarm.start(FarmConfig.small());
             PortalFarm b = PortalFarm.start(FarmConfig.small());
             SimHttp http = new SimHttp(a)) {
            URI admin = URI.create("http://127.0.0.1:" + a.port() + "/__sim/advance");
            assertThat(http.get(admin).statusCode()).isEqualTo(405);
            HttpResponse<byte[]> posted = http.post(admin, "");
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(SimHttp.text(posted)).contains("\"week\" : 1");
            b.advanceWeek();
            assertThat(paths(a.truth().changes().added())).isEqualTo(paths(b.truth().changes().added()));
            assertThat(paths(a.truth().changes().changed())).isEqualTo(paths(b.truth().changes().changed()));
            assertThat(paths(a.truth().changes().removed())).isEqualTo(paths(b.truth().changes().removed()));
        }
    }

    @Test
    void datesComeFromTheInjectedClockAndAChangeIsDatedToItsWeek() {
        java.time.Instant start = java.time.Instant.parse("2026-03-01T08:00:00Z");
        FarmConfig config = FarmConfig.small().withReports(5, 5).withClock(java.time.Clock.fixed(start, java.time.ZoneOffset.UTC));
        try (PortalFarm farm = PortalFarm.start(config); SimHttp http = new SimHttp(farm)) {
            HttpResponse<byte[]> home = http.get(farm.seedUrls().getFirst());
            assertThat(home.headers().firstValue("Date")).hasValue("Sun, 1 Mar 2026 08:00:00 GMT");
            assertThat(home.headers().firstValue("Last-Modified")).hasValue("Sun, 1 Mar 2026 08:00:00 GMT");
            URI changed = farm.advanceWeek().changes().changed().getFirst();
            HttpResponse<byte[]> edited = http.get(changed);
            assertThat(edited.headers().firstValue("Last-Modified")).hasValue("Sun, 8 Mar 2026 08:00:00 GMT");
            assertThat(SimHttp.text(edited)).contains("本报告于2026-03-08更正了部分表述");
            // a client that only knows the date of its copy learns of the edit too
            assertThat(http.get(changed, "If-Modified-Since", "Sun, 1 Mar 2026 08:00:00 GMT").statusCode()).isEqualTo(200);
            assertThat(http.get(changed, "If-Modified-Since", "Sun, 8 Mar 2026 08:00:00 GMT").statusCode()).isEqualTo(304);
            assertThat(farm.requests()).allMatch(r -> r.startMillis() == start.toEpochMilli());
        }
    }

    private static List<String> paths(List<URI> urls) {
        return urls.stream().map(u -> u.getHost() + u.getPath()).toList();
    }
}
