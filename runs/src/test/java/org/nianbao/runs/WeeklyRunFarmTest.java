package org.nianbao.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.crawler.CrawlConfig;
import org.nianbao.crawler.Seed;
import org.nianbao.crawler.fetch.DnsOverride;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeKind;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.feed.Feeds;
import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunRecord;
import org.nianbao.runs.record.RunsDatabase;
import org.nianbao.runs.watch.Watches;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.Hostile;
import org.nianbao.sim.FarmStats;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.PortalFarm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Week 1, a week passes on the portals, week 2, then a quiet week: what runs record and keep. */
class WeeklyRunFarmTest {

    private static CrawlConfig config(Path data) {
        return CrawlConfig.defaults(data.resolve("state")).withDelay(Duration.ofMillis(50))
                .withDnsOverrides(List.of(DnsOverride.parse("*.gov.cn=127.0.0.1")));
    }

    private static List<Seed> seeds(PortalFarm farm) {
        return farm.seedUrls().stream().map(Seed::of).toList();
    }

    private static Set<String> strings(List<URI> uris) {
        return uris.stream().map(URI::toString).collect(Collectors.toSet());
    }

    @Test
    void weekTwoRecordsExactlyWhatThePortalsChangedAndAQuietWeekFetchesNoNewDocuments(@TempDir Path data) throws Exception {
        // One of the two portals gzips its HTML, as most portals' nginx does: its reports must count as well.
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small().withHostile(Set.of(Hostile.GZIP_HTML)))) {
            assertThat(farm.truth().hosts()).anyMatch(h -> h.features().contains(Hostile.GZIP_HTML));
            WeeklyRun runner = new WeeklyRun(data, config(data), Clock.systemUTC());

            // Week 1: everything is new.
            WeeklyRun.RunResult week1 = runner.run(seeds(farm));
            RunRecord r1 = week1.record();
            assertThat(r1.state()).isEqualTo(RunRecord.DONE);
            assertThat(r1.newReports()).isEqualTo(farm.truth().reports().size());
            assertThat(r1.changedReports()).isZero();
            assertThat(r1.removedReports()).isZero();
            assertThat(r1.responses()).isEqualTo(r1.captures());

            // A saved search for every report: after week 2 it must name only the one new report.
            try (RunsDatabase db = RunsDatabase.open(data); ReportSearcher s = ReportSearcher.open(data.resolve("index"))) {
                new Watches(db).add("all-reports", "年度报告", Clock.systemUTC().instant(), s);
                new Watches(db).add("nothing", "agency:不存在的机关", Clock.systemUTC().instant(), s);
            }

            FarmTruth.WeekChanges truth = farm.advanceWeek().changes();
            int requestsBefore = farm.requests().size();
            WeeklyRun.RunResult week2 = runner.run(seeds(farm));
            RunRecord r2 = week2.record();

            assertThat(r2.newReports()).isEqualTo(truth.added().size());
            assertThat(r2.changedReports()).isEqualTo(truth.changed().size());
            assertThat(r2.removedReports()).isEqualTo(truth.removed().size());
            assertThat(urls(week2.changes(), ChangeKind.NEW)).isEqualTo(strings(truth.added()));
            assertThat(urls(week2.changes(), ChangeKind.CHANGED)).isEqualTo(strings(truth.changed()));
            assertThat(urls(week2.changes(), ChangeKind.REMOVED)).isEqualTo(strings(truth.removed()));
            assertThat(r2.requests()).isLessThan(r1.requests() + 4);
            assertThat(r2.bytes()).isLessThan(r1.bytes());
            assertThat(r2.notModified()).isPositive();

            Set<String> reportUrls = farm.truth().reports().stream().map(r -> r.url().toString()).collect(Collectors.toSet());
            Set<String> touched = new java.util.HashSet<>(strings(truth.added()));
            touched.addAll(strings(truth.changed()));
            try (WarcArchive archive = WarcArchive.open(data)) {
                // Unchanged reports: 304s or revisits, never a second response record.
                for (String url : reportUrls) {
                    if (touched.contains(url)) continue;
                    List<Capture> h = archive.history(url);
                    assertThat(h.stream().filter(c -> !c.revisit())).as(url).hasSize(1);
                }
                // The changed report has two versions, and a diff that says what changed.
                String changedUrl = truth.changed().getFirst().toString();
                List<Capture> versions = archive.history(changedUrl).stream().filter(c -> !c.revisit()).toList();
                assertThat(versions).hasSize(2);
                assertThat(versions.get(0).sha256()).isNotEqualTo(versions.get(1).sha256());
                Change changed = week2.changes().stream().filter(c -> c.kind() == ChangeKind.CHANGED).findFirst().orElseThrow();
                assertThat(changed.previousCaptureId()).isEqualTo(versions.get(0).id());
                assertThat(changed.captureId()).isEqualTo(versions.get(1).id());
                assertThat(changed.diff()).isNotNull();
                assertThat(changed.diff().linesAdded() + changed.diff().linesRemoved() + changed.diff().cells().size()).isPositive();

                // The removed report: marked, still searchable, its archived bytes still there.
                String removedUrl = truth.removed().getFirst().toString();
                Change removed = week2.changes().stream().filter(c -> c.kind() == ChangeKind.REMOVED).findFirst().orElseThrow();
                try (ReportSearcher s = ReportSearcher.open(data.resolve("index"))) {
                    ReportRecord rec = s.report(removed.reportId()).orElseThrow();
                    assertThat(rec.status()).isEqualTo("removed");
                    assertThat(s.count(SearchRequest.of("status:removed"))).isEqualTo(1);
                    assertThat(s.report(changed.reportId()).orElseThrow().status()).isEqualTo("changed");
                    assertThat(s.report(changed.reportId()).orElseThrow().originals())
                            .filteredOn(o -> o.url().equals(changedUrl)).extracting(o -> o.sha256()).doesNotHaveDuplicates().hasSize(2);
                }
                Capture old = archive.history(removedUrl).getFirst();
                assertThat(old.status()).isEqualTo(200);
                try (InputStream in = archive.openPayload(old)) {
                    assertThat(in.readAllBytes()).hasSize((int) old.length());
                }
            }

            // Feeds: valid Atom; the saved search's feed holds exactly the new report.
            try (RunsDatabase db = RunsDatabase.open(data)) {
                Feeds feeds = new Feeds(new ChangeLog(db), new Watches(db), Clock.systemUTC());
                Document all = parse(feeds.changes("http://127.0.0.1:8080").toXml());
                assertThat(entries(all)).hasSize(r1.newReports() + r2.newReports() + r2.changedReports() + r2.removedReports());
                Document watch = parse(feeds.watch("all-reports", "http://127.0.0.1:8080").orElseThrow().toXml());
                assertThat(entryLinks(watch)).containsExactlyInAnyOrderElementsOf(strings(truth.added()));
                assertThat(entries(parse(feeds.watch("nothing", null).orElseThrow().toXml()))).isEmpty();
            }

            // A quiet week: only robots.txt and pages are fetched whole; no new response records.
            int before3 = farm.requests().size();
            RunRecord r3 = runner.run(seeds(farm)).record();
            assertThat(r3.newReports() + r3.changedReports() + r3.removedReports()).isZero();
            assertThat(r3.responses()).isZero();
            List<FarmStats.RequestRecord> quiet = farm.requests().subList(before3, farm.requests().size());
            for (FarmStats.RequestRecord q : quiet) {
                String url = "http://" + q.host() + ":" + farm.port() + q.target();
                if (reportUrls.contains(url)) assertThat(q.status()).as(url).isIn(304, 404);
            }
            try (RunsDatabase db = RunsDatabase.open(data)) {
                assertThat(new RunLog(db).all()).extracting(RunRecord::state).containsOnly(RunRecord.DONE).hasSize(3);
            }
            org.slf4j.LoggerFactory.getLogger(WeeklyRunFarmTest.class).info(String.format("week-2 share of week 1: requests %d/%d = %.1f%%, bytes %d/%d = %.1f%% (requests to farm %d)",
                    r2.requests(), r1.requests(), 100.0 * r2.requests() / r1.requests(), r2.bytes(), r1.bytes(),
                    100.0 * r2.bytes() / r1.bytes(), before3 - requestsBefore));
        }
    }

    private static Set<String> urls(List<Change> changes, ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(Change::url).collect(Collectors.toSet());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element feed = d.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
        }
        for (Element e : entries(d)) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(e, required)).as("entry/" + required).hasSize(1);
            }
            java.time.Instant.parse(children(e, "updated").getFirst().getTextContent());
            URI.create(children(e, "id").getFirst().getTextContent());
        }
        return d;
    }

    static List<Element> entries(Document d) {
        return children(d.getDocumentElement(), "entry");
    }

    static List<String> entryLinks(Document d) {
        List<String> out = new ArrayList<>();
        for (Element e : entries(d)) for (Element l : children(e, "link")) out.add(l.getAttribute("href"));
        return out;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }
}
