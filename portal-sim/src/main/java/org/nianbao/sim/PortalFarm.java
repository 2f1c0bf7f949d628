package org.nianbao.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.nianbao.sim.corpus.Corpus;
import org.nianbao.sim.http.FarmHandler;
import org.nianbao.sim.http.Reply;
import org.nianbao.sim.http.SimRequest;
import org.nianbao.sim.model.FarmPlan;
import org.nianbao.sim.model.FarmState;
import org.nianbao.sim.model.Site;
import org.nianbao.sim.render.SiteBuild;
import org.nianbao.sim.render.SiteRoutes;
import org.nianbao.sim.render.TimeBase;
import org.nianbao.sim.render.Urls;
import org.nianbao.sim.stats.HostRecorder;
import org.nianbao.sim.stats.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A farm of simulated government portals on 127.0.0.1, all on one port, told apart by the Host
 * header. Start with {@link #start(FarmConfig)}, stop with {@link #close()}.
 */
public final class PortalFarm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PortalFarm.class);
    /** Upper bound on concurrently handled requests (virtual threads). */
    static final int MAX_THREADS = 256;
    static final java.time.Duration SETTLE = java.time.Duration.ofMillis(250);

    private final FarmConfig config;
    private final Corpus corpus;
    private final FarmPlan plan;
    private final TimeBase time;
    private final Server server;
    private final int port;
    private final Map<String, Site> sitesByHost = new LinkedHashMap<>();
    private final Map<String, HostRecorder> recorders = new LinkedHashMap<>();
    private final Map<String, LongAdder> outside = new ConcurrentHashMap<>();
    private final RequestLog requestLog = new RequestLog(100_000);
    private final LongAdder total = new LongAdder();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private volatile Snapshot snapshot;

    /** One week of the farm, swapped whole on advance so requests never see half a week. */
    private record Snapshot(FarmState state, Map<String, SiteBuild> builds, FarmTruth truth) {}

    private PortalFarm(FarmConfig config) {
        this.config = config;
        this.corpus = Corpus.load();
        this.plan = new FarmPlan(config, corpus);
        this.time = new TimeBase(config.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        for (Site s : plan.sites()) {
            sitesByHost.put(s.host(), s);
            recorders.put(s.host(), new HostRecorder(s.host()));
        }
        VirtualThreadPool pool = new VirtualThreadPool(MAX_THREADS);
        pool.setName("portal-sim");
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // the farm's clock writes Date
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new FarmHandler(new Wiring(), config.clock()));
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing; the start error is the one to report
            }
            throw new SimException("cannot start portal farm on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
        }
        this.port = connector.getLocalPort();
        this.snapshot = build(FarmState.initial(plan), null);
        log.info("portal farm: {} hosts, {} report documents on 127.0.0.1:{}", config.hosts(), snapshot.truth().reports().size(), port);
    }

    /** Starts a farm and returns once it accepts requests. */
    public static PortalFarm start(FarmConfig config) {
        return new PortalFarm(config);
    }

    public FarmConfig config() {
        return config;
    }

    public int port() {
        return port;
    }

    /** Each host's home page, e.g. {@code http://www.sim-wuzhong.gov.cn:PORT/}. */
    public List<URI> seedUrls() {
        return snapshot.truth().hosts().stream().map(FarmTruth.HostTruth::seedUrl).toList();
    }

    /** The host names of the farm. */
    public List<String> hosts() {
        return List.copyOf(sitesByHost.keySet());
    }

    public int week() {
        return snapshot.state().week();
    }

    public FarmTruth truth() {
        return snapshot.truth();
    }

    /**
     * Measurements so far (a consistent copy per host). A client can hold a response's last byte a
     * moment before the farm has booked that request's end, so this first waits (at most
     * {@link #SETTLE}) for requests in flight to finish.
     */
    public FarmStats stats() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (recorders.values().stream().anyMatch(r -> r.inFlight() > 0) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        Map<String, FarmStats.HostStats> hosts = new LinkedHashMap<>();
        recorders.forEach((h, r) -> hosts.put(h, r.snapshot()));
        Map<String, Long> out = new TreeMap<>();
        outside.forEach((h, n) -> out.put(h, n.sum()));
        return new FarmStats(total.sum(), hosts, out);
    }

    /** The most recent requests (up to 100 000), oldest first. */
    public List<FarmStats.RequestRecord> requests() {
        return requestLog.all();
    }

    /** One week passes: new reports appear, one is silently edited, one is removed. Returns the new truth. */
    public synchronized FarmTruth advanceWeek() {
        Snapshot before = snapshot;
        FarmState next = before.state().next(plan, corpus.stems(), config.newReportsPerWeek(), config.seed());
        snapshot = build(next, before);
        log.info("portal farm: week {}: {} added, {} changed, {} removed", next.week(),
                next.added().size(), next.changed().size(), next.removed().size());
        return snapshot.truth();
    }

    /** The truth as JSON, as served at /__sim/truth. */
    public String truthJson() {
        return toJson(truth());
    }

    /** The stats as JSON, as served at /__sim/stats. */
    public String statsJson() {
        return toJson(stats());
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
            server.join();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.warn("portal farm did not stop cleanly: {}", e.toString());
        }
    }

    private Snapshot build(FarmState state, Snapshot before) {
        SiteRoutes routes = new SiteRoutes(corpus, config, time, port);
        Map<String, SiteBuild> builds = new LinkedHashMap<>();
        List<FarmTruth.HostTruth> hosts = new ArrayList<>();
        List<FarmTruth.ReportTruth> reports = new ArrayList<>();
        List<URI> disallowed = new ArrayList<>();
        List<FarmTruth.TrapTruth> traps = new ArrayList<>();
        Map<Integer, List<URI>> urls = new LinkedHashMap<>();
        for (Site s : plan.sites()) {
            SiteBuild b = routes.build(s, state);
            builds.put(s.host(), b);
            hosts.add(b.host());
            reports.addAll(b.reports());
            disallowed.addAll(b.disallowed());
            traps.addAll(b.traps());
            urls.putAll(b.urlsByReport());
        }
        Map<Integer, List<URI>> old = new LinkedHashMap<>();
        if (before != null) before.builds().values().forEach(b -> old.putAll(b.urlsByReport()));
        FarmTruth.WeekChanges changes = before == null ? FarmTruth.WeekChanges.NONE : new FarmTruth.WeekChanges(
                state.added().stream().flatMap(id -> urls.getOrDefault(id, List.of()).stream()).toList(),
                state.changed().stream().flatMap(id -> urls.getOrDefault(id, List.of()).stream()).toList(),
                state.removed().stream().flatMap(id -> old.getOrDefault(id, List.of()).stream()).toList());
        FarmTruth truth = new FarmTruth(state.week(), List.copyOf(hosts), List.copyOf(reports), List.copyOf(disallowed),
                List.copyOf(traps), changes);
        return new Snapshot(state, Map.copyOf(builds), truth);
    }

    /** The handler's view of the farm. */
    private final class Wiring implements FarmHandler.Farm {
        private record Token(Site site, HostRecorder recorder, HostRecorder.Kind kind, SimRequest req, Instant start,
                             int retryAfter, boolean antiBot) {}

        @Override
        public Reply admin(SimRequest req) {
            Instant now = config.clock().instant();
            return switch (req.path()) {
                case "/__sim/stats" -> jsonReply(statsJson(), now);
                case "/__sim/truth" -> jsonReply(truthJson(), now);
                case "/__sim/requests" -> jsonReply(toJson(requests()), now);
                case "/__sim/advance" -> req.method().equals("POST") ? jsonReply(toJson(advanceWeek()), now)
                        : Reply.text(405, "POST /__sim/advance advances the farm one week\n", now).withHeader("Allow", "POST");
                default -> Reply.text(404, "unknown: " + req.path() + " (try /__sim/stats, /__sim/truth, /__sim/requests, POST /__sim/advance)\n", now);
            };
        }

        private Reply jsonReply(String body, Instant now) {
            return Reply.bytes(200, "application/json; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), now)
                    .withHeader("Cache-Control", "no-store");
        }

        @Override
        public FarmHandler.Exchange open(SimRequest req, Instant start) {
            Site site = sitesByHost.get(req.host());
            if (site == null) return null;
            total.increment();
            SiteBuild build = snapshot.builds().get(site.host());
            boolean robots = req.path().equals("/robots.txt");
            String target = req.path() + (req.rawTarget().contains("?") ? req.rawTarget().substring(req.rawTarget().indexOf('?')) : "");
            boolean disallowed = !robots && SiteRoutes.disallowedPrefixes(build.map().robotsTxt()).stream().anyMatch(target::startsWith)
                    && !site.has(Hostile.ROBOTS_MISSING);
            boolean trap = (site.has(Hostile.CALENDAR_TRAP) && req.path().startsWith(Urls.CALENDAR))
                    || (site.has(Hostile.REDIRECTS) && req.path().startsWith(Urls.LOOP));
            boolean session = req.rawTarget().contains(";jsessionid=") || req.rawTarget().matches(".*[?&]sid=.*");
            HostRecorder.Kind kind = new HostRecorder.Kind(robots, disallowed, trap, session);
            HostRecorder rec = recorders.get(site.host());
            long seq = rec.begin(start, kind);
            Reply reply;
            int retryAfter = 0;
            boolean antiBot = false;
            if (robots) {
                if (site.has(Hostile.ROBOTS_UNAVAILABLE) && seq <= 2) {
                    reply = Reply.text(503, "Service Temporarily Unavailable\n", start);
                } else if (site.has(Hostile.ROBOTS_MISSING)) {
                    reply = build.map().answer(new SimRequest(req.host(), req.method(), "/__none__", "/__none__", Map.of(), Map.of()));
                } else {
                    reply = Reply.text(200, build.map().robotsTxt(), time.week(0));
                }
            } else if (site.has(Hostile.ANTI_BOT)) {
                antiBot = true;
                reply = AntiBot.challenge(seq, start);
            } else if (site.has(Hostile.RATE_LIMIT) && seq % 7 == 0) {
                retryAfter = config.retryAfterSeconds();
                int status = seq % 14 == 0 ? 503 : 429;
                reply = Reply.text(status, status == 429 ? "Too Many Requests\n" : "Service Unavailable\n", start)
                        .withHeader("Retry-After", String.valueOf(retryAfter));
            } else {
                reply = build.map().answer(req);
                if (site.has(Hostile.GZIP_HTML) && acceptsGzip(req) && reply.status() == 200
                        && reply.contentType() != null && reply.contentType().startsWith("text/html")) {
                    reply = reply.gzipped();
                }
            }
            reply = reply.withHeader("Server", serverHeader(site));
            return new FarmHandler.Exchange(reply, new Token(site, rec, kind, req, start, retryAfter, antiBot));
        }

        private static boolean acceptsGzip(SimRequest req) {
            String accept = req.header("accept-encoding");
            return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        }

        /** What the software behind each CMS family usually announces. */
        private static String serverHeader(Site site) {
            if (site.has(Hostile.ANTI_BOT)) return "WAF/2.0";
            return switch (site.style()) {
                case TRS -> "nginx";
                case HANWEB, PAGED_GBK -> "Apache-Coyote/1.1";
                case JS_LINKS -> "nginx/1.18.0";
                case SIMPLE -> "Apache";
            };
        }

        @Override
        public void outside(String host) {
            outside.computeIfAbsent(host, h -> new LongAdder()).increment();
        }

        @Override
        public void finished(FarmHandler.Exchange ex, Instant end, int status, long bytes) {
            Token t = (Token) ex.token();
            t.recorder().end(end, t.kind(), status, bytes, t.retryAfter(), t.antiBot());
            FarmStats.RequestRecord r = new FarmStats.RequestRecord(t.site().host(), t.req().method(), t.req().rawTarget(),
                    t.start().toEpochMilli(), end.toEpochMilli(), status, bytes);
            requestLog.add(r);
            log.debug("{} {} {} -> {} {} B {} ms", r.host(), r.method(), r.target(), status, bytes, r.endMillis() - r.startMillis());
        }
    }
}
