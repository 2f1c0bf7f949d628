package org.nianbao.app.cli;

import org.nianbao.app.cli.InProcessCli.Result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.Main;
import org.nianbao.app.web.FeedRoutes;
import org.nianbao.app.web.WebServer;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.lock.RunLock;
import org.nianbao.sim.FarmConfig;
import org.nianbao.sim.FarmTruth;
import org.nianbao.sim.PortalFarm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly verbs end to end on the small portal farm: run, watch, changes, and the feeds served over HTTP. */
class RunVerbsTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final ObjectMapper json = new ObjectMapper();

    private static Result nianbao(String... args) {
        return InProcessCli.run(args);
    }

    private static String[] runArgs(Path data, PortalFarm farm) {
        List<String> a = new ArrayList<>(List.of("run", "--data", data.toString(), "--resolve", "*.gov.cn=127.0.0.1",
                "--delay", "50ms", "--json"));
        farm.seedUrls().forEach(u -> a.addAll(List.of("--url", u.toString())));
        return a.toArray(String[]::new);
    }

    @Test
    void weeklyRunsWatchesChangesAndFeedsWorkFromTheCommandLine(@TempDir Path data) throws Exception {
        try (PortalFarm farm = PortalFarm.start(FarmConfig.small())) {
            Result week1 = nianbao(runArgs(data, farm));
            assertThat(week1.code()).as(week1.err()).isZero();
            JsonNode r1 = json.readTree(week1.out());
            assertThat(r1.get("state").asText()).isEqualTo("done");
            assertThat(r1.get("new").asInt()).isEqualTo(farm.truth().reports().size());
            assertThat(r1.get("changes").get("new")).hasSize(farm.truth().reports().size());

            Result added = nianbao("watch", "add", "年度报告", "--name", "all-reports", "--data", data.toString());
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out()).contains("/feeds/watch/all-reports.atom");
            Result bad = nianbao("watch", "--data", data.toString(), "add", "year:[2019 TO", "--name", "broken");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).startsWith("nianbao watch add: ");
            assertThat(nianbao("watch", "add", "年度报告", "--name", "all-reports", "--data", data.toString()).err())
                    .contains("exists already");

            FarmTruth.WeekChanges truth = farm.advanceWeek().changes();
            Result week2 = nianbao(runArgs(data, farm));
            assertThat(week2.code()).as(week2.err()).isZero();
            JsonNode r2 = json.readTree(week2.out());
            assertThat(r2.get("new").asInt()).isEqualTo(truth.added().size());
            assertThat(r2.get("changed").asInt()).isEqualTo(truth.changed().size());
            assertThat(r2.get("removed").asInt()).isEqualTo(truth.removed().size());
            assertThat(r2.get("watchNewMatches").get("all-reports").asInt()).isEqualTo(truth.added().size());

            JsonNode changes = json.readTree(nianbao("changes", "--data", data.toString(), "--json").out());
            assertThat(changes.get("new")).hasSize(r1.get("new").asInt() + r2.get("new").asInt());
            assertThat(changes.get("changed")).hasSize(1);
            JsonNode changed = changes.get("changed").get(0);
            assertThat(changed.get("url").asText()).isEqualTo(truth.changed().getFirst().toString());
            assertThat(changed.get("reportId").asText()).isNotBlank();
            assertThat(changed.get("previousDate").asText()).isLessThan(changed.get("date").asText());
            assertThat(changed.get("diff").get("text").size()).isPositive();
            assertThat(changes.get("removed").get(0).get("url").asText()).isEqualTo(truth.removed().getFirst().toString());
            JsonNode none = json.readTree(nianbao("changes", "--data", data.toString(), "--since", "2999-01-01", "--json").out());
            assertThat(none.get("new")).isEmpty();
            assertThat(nianbao("changes", "--data", data.toString(), "--since", "last week").code()).isEqualTo(2);

            JsonNode watches = json.readTree(nianbao("watch", "list", "--data", data.toString(), "--json").out());
            assertThat(watches).hasSize(1);
            assertThat(watches.get(0).get("newMatches")).hasSize(1);
            assertThat(watches.get(0).get("newMatches").get(0).get("url").asText()).isEqualTo(truth.added().getFirst().toString());

            // The feeds, served.
            HttpClient http = HttpClient.newHttpClient();
            try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"));
                 WebServer server = new WebServer(searcher, "127.0.0.1", 0)
                         .withRoutes(new FeedRoutes(data, searcher, Clock.systemUTC(), true)::register).start()) {
                String base = "http://127.0.0.1:" + server.port();
                HttpResponse<byte[]> all = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/changes.atom")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(all.statusCode()).isEqualTo(200);
                assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
                Document feed = atom(all.body());
                assertThat(children(feed.getDocumentElement(), "entry")).hasSize(changes.get("new").size() + 2);
                assertThat(((Element) children(feed.getDocumentElement(), "link").getFirst()).getAttribute("href"))
                        .isEqualTo(base + "/feeds/changes.atom");

                HttpResponse<byte[]> watch = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/watch/all-reports.atom")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                List<Element> entries = children(atom(watch.body()).getDocumentElement(), "entry");
                assertThat(entries).hasSize(1);
                assertThat(children(entries.getFirst(), "link").getFirst().getAttribute("href")).isEqualTo(truth.added().getFirst().toString());

                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/watch/nope.atom")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
                HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/watches"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=removed-ones&q=status%3Aremoved")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
                HttpResponse<String> badPost = http.send(HttpRequest.newBuilder(URI.create(base + "/api/watches?name=x&q=year%3A%5B2019"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(badPost.statusCode()).isEqualTo(400);
                assertThat(json.readTree(badPost.body()).get("error").asText()).isNotBlank();
                JsonNode runs = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(runs).hasSize(2);
                assertThat(runs.get(0).get("removed").asInt()).isEqualTo(1);
            }

            // A second run while one holds the data folder is refused with a clear line and exit 1.
            try (RunLock held = RunLock.acquire(data)) {
                Result refused = nianbao(runArgs(data, farm));
                assertThat(refused.code()).isEqualTo(1);
                assertThat(refused.err()).contains("another nianbao run is working on");
            }
        }
    }

    @Test
    void serveWithAScheduleStartsOnAnEmptyDataFolderAndServesTheFeeds(@TempDir Path data) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--data", data.toString(), "--port", "0", "--schedule", "weekly", "--delay", "1s");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String scheduled = null;
            String serving = null;
            for (String line; (serving == null || scheduled == null) && (line = out.readLine()) != null; ) {
                if (line.startsWith("scheduled runs: ")) scheduled = line;
                if (line.startsWith("serving http://")) serving = line.substring("serving ".length()).replace("/search", "");
            }
            assertThat(scheduled).isNotNull().contains("weekly (0 3 * * 1)").contains("next at ");
            assertThat(serving).isNotNull();
            HttpResponse<byte[]> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serving + "/feeds/changes.atom")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(children(atom(feed.body()).getDocumentElement(), "entry")).isEmpty();
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void serveRefusesABadScheduleBeforeStarting(@TempDir Path data) {
        Result r = nianbao("serve", "--data", data.toString(), "--schedule", "every tuesday");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad schedule 'every tuesday'");
    }

    private static Document atom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(d.getDocumentElement(), required)).as(required).hasSize(1);
        }
        for (Element e : children(d.getDocumentElement(), "entry")) {
            for (String required : List.of("id", "title", "updated")) assertThat(children(e, required)).as(required).hasSize(1);
        }
        return d;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }
}
