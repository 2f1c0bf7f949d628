package org.nianbao.app.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pages for people (search, report, statistics, crawl status), the archived originals, the Atom feed of a
 * search, the language switch and the static assets. Read-only; everything is served by nianbao itself.
 */
final class WebPages implements AutoCloseable {

    /** Paging further than this is refused: narrow the search or download the CSV (it has no window). */
    static final int MAX_OFFSET = 10_000;
    private static final Map<String, String> ASSETS = Map.of(
            "nianbao.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final ReportSearcher searcher;
    private final ArchiveReader archive;
    private final CrawlRuns runs;
    private final ReportPage reportPage;
    private final OriginalDownload originals;
    private final Clock clock;
    private final Supplier<Optional<Instant>> nextRun;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    /** Whether the search page offers "save as watch" (the server accepts POST /api/watches). */
    private boolean watchForm;

    WebPages(ReportSearcher searcher, Path dataDir, Clock clock, Supplier<Optional<Instant>> nextRun) {
        this.searcher = searcher;
        this.archive = new ArchiveReader(dataDir);
        this.runs = new CrawlRuns(dataDir);
        this.reportPage = new ReportPage(archive, new VersionTexts(archive, Extractors.defaults()));
        this.originals = new OriginalDownload(archive);
        this.clock = clock;
        this.nextRun = nextRun;
        for (String name : ASSETS.keySet()) assets.put(name, resource(name));
    }

    void offerWatchForm(boolean on) {
        this.watchForm = on;
    }

    void register(RoutesConfig routes) {
        routes.get("/search", this::search);
        routes.get("/reports/<id>", this::report);
        routes.get("/originals/{id}", originals::handle);
        routes.get("/stats", this::stats);
        routes.get("/crawl", this::crawl);
        routes.get("/feeds/search.atom", this::feed);
        routes.get("/lang", this::language);
        routes.get("/assets/{name}", this::asset);
        routes.get("/assets/search.css", ctx -> asset(ctx, "nianbao.css"));
    }

    private void search(Context ctx) {
        SearchRequest req = WebServer.request(ctx, SearchPage.PAGE_SIZE);
        if (req.offset() > MAX_OFFSET) {
            throw new BadRequest("offset " + req.offset() + " is beyond " + MAX_OFFSET + ": narrow the search, or download every result as CSV");
        }
        SearchResult r = searcher.search(req);
        String saved = ctx.queryParam("saved");
        SearchPage.WatchForm form = watchForm ? new SearchPage.WatchForm(true, saved == null || saved.isBlank() ? null : saved)
                : SearchPage.WatchForm.OFF;
        ctx.html(SearchPage.render(req, r, regionSiblings(req, r), Lang.of(ctx), form));
    }

    /**
     * When the search is drilled into one region that has no sub-regions among the results, the counts of its
     * siblings: the same search drilled into the parent (drill-sideways counts ignore the region filter itself).
     */
    private Map<String, Long> regionSiblings(SearchRequest req, SearchResult r) {
        List<String> regions = req.facets().getOrDefault("region", List.of());
        if (regions.size() != 1 || !r.facets().getOrDefault("region", Map.of()).isEmpty()) return Map.of();
        String path = regions.get(0);
        int slash = path.lastIndexOf('/');
        Map<String, List<String>> facets = new LinkedHashMap<>(req.facets());
        if (slash < 0) facets.remove("region");
        else facets.put("region", List.of(path.substring(0, slash)));
        SearchResult parent = searcher.search(new SearchRequest(req.query(), facets, null, 0, 0));
        return parent.facets().getOrDefault("region", Map.of());
    }

    private void report(Context ctx) {
        String id = ctx.pathParam("id");
        ReportRecord r = searcher.report(id).orElseThrow(() -> new NotFound("no report with id '" + id + "'"));
        ctx.html(reportPage.render(r, Lang.of(ctx)));
    }

    private void stats(Context ctx) {
        SearchRequest req = WebServer.request(ctx, 0);
        searcher.count(req); // a malformed query is a 400 before any work
        ctx.html(StatsPage.render(req, QueryStatistics.of(searcher, req), Lang.of(ctx)));
    }


    private void crawl(Context ctx) {
        ctx.html(CrawlStatusPage.render(runs.last(10), runs.available(), nextRun.get(), Lang.of(ctx)));
    }

    private void feed(Context ctx) {
        SearchRequest req = SearchFeed.request(WebServer.request(ctx, SearchFeed.ENTRIES));
        SearchResult r = searcher.search(req);
        String base = ctx.scheme() + "://" + ctx.host();
        ctx.contentType(SearchFeed.MEDIA_TYPE).result(SearchFeed.render(req, r, base, clock.instant()));
    }

    /** Sets the language cookie and goes back to the page the reader was on (a local path only). */
    private void language(Context ctx) {
        String to = ctx.queryParam("to");
        if (to == null || !(to.equals("en") || to.equals("zh"))) throw new BadRequest("language must be en or zh");
        Cookie cookie = new Cookie(Lang.COOKIE, to, "/", 365 * 24 * 3600, false, true, null, SameSite.LAX);
        ctx.cookie(cookie);
        String back = ctx.queryParam("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.chars().noneMatch(c -> c < 0x20);
        ctx.redirect(local ? back : "/search");
    }

    private void asset(Context ctx) {
        asset(ctx, ctx.pathParam("name"));
    }

    private void asset(Context ctx, String name) {
        byte[] body = assets.get(name);
        if (body == null) throw new NotFound("no asset named '" + name + "'");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(ASSETS.get(name)).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw new IllegalStateException("asset /web/" + name + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        archive.close();
    }
}
