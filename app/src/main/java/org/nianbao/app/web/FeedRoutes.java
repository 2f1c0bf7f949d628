package org.nianbao.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nianbao.indexer.search.QueryParseException;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.runs.RunsJson;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.feed.AtomFeed;
import org.nianbao.runs.feed.Feeds;
import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunsDatabase;
import org.nianbao.runs.watch.Watch;
import org.nianbao.runs.watch.Watches;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The change-tracking face of the server: Atom feeds ({@code /feeds/changes.atom},
 * {@code /feeds/watch/NAME.atom}), run records ({@code /api/runs}), changes ({@code /api/changes?since=DATE})
 * and saved searches ({@code GET/POST /api/watches}, form or query fields {@code name} and {@code q}).
 *
 * <p>The server is read-only unless started with {@code --allow-watches}: without it {@code POST /api/watches}
 * answers 403. A post from the search page's form (field {@code from=search}) is sent back to the search
 * with {@code saved=NAME} instead of getting JSON.
 */
public final class FeedRoutes {
    private static final String SUFFIX = ".atom";

    private final Path data;
    private final ReportSearcher searcher;
    private final Clock clock;
    /** What a refused POST /api/watches says. */
    public static final String READ_ONLY = "this server is read-only: saving searches is off; "
            + "start it with `nianbao serve --allow-watches` to allow it, or use `nianbao watch add`";

    private final ObjectMapper json = new ObjectMapper();
    private final boolean watchesWritable;

    /** @param watchesWritable whether POST /api/watches may save searches ({@code serve --allow-watches}) */
    public FeedRoutes(Path data, ReportSearcher searcher, Clock clock, boolean watchesWritable) {
        this.data = data;
        this.searcher = searcher;
        this.clock = clock;
        this.watchesWritable = watchesWritable;
    }

    public void register(RoutesConfig routes) {
        routes.get("/feeds/changes.atom", this::changesFeed);
        routes.get("/feeds/watch/{file}", this::watchFeed);
        routes.get("/api/runs", this::runs);
        routes.get("/api/changes", this::changes);
        routes.get("/api/watches", this::watches);
        routes.post("/api/watches", this::addWatch);
    }

    private void changesFeed(Context ctx) {
        try (RunsDatabase db = RunsDatabase.open(data)) {
            AtomFeed feed = new Feeds(new ChangeLog(db), new Watches(db), clock).changes(base(ctx));
            ctx.contentType(AtomFeed.MEDIA_TYPE).result(feed.toXml());
        }
    }

    private void watchFeed(Context ctx) throws Exception {
        String file = ctx.pathParam("file");
        if (!file.endsWith(SUFFIX)) {
            error(ctx, 404, "feeds are at /feeds/watch/NAME.atom");
            return;
        }
        String name = file.substring(0, file.length() - SUFFIX.length());
        try (RunsDatabase db = RunsDatabase.open(data)) {
            Optional<AtomFeed> feed = new Feeds(new ChangeLog(db), new Watches(db), clock).watch(name, base(ctx));
            if (feed.isEmpty()) {
                error(ctx, 404, "no saved search named '" + name + "'");
                return;
            }
            ctx.contentType(AtomFeed.MEDIA_TYPE).result(feed.get().toXml());
        }
    }

    private void runs(Context ctx) throws Exception {
        try (RunsDatabase db = RunsDatabase.open(data)) {
            List<Map<String, Object>> out = new ArrayList<>();
            new RunLog(db).all().forEach(r -> out.add(RunsJson.run(r)));
            sendJson(ctx, out);
        }
    }

    private void changes(Context ctx) throws Exception {
        Instant since;
        try {
            String s = ctx.queryParam("since");
            since = s == null || s.isBlank() ? null
                    : s.strip().length() == 10 ? LocalDate.parse(s.strip()).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            error(ctx, 400, "since wants a date like 2026-11-23 or 2026-11-23T03:00:00Z");
            return;
        }
        try (RunsDatabase db = RunsDatabase.open(data)) {
            sendJson(ctx, RunsJson.changes(new ChangeLog(db).since(since)));
        }
    }

    private void watches(Context ctx) throws Exception {
        try (RunsDatabase db = RunsDatabase.open(data)) {
            Watches w = new Watches(db);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Watch x : w.list()) out.add(RunsJson.watch(x, w.hits(x.name(), Feeds.LIMIT)));
            sendJson(ctx, out);
        }
    }

    private void addWatch(Context ctx) throws Exception {
        if (!watchesWritable) {
            error(ctx, 403, READ_ONLY);
            return;
        }
        String name = field(ctx, "name");
        String q = field(ctx, "q");
        try (RunsDatabase db = RunsDatabase.open(data)) {
            Watch w = new Watches(db).add(name, q, clock.instant(), searcher);
            if ("search".equals(field(ctx, "from"))) {
                // Back to the same search, which then shows the new watch and its feed.
                ctx.status(303).header("Location", "/search?q=" + enc(w.query()) + "&saved=" + enc(w.name()));
                return;
            }
            ctx.status(201);
            sendJson(ctx, RunsJson.watch(w, List.of()));
        } catch (IllegalArgumentException | QueryParseException e) {
            error(ctx, 400, e.getMessage());
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v != null ? v : ctx.queryParam(name);
    }

    /** scheme://host[:port] as the client addressed us, for the feeds' self links. */
    private static String base(Context ctx) {
        String full = ctx.fullUrl();
        int path = full.indexOf('/', full.indexOf("://") + 3);
        return path < 0 ? full : full.substring(0, path);
    }

    private void sendJson(Context ctx, Object body) throws Exception {
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(body));
    }

    private void error(Context ctx, int status, String message) throws Exception {
        ctx.status(status);
        sendJson(ctx, Map.of("error", message, "status", status));
    }
}
