package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.web.FeedRoutes;
import org.nianbao.app.web.WebServer;
import org.nianbao.indexer.index.ReportIndex;
import org.nianbao.indexer.search.ReportSearcher;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a search from the web page, over real HTTP: only with `serve --allow-watches`; read-only otherwise. */
class ServeWatchesTest {
    private static final String QUERY = "行政诉讼 year:2021";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void searchPageFormSavesTheQueryAsAWatchAndComesBackToTheSearchWithItsFeed(@TempDir Path data) throws Exception {
        ReportIndex.open(data.resolve("index")).close();
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"));
             WebServer server = ServeCommand.startSite(searcher, data, "127.0.0.1", 0, null, true)) {
            String base = "http://127.0.0.1:" + server.port();
            Document page = Jsoup.parse(get(base + "/search?q=" + enc(QUERY)).body(), base);
            FormElement form = (FormElement) page.selectFirst("form#watch");
            assertThat(form).as("the save-as-watch form").isNotNull();
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.absUrl("action")).isEqualTo(base + "/api/watches");
            assertThat(form.selectFirst("input[name=q]").val()).isEqualTo(QUERY);
            assertThat(form.selectFirst("input[name=name]").hasAttr("required")).isTrue();
            assertThat(Jsoup.parse(get(base + "/search").body()).selectFirst("form#watch")).as("nothing to save without a query").isNull();

            // Submit it as a browser would: the form's own fields plus the name typed in.
            form.selectFirst("input[name=name]").val("诉讼-2021");
            String body = form.formData().stream().map(kv -> enc(kv.key()) + "=" + enc(kv.value())).collect(Collectors.joining("&"));
            HttpResponse<String> saved = post(base + "/api/watches", body);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            String back = saved.headers().firstValue("Location").orElseThrow();
            assertThat(back).isEqualTo("/search?q=" + enc(QUERY) + "&saved=" + enc("诉讼-2021"));

            Document after = Jsoup.parse(get(base + back).body(), base);
            assertThat(after.selectFirst("#watch-saved").text()).contains("诉讼-2021");
            String feedUrl = after.selectFirst("#watch-saved a").absUrl("href");
            assertThat(feedUrl).isEqualTo(base + "/feeds/watch/" + enc("诉讼-2021") + ".atom");
            HttpResponse<byte[]> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(feed.statusCode()).isEqualTo(200);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            org.w3c.dom.Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body())).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("feed");
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");

            JsonNode watches = json.readTree(get(base + "/api/watches").body());
            assertThat(watches).hasSize(1);
            assertThat(watches.get(0).get("name").asText()).isEqualTo("诉讼-2021");
            assertThat(watches.get(0).get("query").asText()).isEqualTo(QUERY);

            HttpResponse<String> again = post(base + "/api/watches", body);
            assertThat(again.statusCode()).as("the name is taken").isEqualTo(400);
            assertThat(json.readTree(again.body()).get("error").asText()).contains("exists already");
            HttpResponse<String> api = post(base + "/api/watches", "name=by-api&q=" + enc("year:2020"));
            assertThat(api.statusCode()).as("API clients still get JSON").isEqualTo(201);
            assertThat(json.readTree(api.body()).get("name").asText()).isEqualTo("by-api");
        }
    }

    @Test
    void withoutAllowWatchesTheServerIsReadOnlyNoFormAndPostsAreRefusedWith403(@TempDir Path data) throws Exception {
        ReportIndex.open(data.resolve("index")).close();
        try (ReportSearcher searcher = ReportSearcher.open(data.resolve("index"));
             WebServer server = ServeCommand.startSite(searcher, data, "127.0.0.1", 0, null, false)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = get(base + "/search?q=" + enc(QUERY));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).selectFirst("form#watch")).isNull();
            assertThat(Jsoup.parse(get(base + "/search?q=x&saved=forged").body()).selectFirst("#watch-saved")).isNull();

            HttpResponse<String> refused = post(base + "/api/watches", "from=search&name=x&q=" + enc(QUERY));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode error = json.readTree(refused.body());
            assertThat(error.get("error").asText()).isEqualTo(FeedRoutes.READ_ONLY).contains("--allow-watches");
            assertThat(error.get("status").asInt()).isEqualTo(403);
            assertThat(json.readTree(get(base + "/api/watches").body())).as("nothing saved").isEmpty();
        }
    }

    @Test
    void allowWatchesIsAnExplicitServeFlagOffByDefault() {
        ServeCommand plain = new ServeCommand();
        new CommandLine(plain).parseArgs("--port", "0");
        assertThat(plain.allowWatches).isFalse();
        ServeCommand writable = new ServeCommand();
        new CommandLine(writable).parseArgs("--port", "0", "--allow-watches");
        assertThat(writable.allowWatches).isTrue();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
