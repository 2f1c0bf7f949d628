package org.nianbao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.ArchiveOptions;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.cdx.CdxjIndex;
import org.nianbao.archive.cdx.CdxjLine;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Crawler;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.PortalFarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the real crawler hands the archive, crawled twice from simulated portals on 127.0.0.1: the
 * files verify, an independent reader (warcio) indexes them as we do, and the second crawl is revisits.
 */
class CrawledArchiveTest {
    private static final Logger log = LoggerFactory.getLogger(CrawledArchiveTest.class);

    @TempDir
    Path tmp;

    private static long warcBytes(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("warc"))) {
            long n = 0;
            for (Path p : s.toList()) n += Files.size(p);
            return n;
        }
    }

    private static CrawlConfig config(Path state) {
        return CrawlConfig.defaults(state).withDelay(Duration.ofMillis(20))
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
    }

    @Test
    void twoCrawlsOfTheFarmVerifyAndTheSecondIsMostlyRevisits() throws Exception {
        Path data = tmp.resolve("data");
        long first;
        long payloadFirst;
        List<Capture> firstCaptures;
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small().withCorpusAttachments(true))) {
            try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC());
                 Crawler crawler = new Crawler(config(data.resolve("state")), archive, Clock.systemUTC())) {
                crawler.crawlUrls(farm.seedUrls());
                firstCaptures = archive.capturesAfter(0);
            }
            first = warcBytes(data);
            payloadFirst = firstCaptures.stream().mapToLong(Capture::length).sum();
            try (WarcArchive archive = WarcArchive.open(data, ArchiveOptions.defaults(), Clock.systemUTC());
                 Crawler crawler = new Crawler(config(data.resolve("state")), archive, Clock.systemUTC())) {
                crawler.crawlUrls(farm.seedUrls());
                List<Capture> second = archive.capturesAfter(firstCaptures.getLast().id());
                assertThat(second).isNotEmpty();
                long revisits = second.stream().filter(Capture::revisit).count();
                long secondBytes = warcBytes(data) - first;
                log.info("FIGURES real crawl: first {} captures, {} payload bytes -> {} WARC bytes; second {} captures "
                                + "({} revisits) -> {} WARC bytes, saving {}%", firstCaptures.size(), payloadFirst, first,
                        second.size(), revisits, secondBytes, String.format("%.1f", 100.0 * (1 - (double) secondBytes / first)));
                assertThat(revisits).as("unchanged documents become revisits").isGreaterThan(second.size() / 2);
                assertThat(secondBytes).isLessThan(first / 2);
            }
        }

        CliRunner cli = new CliRunner(tmp);
        CliRunner.Result verify = cli.run(Duration.ofMinutes(2), "verify", "--json", "--data", data.toString());
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        JsonNode report = new ObjectMapper().readTree(verify.stdout());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("captures").asLong()).isEqualTo(report.path("tableRows").asLong())
                .isEqualTo(report.path("cdxLines").asLong()).isGreaterThan(firstCaptures.size());

        Optional<Path> warcio = findWarcio();
        if (warcio.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI=true but warcio is missing");
            Assumptions.abort("warcio CLI not found; the rest of this test runs in CI");
        }
        Set<String> ours = new TreeSet<>();
        for (String line : CdxjIndex.readLines(data)) {
            CdxjLine l = CdxjLine.parse(line);
            ours.add(l.url() + " " + l.timestamp() + " " + l.digest());
        }
        Set<String> theirs = new TreeSet<>();
        try (Stream<Path> s = Files.list(data.resolve("warc"))) {
            for (Path f : s.sorted().toList()) {
                Process p = new ProcessBuilder(warcio.get().toString(), "cdx-index", f.toString()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(err).isZero();
                for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
                    String[] parts = line.split(" ", 3);
                    JsonNode j = new ObjectMapper().readTree(parts[2]);
                    theirs.add(j.path("url").asText() + " " + parts[1] + " " + j.path("digest").asText());
                }
            }
        }
        assertThat(theirs).isEqualTo(ours);
    }

    private static Optional<Path> findWarcio() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) candidates.add(Path.of(dir, "warcio"));
        }
        String tools = System.getenv("NIANBAO_NODE_TOOLS");
        if (tools != null) candidates.add(Path.of(tools, "node_modules", ".bin", "warcio"));
        candidates.add(Path.of("").toAbsolutePath().getParent().resolve(".cache/node-tools/node_modules/.bin/warcio"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
