package org.nianbao.crawler.frontier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The crawl's memory in SQLite (WAL): the queue of the current run, the fetch history across runs,
 * robots.txt copies and a log of every request. Every state change after a fetch is one transaction,
 * so after {@code kill -9} a new process resumes exactly where the old one stopped.
 */
public final class Frontier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Frontier.class);

    private final Connection db;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private long runId;
    private int pageBudget = Integer.MAX_VALUE;
    private int trapBudget = Integer.MAX_VALUE;
    /** Per host: URLs queued this run, trap-like ones among them, and offers refused by a budget. */
    private final Map<String, int[]> hostCounts = new java.util.HashMap<>();
    private final Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    /**
     * URLs known to be in this run's queue (in any state). Most links of a page were seen on earlier
     * pages (menus, footers, list paging); answering those from memory keeps them out of SQLite and
     * keeps the one lock free for the host workers. A cache only: a URL missing here is looked up.
     */
    private final Set<String> known = new java.util.HashSet<>();

    private final Checkpointer checkpointer;

    private Frontier(Connection db, Clock clock, Checkpointer checkpointer) {
        this.db = db;
        this.clock = clock;
        this.checkpointer = checkpointer;
    }

    /**
     * Moves the WAL into the database file from its own connection and thread. SQLite's automatic
     * checkpoint would run inside whichever commit crosses the threshold, fsync included, while that
     * commit holds the frontier's lock: measured at up to 200 ms with every host worker waiting.
     * A PASSIVE checkpoint never blocks the writer; the WAL keeps every commit meanwhile, so a killed
     * process loses nothing.
     */
    private static final class Checkpointer implements AutoCloseable {
        private static final long EVERY_MILLIS = 1000;
        private final Connection conn;
        private final Thread thread;

        Checkpointer(Path file) throws SQLException {
            this.conn = DriverManager.getConnection("jdbc:sqlite:" + file);
            this.thread = Thread.ofPlatform().name("nianbao-frontier-checkpoint").daemon().start(this::run);
        }

        private void run() {
            try (Statement s = conn.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(EVERY_MILLIS);
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            } catch (InterruptedException e) {
                // closing
            } catch (SQLException e) {
                // The next commit checkpoints instead (see close); nothing is lost by stopping here.
                log.warn("frontier checkpoints stopped: {}", e.getMessage());
            }
        }

        @Override
        public void close() throws SQLException {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            conn.close();
        }
    }

    public static Frontier open(Path stateDir, Clock clock) {
        try {
            Files.createDirectories(stateDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve("crawl.sqlite"));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS run(id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL,
                          finished TEXT)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS frontier(url TEXT PRIMARY KEY, host TEXT NOT NULL, unit TEXT,
                          scope TEXT, referrer TEXT, anchor TEXT, kind TEXT NOT NULL, depth INTEGER NOT NULL,
                          priority INTEGER NOT NULL, trap INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
                          attempts INTEGER NOT NULL DEFAULT 0, status INTEGER, outcome TEXT, reason TEXT)""");
                s.execute("CREATE INDEX IF NOT EXISTS frontier_next ON frontier(host, state, priority DESC)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS history(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
                          sha256 TEXT, status INTEGER, kind TEXT, run_id INTEGER)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS outlink(url TEXT NOT NULL, target TEXT NOT NULL, anchor TEXT,
                          paging INTEGER NOT NULL, PRIMARY KEY(url, target))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS robots(host TEXT PRIMARY KEY, fetched TEXT NOT NULL, status INTEGER,
                          content_type TEXT, body BLOB)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS request(id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL,
                          url TEXT NOT NULL, host TEXT NOT NULL, status INTEGER, bytes INTEGER, started TEXT, finished TEXT,
                          error TEXT)""");
                s.execute("CREATE INDEX IF NOT EXISTS request_run ON request(run_id, host)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS host_status(run_id INTEGER NOT NULL, host TEXT NOT NULL,
                          state TEXT NOT NULL, reason TEXT, PRIMARY KEY(run_id, host))""");
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint=0");
            }
            return new Frontier(c, clock, new Checkpointer(stateDir.resolve("crawl.sqlite")));
        } catch (Exception e) {
            throw new FrontierException("cannot open crawl state in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** The run in progress. */
    public record Run(long id, Instant started, boolean resumed) {
    }

    /**
     * Resumes the unfinished run if there is one; otherwise starts a new run with an empty queue
     * (history, robots and outlinks carry over).
     */
    public Run beginOrResume() {
        return locked(() -> {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, started FROM run WHERE finished IS NULL ORDER BY id DESC LIMIT 1")) {
                if (rs.next()) {
                    runId = rs.getLong(1);
                    return new Run(runId, Instant.parse(rs.getString(2)), true);
                }
            }
            Instant now = clock.instant();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement();
                 PreparedStatement ins = db.prepareStatement("INSERT INTO run(started) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                s.execute("DELETE FROM frontier");
                hostCounts.clear();
                known.clear();
                ins.setString(1, now.toString());
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return new Run(runId, now, false);
        });
    }

    public long runId() {
        return runId;
    }

    public void finishRun() {
        locked(() -> {
            {
            PreparedStatement p = ps("UPDATE run SET finished=? WHERE id=?");
                p.setString(1, clock.instant().toString());
                p.setLong(2, runId);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** At most {@code pages} URLs per host and run, of which at most {@code traps} trap-like ones. */
    public void setBudgets(int pages, int traps) {
        locked(() -> {
            pageBudget = pages;
            trapBudget = traps;
            return null;
        });
    }

    /** Queues the URL unless this run has seen it already or a budget is spent; true when it was queued. */
    public boolean enqueue(Candidate c) {
        return locked(() -> insert(c) > 0);
    }

    private int insert(Candidate c) throws SQLException {
        // A URL already queued this run is never queued again nor counted against a budget.
        if (known.contains(c.url())) return 0;
        int[] n = hostCounts(c.host());
        if (n[0] >= pageBudget || (c.trap() && n[1] >= trapBudget)) {
            if (containsUrl(c.url())) known.add(c.url());
            else n[2]++;
            return 0;
        }
        int added = insertRow(c);
        if (added > 0) {
            n[0]++;
            if (c.trap()) n[1]++;
        }
        known.add(c.url());
        return added;
    }

    private int[] hostCounts(String host) throws SQLException {
        int[] n = hostCounts.get(host);
        if (n == null) {
            {
            PreparedStatement p = ps("SELECT count(*), coalesce(sum(trap),0) FROM frontier WHERE host=?");
                p.setString(1, host);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    n = new int[] {rs.getInt(1), rs.getInt(2), 0};
                }
            }
            hostCounts.put(host, n);
        }
        return n;
    }

    private boolean containsUrl(String url) throws SQLException {
        {
            PreparedStatement p = ps("SELECT 1 FROM frontier WHERE url=?");
            p.setString(1, url);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int insertRow(Candidate c) throws SQLException {
        {
            PreparedStatement p = ps("""
                INSERT OR IGNORE INTO frontier(url, host, unit, scope, referrer, anchor, kind, depth, priority, trap, state)
                VALUES (?,?,?,?,?,?,?,?,?,?,'queued')""");
            p.setString(1, c.url());
            p.setString(2, c.host());
            p.setString(3, c.unit());
            p.setString(4, c.scope());
            p.setString(5, c.referrer());
            p.setString(6, c.anchor());
            p.setString(7, c.kind());
            p.setInt(8, c.depth());
            p.setInt(9, c.priority());
            p.setInt(10, c.trap() ? 1 : 0);
            return p.executeUpdate();
        }
    }

    /** Queues many URLs in one transaction (the links of one page). */
    public void enqueueAll(List<Candidate> candidates) {
        if (candidates.isEmpty()) return;
        locked(() -> inTransaction(() -> {
            for (Candidate c : candidates) insert(c);
        }));
    }

    public boolean contains(String url) {
        return locked(() -> containsUrl(url));
    }

    /** URLs that were being fetched when the previous process died. */
    public List<FrontierEntry> inflight() {
        return locked(() -> entries("SELECT " + ENTRY_COLUMNS + " FROM frontier WHERE state='inflight'"));
    }

    /** The best queued URL of a host, now marked in flight; empty when the host has nothing queued. */
    public Optional<FrontierEntry> next(String host) {
        return locked(() -> nextLocked(host));
    }

    /** A URL claimed for fetching, with what earlier runs learnt about it. */
    public record Claim(FrontierEntry entry, Optional<History> history) {
    }

    /**
     * {@link #next} and {@link #history} under one lock: a host worker takes the lock once per
     * request instead of twice, which matters when 30 workers and the archive writer share it.
     */
    public Optional<Claim> claim(String host) {
        return locked(() -> {
            Optional<FrontierEntry> e = nextLocked(host);
            if (e.isEmpty()) return Optional.empty();
            return Optional.of(new Claim(e.get(), historyLocked(e.get().url())));
        });
    }

    private Optional<FrontierEntry> nextLocked(String host) throws SQLException {
        {
            List<FrontierEntry> e;
            {
            PreparedStatement p = ps("SELECT " + ENTRY_COLUMNS
                    + " FROM frontier WHERE host=? AND state='queued' ORDER BY priority DESC, rowid LIMIT 1");
                p.setString(1, host);
                e = entries(p);
            }
            if (e.isEmpty()) return Optional.empty();
            setState(e.getFirst().url(), "inflight");
            return Optional.of(e.getFirst());
        }
    }

    /** Hosts with queued URLs, in order of their best URL. */
    public Set<String> hostsWithQueued() {
        return locked(() -> {
            Set<String> hosts = new LinkedHashSet<>();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT host, max(priority) m FROM frontier WHERE state='queued' GROUP BY host ORDER BY m DESC")) {
                while (rs.next()) hosts.add(rs.getString(1));
            }
            return hosts;
        });
    }

    /** Budget bookkeeping of a host this run: URLs queued, trap-like ones among them, offers refused. */
    public record HostCounts(int urls, int traps, int refused) {
    }

    public HostCounts counts(String host) {
        return locked(() -> {
            int[] n = hostCounts(host);
            return new HostCounts(n[0], n[1], n[2]);
        });
    }

    /** Records a finished fetch and everything that follows from it, atomically. */
    public void complete(Completion c) {
        locked(() -> inTransaction(() -> {
            {
            PreparedStatement p = ps(
                    "UPDATE frontier SET state='done', status=?, outcome=?, reason=?, attempts=attempts+1 WHERE url=?");
                p.setInt(1, c.status());
                p.setString(2, c.outcome());
                p.setString(3, c.reason());
                p.setString(4, c.url());
                p.executeUpdate();
            }
            if (c.history() != null) putHistory(c.history());
            if (c.outlinks() != null && !c.outlinks().isEmpty()) {
                {
            PreparedStatement del = ps("DELETE FROM outlink WHERE url=?");
                    del.setString(1, c.url());
                    del.executeUpdate();
                }
                {
            PreparedStatement p = ps("INSERT OR IGNORE INTO outlink(url, target, anchor, paging) VALUES (?,?,?,?)");
                    for (Completion.Outlink o : c.outlinks()) {
                        p.setString(1, c.url());
                        p.setString(2, o.target());
                        p.setString(3, o.anchor());
                        p.setInt(4, o.paging() ? 1 : 0);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            for (Candidate n : c.next()) insert(n);
            if (c.request() != null) logRequest(c.request());
        }));
    }

    /** Puts an in-flight URL back in the queue (to retry after a backoff), logging the request if one was made. */
    public void requeue(String url, RequestLog request) {
        locked(() -> inTransaction(() -> {
            {
            PreparedStatement p = ps("UPDATE frontier SET state='queued', attempts=attempts+1 WHERE url=?");
                p.setString(1, url);
                p.executeUpdate();
            }
            if (request != null) logRequest(request);
        }));
    }

    /** Marks a URL as not fetched on purpose (robots, budget, blocked host), with the reason. */
    public void skip(String url, String reason) {
        locked(() -> {
            {
            PreparedStatement p = ps("UPDATE frontier SET state='skipped', reason=? WHERE url=?");
                p.setString(1, reason);
                p.setString(2, url);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Gives up a host for this run: its queued URLs are skipped with the reason, and the host is remembered. */
    public void skipHost(String host, String state, String reason) {
        locked(() -> inTransaction(() -> {
            {
            PreparedStatement p = ps(
                    "UPDATE frontier SET state='skipped', reason=? WHERE host=? AND state IN ('queued','inflight')");
                p.setString(1, state);
                p.setString(2, host);
                p.executeUpdate();
            }
            {
            PreparedStatement p = ps("INSERT OR REPLACE INTO host_status(run_id, host, state, reason) VALUES (?,?,?,?)");
                p.setLong(1, runId);
                p.setString(2, host);
                p.setString(3, state);
                p.setString(4, reason);
                p.executeUpdate();
            }
        }));
    }

    /** Hosts given up in this run (state and reason), e.g. after an anti-bot challenge. */
    public Map<String, String[]> stoppedHosts() {
        return locked(() -> {
            Map<String, String[]> m = new LinkedHashMap<>();
            {
            PreparedStatement p = ps("SELECT host, state, reason FROM host_status WHERE run_id=?");
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) m.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            return m;
        });
    }

    public void logRequestOnly(RequestLog r) {
        locked(() -> {
            logRequest(r);
            return null;
        });
    }

    private void logRequest(RequestLog r) throws SQLException {
        {
            PreparedStatement p = ps(
                "INSERT INTO request(run_id, url, host, status, bytes, started, finished, error) VALUES (?,?,?,?,?,?,?,?)");
            p.setLong(1, runId);
            p.setString(2, r.url());
            p.setString(3, r.host());
            p.setInt(4, r.status());
            p.setLong(5, r.bytes());
            p.setString(6, r.started().toString());
            p.setString(7, r.finished().toString());
            p.setString(8, r.error());
            p.executeUpdate();
        }
    }

    public Optional<History> history(String url) {
        return locked(() -> historyLocked(url));
    }

    private Optional<History> historyLocked(String url) throws SQLException {
        {
            {
            PreparedStatement p = ps(
                    "SELECT url, etag, last_modified, sha256, status, kind, run_id FROM history WHERE url=?");
                p.setString(1, url);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new History(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getLong(7)));
                }
            }
        }
    }

    public void putHistory(History h) {
        locked(() -> {
            {
            PreparedStatement p = ps("""
                    INSERT OR REPLACE INTO history(url, etag, last_modified, sha256, status, kind, run_id)
                    VALUES (?,?,?,?,?,?,?)""");
                p.setString(1, h.url());
                p.setString(2, h.etag());
                p.setString(3, h.lastModified());
                p.setString(4, h.sha256());
                p.setInt(5, h.status());
                p.setString(6, h.kind());
                p.setLong(7, h.runId());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Reports that were alive (2xx) when last fetched in an earlier run: each run re-checks them. */
    public List<History> knownReports() {
        return locked(() -> {
            List<History> out = new ArrayList<>();
            {
            PreparedStatement p = ps("""
                    SELECT url, etag, last_modified, sha256, status, kind, run_id FROM history
                    WHERE kind='REPORT' AND status BETWEEN 200 AND 299 AND run_id < ? ORDER BY url""");
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new History(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getLong(7)));
                }
            }
            return out;
        });
    }

    public List<Completion.Outlink> outlinks(String url) {
        return locked(() -> {
            List<Completion.Outlink> out = new ArrayList<>();
            {
            PreparedStatement p = ps("SELECT target, anchor, paging FROM outlink WHERE url=? ORDER BY rowid");
                p.setString(1, url);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new Completion.Outlink(rs.getString(1), rs.getString(2), rs.getInt(3) == 1));
                }
            }
            return out;
        });
    }

    /** A stored robots.txt answer. */
    public record RobotsCopy(String host, Instant fetched, int status, String contentType, byte[] body) {
    }

    public Optional<RobotsCopy> robots(String host) {
        return locked(() -> {
            {
            PreparedStatement p = ps("SELECT fetched, status, content_type, body FROM robots WHERE host=?");
                p.setString(1, host);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new RobotsCopy(host, Instant.parse(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getBytes(4)));
                }
            }
        });
    }

    public void putRobots(RobotsCopy r, RequestLog request) {
        locked(() -> inTransaction(() -> {
            {
            PreparedStatement p = ps(
                    "INSERT OR REPLACE INTO robots(host, fetched, status, content_type, body) VALUES (?,?,?,?,?)");
                p.setString(1, r.host());
                p.setString(2, r.fetched().toString());
                p.setInt(3, r.status());
                p.setString(4, r.contentType());
                p.setBytes(5, r.body());
                p.executeUpdate();
            }
            if (request != null) logRequest(request);
        }));
    }

    /**
     * What the pages fetched in this run (2xx, or 304 with their stored links) link to, and where this
     * run's redirects lead: the URLs the portals point at now. A report missing from it has vanished
     * from its list page.
     */
    public Set<String> linkedThisRun() {
        return locked(() -> {
            Set<String> out = new LinkedHashSet<>();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT o.target FROM outlink o JOIN frontier f ON f.url = o.url
                         WHERE f.state = 'done' AND (f.status BETWEEN 200 AND 299 OR f.status = 304)
                         UNION SELECT reason FROM frontier WHERE state = 'done' AND outcome = 'redirect' AND reason IS NOT NULL""")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Every frontier row of this run, for the summary. */
    public record Row(String url, String host, String unit, String kind, String state, int status, String outcome,
                      String reason) {
    }

    public List<Row> rows() {
        return locked(() -> {
            List<Row> out = new ArrayList<>();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT url, host, unit, kind, state, coalesce(status,0), outcome, reason FROM frontier ORDER BY rowid")) {
                while (rs.next()) out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
            }
            return out;
        });
    }

    public List<RequestLog> requests() {
        return locked(() -> {
            List<RequestLog> out = new ArrayList<>();
            {
            PreparedStatement p = ps(
                    "SELECT url, host, coalesce(status,0), coalesce(bytes,0), started, finished, error FROM request WHERE run_id=? ORDER BY id");
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new RequestLog(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                            Instant.parse(rs.getString(5)), Instant.parse(rs.getString(6)), rs.getString(7)));
                }
            }
            return out;
        });
    }

    private static final String ENTRY_COLUMNS = "url, host, unit, scope, referrer, anchor, kind, depth, priority, attempts";

    private List<FrontierEntry> entries(String sql) throws SQLException {
        return entries(ps(sql));
    }

    /** Statements are prepared once and reused (every call holds the lock, so one of each is enough). */
    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private static List<FrontierEntry> entries(PreparedStatement p) throws SQLException {
        List<FrontierEntry> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(new FrontierEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
        }
        return out;
    }

    private void setState(String url, String state) throws SQLException {
        {
            PreparedStatement p = ps("UPDATE frontier SET state=? WHERE url=?");
            p.setString(1, state);
            p.setString(2, url);
            p.executeUpdate();
        }
    }

    /** Puts a URL found in flight after a crash back in the queue. */
    public void requeueInflight(String url) {
        locked(() -> {
            setState(url, "queued");
            return null;
        });
    }

    @Override
    public void close() {
        locked(() -> {
            checkpointer.close();
            for (PreparedStatement p : statements.values()) p.close();
            statements.clear();
            db.close(); // the last connection to close checkpoints the WAL into the file
            return null;
        });
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface SqlVoid {
        void run() throws SQLException;
    }

    private Void inTransaction(SqlVoid work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return null;
    }

    private <T> T locked(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new FrontierException("crawl state: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
