package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.Main;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.PortalFarm;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlCommandTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void crawlsASimulatedFarmIntoTheArchiveAndPrintsAJsonSummary(@TempDir Path dir) throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small())) {
            List<String> args = new ArrayList<>(List.of("crawl", "--data", dir.toString(), "--resolve", "*.gov.cn=127.0.0.1",
                    "--delay", "20ms", "--user-agent", "nianbao-test (+https://example.org/nianbao)", "--json"));
            farm.seedUrls().forEach(u -> { args.add("--seed"); args.add(u.toString()); });
            Result r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode summary = new ObjectMapper().readTree(r.out());
            assertThat(summary.get("reportsFound").asInt()).isGreaterThanOrEqualTo(farm.truth().reports().size());
            assertThat(summary.get("hosts")).hasSize(2);
            assertThat(summary.get("started").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            for (FarmTruth.ReportTruth report : farm.truth().reports()) {
                assertThat(summary.get("newReports").toString()).contains(report.url().toString());
            }
            try (Stream<Path> warcs = Files.list(dir.resolve("warc"))) {
                assertThat(warcs.filter(p -> p.toString().endsWith(".warc.gz"))).isNotEmpty();
            }
            assertThat(dir.resolve("state").resolve("crawl.sqlite")).exists();
            assertThat(farm.stats().maxInFlight()).isEqualTo(1);
            assertThat(farm.stats().minGapMillis()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void refusesBadUsageWithExitCode2AndOneClearLine(@TempDir Path dir) {
        Result none = run("crawl", "--data", dir.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("nothing to crawl");
        Result badResolve = run("crawl", "--data", dir.toString(), "--seed", "http://www.a.gov.cn/", "--resolve", "*.gov.cn");
        assertThat(badResolve.exit()).isEqualTo(2);
        assertThat(badResolve.err()).contains("PATTERN=IP");
        Result badDelay = run("crawl", "--data", dir.toString(), "--seed", "http://www.a.gov.cn/", "--delay", "soon");
        assertThat(badDelay.exit()).isEqualTo(2);
        assertThat(badDelay.err()).contains("not a duration");
        Result badSeed = run("crawl", "--data", dir.toString(), "--seed", "www.a.gov.cn");
        assertThat(badSeed.exit()).isEqualTo(2);
        assertThat(badSeed.err()).contains("http(s) URL");
    }

    @Test
    void listsAndValidatesTheBundledSeeds(@TempDir Path dir) throws Exception {
        Result list = run("seeds", "list", "--json");
        assertThat(list.exit()).isZero();
        JsonNode units = new ObjectMapper().readTree(list.out());
        assertThat(units).hasSize(28);
        assertThat(units.get(0).get("verified").asBoolean()).isFalse();
        Result ok = run("seeds", "validate");
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("28 units, 0 errors");

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"units": [{"name": "甲县", "level": "county", "parent": "乙市", "home": "not a url"}]}""");
        Result failing = run("seeds", "validate", "--seeds", bad.toString());
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.out()).contains("unknown parent '乙市'").contains("malformed home URL");
    }
}
