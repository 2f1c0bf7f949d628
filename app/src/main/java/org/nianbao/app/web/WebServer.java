package org.nianbao.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.nianbao.indexer.index.Figures;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.QueryParseException;
import org.nianbao.indexer.search.ReportExporter;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.indexer.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP face of search, read-only: {@code GET /api/search}, {@code /api/reports/{id}}, {@code /api/export.csv}
 * (and {@code .jsonl}), {@code /api/facets}, {@code /api/stats} (figures summed per year, province, …), and the
 * pages for people ({@link WebPages}: {@code /search}, {@code /reports/{id}}, {@code /stats}, {@code /crawl},
 * {@code /originals/{captureId}}, {@code /feeds/search.atom}). Same semantics as the CLI. API errors are JSON
 * {@code {"error": "..."}}, page errors an HTML page; a malformed query or parameter is a 400 that says what is wrong.
 *
 * <p>Query parameters: {@code q}, {@code facet=DIM:VALUE} (repeatable; {@code DIM=VALUE} works too), {@code sort},
 * {@code limit} (default 10), {@code offset}.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ReportSearcher searcher;
    private final String host;
    private final int port;
    private final ObjectMapper json = ReportJson.mapper();
    private final WebPages pages;
    private final List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> extraRoutes = new ArrayList<>();
    private Javalin app;

    /** A server over {@code searcher} that will bind {@code host:port} (port 0 = any free port); no archive, no crawl state. */
    public WebServer(ReportSearcher searcher, String host, int port) {
        this(searcher, null, host, port, Clock.systemUTC(), Optional::empty);
    }

    /**
     * A server over {@code searcher} and the data folder {@code dataDir} (originals and capture history from
     * its archive, crawl status from its state), binding {@code host:port}.
     *
     * @param nextRun when the next scheduled run is due, if one is scheduled (shown on the crawl status page)
     */
    public WebServer(ReportSearcher searcher, Path dataDir, String host, int port, Clock clock, Supplier<Optional<Instant>> nextRun) {
        this.searcher = searcher;
        this.host = host == null ? "127.0.0.1" : host;
        this.port = port;
        this.pages = new WebPages(searcher, dataDir, clock, nextRun);
    }

    /** Adds routes of another concern (feeds, runs); call before {@link #start()}. */
    public WebServer withRoutes(java.util.function.Consumer<io.javalin.config.RoutesConfig> routes) {
        extraRoutes.add(routes);
        return this;
    }

    /**
     * Whether the search page offers a "save as watch" form; pair it with a {@link FeedRoutes} that accepts
     * saved searches. Call before {@link #start()}.
     */
    public WebServer offerWatchForm(boolean on) {
        pages.offerWatchForm(on);
        return this;
    }

    public WebServer start() {
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            config.routes.get("/api/search", this::apiSearch);
            config.routes.get("/api/facets", this::apiFacets);
            config.routes.get("/api/reports/<id>", this::apiReport);
            config.routes.get("/api/stats", this::apiStats);
            config.routes.get("/api/export.csv", ctx -> export(ctx, ReportExporter.Format.CSV));
            config.routes.get("/api/export.jsonl", ctx -> export(ctx, ReportExporter.Format.JSONL));
            pages.register(config.routes);
            extraRoutes.forEach(r -> r.accept(config.routes));
            config.routes.get("/", ctx -> ctx.redirect("/search"));
            config.routes.exception(QueryParseException.class, (e, ctx) -> failure(ctx, 400, e.getMessage()));
            config.routes.exception(NotFound.class, (e, ctx) -> failure(ctx, 404, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                failure(ctx, 500, "internal error: " + e.getClass().getSimpleName() + " (details in the server log)");
            });
            config.routes.error(404, ctx -> {
                // Replace Javalin's plain-text "endpoint not found"; keep 404s a handler already wrote (JSON, HTML).
                String body = ctx.result();
                String type = ctx.res().getContentType();
                if (body == null || body.isEmpty() || type == null || !(body.startsWith("{\"") || type.startsWith("text/html"))) {
                    failure(ctx, 404, "not found: " + ctx.path());
                }
            });
        }).start();
        log.info("serving on http://{}:{}/", host, app.port());
        return this;
    }

    /** The bound port (useful after starting on port 0). */
    public int port() {
        return app.port();
    }

    private void apiSearch(Context ctx) throws Exception {
        SearchResult r = searcher.search(request(ctx, 10));
        sendJson(ctx, r);
    }

    private void apiFacets(Context ctx) throws Exception {
        SearchResult r = searcher.search(request(ctx, 0));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", r.total());
        out.put("facets", r.facets());
        sendJson(ctx, out);
    }

    /** Figures summed per group: {@code /api/stats?q=…&group=year&figure=t3.新收.总计&figure=t3.予以公开.总计}. */
    private void apiStats(Context ctx) throws Exception {
        List<String> figures = ctx.queryParams("figure");
        if (figures.isEmpty()) figures = Figures.MAIN;
        String group = ctx.queryParam("group");
        sendJson(ctx, Map.of("groups", searcher.totals(request(ctx, 0), figures, group == null || group.isBlank() ? null : group)));
    }

    private void apiReport(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        ReportRecord r = searcher.report(id).orElse(null);
        if (r == null) {
            error(ctx, 404, "no report with id '" + id + "'");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("status", r.status());
        out.put("report", r.parsed());
        out.put("checksHold", r.parsed().checks() == null || r.parsed().checksHold());
        out.put("figures", Figures.of(r.parsed()));
        out.put("originals", r.originals());
        out.put("text", r.text());
        sendJson(ctx, out);
    }

    private void export(Context ctx, ReportExporter.Format format) throws Exception {
        SearchRequest req = request(ctx, 0);
        // Parse before the first byte goes out, so a bad query is still a clean 400.
        searcher.count(req);
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"nianbao-export." + format.name().toLowerCase(java.util.Locale.ROOT) + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        new ReportExporter(searcher).export(req, format, out);
        out.flush();
    }

    static SearchRequest request(Context ctx, int defaultLimit) {
        String q = ctx.queryParam("q");
        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (String f : ctx.queryParams("facet")) {
            int sep = indexOfSeparator(f);
            if (sep <= 0 || sep == f.length() - 1) throw new QueryParseException("facet needs DIM:VALUE, got '" + f + "'");
            facets.computeIfAbsent(f.substring(0, sep).strip(), k -> new ArrayList<>()).add(f.substring(sep + 1).strip());
        }
        return new SearchRequest(q, facets, ctx.queryParam("sort"), intParam(ctx, "limit", defaultLimit), intParam(ctx, "offset", 0));
    }

    private static int indexOfSeparator(String f) {
        int colon = f.indexOf(':');
        int eq = f.indexOf('=');
        if (colon < 0) return eq;
        if (eq < 0) return colon;
        return Math.min(colon, eq);
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new QueryParseException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private void sendJson(Context ctx, Object body) throws Exception {
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
    }

    /** JSON for the API, an HTML page for people; never a stack trace. */
    private void failure(Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/feeds/")) error(ctx, status, message);
        else ctx.status(status).html(ErrorPage.render(Lang.of(ctx), status, message, ctx.queryParam("q")));
    }

    private void error(Context ctx, int status, String message) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(Map.of("error", message, "status", status)));
        } catch (Exception e) {
            ctx.status(status).result("{\"error\":\"" + status + "\"}");
        }
    }

    @Override
    public void close() {
        if (app != null) app.stop();
        pages.close();
    }
}
