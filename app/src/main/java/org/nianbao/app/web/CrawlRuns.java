package org.nianbao.app.web;

import org.nianbao.runs.record.RunLog;
import org.nianbao.runs.record.RunRecord;
import org.nianbao.runs.record.RunsDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last runs as recorded in {@code data/state/}: the run records of {@code nianbao run} ({@code runs.sqlite},
 * read through the runs module) when there are any, otherwise the crawler's own state ({@code crawl.sqlite}: runs,
 * requests, hosts given up), opened read-only. A missing file is simply no data.
 */
final class CrawlRuns {

    private static final Logger log = LoggerFactory.getLogger(CrawlRuns.class);

    /** A blocked (given-up) host and why. */
    record BlockedHost(String host, String state, String reason) {
    }

    /**
     * One crawl run. {@code newReports}, {@code changedReports}, {@code removedReports} are null when no run
     * record holds them.
     */
    record Run(long id, String started, String finished, long requests, long hosts, long bytes, long notModified, long errors,
               List<BlockedHost> blocked, Long newReports, Long changedReports, Long removedReports, Map<String, Integer> errorKinds) {
    }

    private final Path stateDir;

    CrawlRuns(Path dataDir) {
        this.stateDir = dataDir == null ? null : dataDir.resolve("state");
    }

    boolean available() {
        return stateDir != null && (Files.isRegularFile(stateDir.resolve("crawl.sqlite")) || Files.isRegularFile(stateDir.resolve(RunsDatabase.FILE)));
    }

    List<Run> last(int n) {
        if (!available()) return List.of();
        if (Files.isRegularFile(stateDir.resolve(RunsDatabase.FILE))) {
            try (RunsDatabase db = RunsDatabase.open(stateDir.getParent())) {
                List<RunRecord> all = new ArrayList<>(new RunLog(db).all());
                all.sort(java.util.Comparator.comparingLong(RunRecord::id).reversed());
                if (!all.isEmpty()) return all.subList(0, Math.min(n, all.size())).stream().map(CrawlRuns::of).toList();
            } catch (RuntimeException e) {
                log.warn("cannot read the run records in {}: {}", stateDir, e.getMessage());
            }
        }
        if (!Files.isRegularFile(stateDir.resolve("crawl.sqlite"))) return List.of();
        Map<Long, long[]> reportCounts = reportCounts();
        List<Run> runs = new ArrayList<>();
        try (Connection db = readOnly(stateDir.resolve("crawl.sqlite"))) {
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT r.id, r.started, r.finished,
                      (SELECT count(*) FROM request q WHERE q.run_id = r.id),
                      (SELECT count(DISTINCT host) FROM request q WHERE q.run_id = r.id),
                      (SELECT coalesce(sum(bytes), 0) FROM request q WHERE q.run_id = r.id),
                      (SELECT count(*) FROM request q WHERE q.run_id = r.id AND q.status = 304),
                      (SELECT count(*) FROM request q WHERE q.run_id = r.id AND (q.error IS NOT NULL OR q.status >= 400))
                    FROM run r ORDER BY r.id DESC LIMIT ?""")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        long[] counts = reportCounts.get(id);
                        runs.add(new Run(id, isoTime(rs.getString(2)), rs.getString(3) == null ? null : isoTime(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                rs.getLong(8), blocked(db, id), counts == null ? null : counts[0], counts == null ? null : counts[1],
                                counts == null ? null : counts[2], Map.of()));
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("cannot read the crawl state in {}: {}", stateDir, e.getMessage());
        }
        return runs;
    }

    private static Run of(RunRecord r) {
        List<BlockedHost> blocked = new ArrayList<>();
        new java.util.TreeMap<>(r.blockedHosts()).forEach((host, why) -> blocked.add(new BlockedHost(host, "blocked", why)));
        long errors = r.errors().values().stream().mapToLong(Integer::longValue).sum();
        return new Run(r.id(), time(r.started()), r.finished() == null ? null : time(r.finished()) + (RunRecord.DONE.equals(r.state()) ? "" : " (" + r.state() + ")"),
                r.requests(), r.hosts(), r.bytes(), r.notModified(), errors, blocked, (long) r.newReports(), (long) r.changedReports(),
                (long) r.removedReports(), new java.util.TreeMap<>(r.errors()));
    }

    /** The crawler's ISO-8601 instants in the pages' local form; anything else as written. */
    private static String isoTime(String s) {
        try {
            return s == null ? "" : time(java.time.Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return s;
        }
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : ReportPage.TIME.format(t);
    }

    private static List<BlockedHost> blocked(Connection db, long run) throws SQLException {
        List<BlockedHost> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT host, state, reason FROM host_status WHERE run_id = ? ORDER BY host")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new BlockedHost(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** crawl run id → [new, changed, removed] from the weekly run records, when there are any. */
    private Map<Long, long[]> reportCounts() {
        Map<Long, long[]> out = new HashMap<>();
        Path file = stateDir.resolve("runs.sqlite");
        if (!Files.isRegularFile(file)) return out;
        try (Connection db = readOnly(file)) {
            if (!hasColumns(db, "run", "crawl_run_id", "new_reports", "changed_reports", "removed_reports")) return out;
            try (PreparedStatement ps = db.prepareStatement("SELECT crawl_run_id, new_reports, changed_reports, removed_reports FROM run WHERE crawl_run_id > 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        } catch (SQLException e) {
            log.warn("cannot read the run records in {}: {}", file, e.getMessage());
        }
        return out;
    }

    private static boolean hasColumns(Connection db, String table, String... columns) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        List<String> found = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
            while (rs.next()) found.add(rs.getString("COLUMN_NAME"));
        }
        return found.containsAll(List.of(columns));
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }
}
