package org.nianbao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin real path of the foundation issue, step by step through the real CLI in child JVMs:
 * simulated portals on 127.0.0.1 → {@code crawl} (politely, into WARC) → {@code index} (HTML tables
 * extracted and parsed) → {@code search 行政复议 --json} with a snippet and facet counts.
 */
class EndToEndSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void portalToSearchHitThroughTheCli() throws Exception {
        CliRunner cli = new CliRunner(work);
        Path data = work.resolve("data");
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small())) {
            List<String> crawlArgs = new ArrayList<>(List.of("crawl", "--resolve", "*.gov.cn=127.0.0.1",
                    "--delay", "100ms", "--data", data.toString(), "--json"));
            farm.seedUrls().forEach(u -> crawlArgs.addAll(List.of("--seed", u.toString())));

            CliRunner.Result crawl = cli.run(STEP, crawlArgs.toArray(String[]::new));
            assertThat(crawl.exitCode()).as(crawl.stderr()).isZero();
            JsonNode crawled = JSON.readTree(crawl.stdout());
            assertThat(crawled.path("requests").asLong()).isPositive();
            try (Stream<Path> warcs = Files.list(data.resolve("warc"))) {
                assertThat(warcs.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.endsWith(".warc.gz"));
            }
            // politely: robots.txt first, never two requests at once on a host
            farm.stats().hosts().values().forEach(h -> {
                assertThat(h.requestsBeforeRobots()).isZero();
                assertThat(h.maxInFlight()).isLessThanOrEqualTo(1);
            });
        }

        CliRunner.Result index = cli.run(STEP, "index", "--data", data.toString(), "--json");
        assertThat(index.exitCode()).as(index.stderr()).isZero();
        JsonNode indexed = JSON.readTree(index.stdout());
        assertThat(indexed.path("reportsIndexed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(indexed.path("errors")).isEmpty();

        CliRunner.Result search = cli.run(STEP, "search", "行政复议", "--json", "--data", data.toString());
        assertThat(search.exitCode()).as(search.stderr()).isZero();
        JsonNode result = JSON.readTree(search.stdout());
        assertThat(result.path("total").asLong()).isPositive();
        JsonNode wuzhong = null;
        for (JsonNode hit : result.path("hits")) {
            if ("吴忠市人民政府办公室".equals(hit.path("agency").asText()) && hit.path("year").asInt() == 2020) wuzhong = hit;
        }
        assertThat(wuzhong).as("the 000 corpus report served inline by the farm: %s", search.stdout()).isNotNull();
        assertThat(wuzhong.path("snippets").toString()).contains("行政复议");
        // the truth of 000: 新收 总计 = 9, 总计 总计 = 9
        assertThat(wuzhong.path("figures").path("t3.新收.总计").asLong()).isEqualTo(9);
        assertThat(result.path("facets").path("year").path("2020").asLong()).isPositive();
        assertThat(result.path("facets").path("region").path("宁夏回族自治区").asLong()).isEqualTo(result.path("total").asLong());

        // drilling into the province counts its cities; their counts add up to the hits
        CliRunner.Result byCity = cli.run(STEP, "search", "行政复议", "--facet", "region=宁夏回族自治区", "--json",
                "--data", data.toString());
        assertThat(byCity.exitCode()).as(byCity.stderr()).isZero();
        JsonNode cities = JSON.readTree(byCity.stdout()).path("facets").path("region");
        long perCity = 0;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) cities::fields) perCity += e.getValue().asLong();
        assertThat(perCity).as("city counts %s", cities).isEqualTo(result.path("total").asLong());
        long wuzhongCount = cities.path("宁夏回族自治区/吴忠市").asLong();
        assertThat(wuzhongCount).as("city counts %s", cities).isPositive();

        CliRunner.Result drilled = cli.run(STEP, "search", "行政复议", "--facet", "region=宁夏回族自治区/吴忠市", "--json",
                "--data", data.toString());
        assertThat(drilled.exitCode()).as(drilled.stderr()).isZero();
        assertThat(JSON.readTree(drilled.stdout()).path("total").asLong()).isEqualTo(wuzhongCount);
    }
}
