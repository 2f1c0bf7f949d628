package org.nianbao.runs.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.runs.RunsException;
import org.nianbao.runs.record.RunsDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * Detected changes, the reports seen so far, each report's status, and how far through the
 * archive's captures detection has come — all written in one transaction per detection step,
 * so a run killed in the middle detects the same changes again next time, once.
 */
public final class ChangeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, run_id, kind, url, report_id, title, capture_id, previous_capture_id, "
            + "at_ms, previous_at_ms, diff_json, reason";
    private static final String LAST_CAPTURE = "last_capture_id";

    private final RunsDatabase db;

    public ChangeLog(RunsDatabase db) {
        this.db = db;
    }

    /** The newest capture id whose changes have been recorded (0 before the first run). */
    public long lastTrackedCapture() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tracker WHERE key = ?")) {
                ps.setString(1, LAST_CAPTURE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Report ids seen before (a report is new only the first time). */
    public Set<String> seenReports() {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT report_id FROM report_seen"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /**
     * Records one detection step: the changes, the reports now seen, their new statuses, and the
     * capture id detection has reached. Returns the stored changes (with ids).
     */
    public List<Change> record(List<Change> changes, Map<String, Long> newlySeen, long runId, long lastCaptureId,
                               RunsDatabase.Work<Void> alsoInTheTransaction) {
        return db.inTransaction(c -> {
            alsoInTheTransaction.apply(c);
            List<Change> stored = new ArrayList<>();
            for (Change ch : changes) stored.add(insert(c, ch));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO report_seen (report_id, first_run, first_capture_id) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Long> e : newlySeen.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setLong(2, runId);
                    ps.setLong(3, e.getValue());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report_status (report_id, status, run_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT(report_id) DO UPDATE SET status = excluded.status, run_id = excluded.run_id")) {
                for (Change ch : changes) {
                    if (ch.reportId() == null || ch.kind() == ChangeKind.NEW) continue;
                    ps.setString(1, ch.reportId());
                    ps.setString(2, status(ch.kind()));
                    ps.setLong(3, runId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tracker (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, LAST_CAPTURE);
                ps.setLong(2, lastCaptureId);
                ps.executeUpdate();
            }
            return stored;
        });
    }

    /** The report status a change leaves behind (the index's vocabulary: current | changed | removed). */
    private static String status(ChangeKind kind) {
        return switch (kind) {
            case REMOVED -> "removed";
            case REAPPEARED -> "current";
            case NEW, CHANGED -> "changed";
        };
    }

    private static Change insert(Connection c, Change ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO change (" + COLUMNS.substring(4)
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, ch.runId());
            ps.setString(2, ch.kind().key());
            ps.setString(3, ch.url());
            ps.setString(4, ch.reportId());
            ps.setString(5, ch.title());
            ps.setLong(6, ch.captureId());
            ps.setObject(7, ch.previousCaptureId());
            ps.setLong(8, ch.at().toEpochMilli());
            ps.setObject(9, ch.previousAt() == null ? null : ch.previousAt().toEpochMilli());
            ps.setString(10, ch.diff() == null ? null : json(ch.diff()));
            ps.setString(11, ch.reason());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? ch.withId(keys.getLong(1)) : ch;
            }
        }
    }

    /**
     * Report id → status (changed | removed | current) for every report a change touched; current is a
     * report that came back after a removal, so the index can drop its removed mark.
     */
    public Map<String, String> statuses() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT report_id, status FROM report_status ORDER BY report_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** Changes captured at or after {@code since} (all when null), oldest first. */
    public List<Change> since(Instant since) {
        return query("WHERE at_ms >= ? ORDER BY at_ms, id", since == null ? Long.MIN_VALUE : since.toEpochMilli());
    }

    /** Changes detected by one run. */
    public List<Change> ofRun(long runId) {
        return query("WHERE run_id = ? ORDER BY id", runId);
    }

    /** The newest {@code limit} changes, newest first (for the feed). */
    public List<Change> latest(int limit) {
        return query("ORDER BY at_ms DESC, id DESC LIMIT ?", limit);
    }

    /** Changes of one report, oldest first. */
    public List<Change> ofReport(String reportId) {
        return query("WHERE report_id = ? ORDER BY at_ms, id", reportId);
    }

    public Optional<Change> byId(long id) {
        List<Change> l = query("WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    private List<Change> query(String where, Object... args) {
        return db.read(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM change " + where)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static Change read(ResultSet rs) throws SQLException {
        long prev = rs.getLong(8);
        Long previous = rs.wasNull() ? null : prev;
        long prevAt = rs.getLong(10);
        Instant previousAt = rs.wasNull() ? null : Instant.ofEpochMilli(prevAt);
        String diff = rs.getString(11);
        return new Change(rs.getLong(1), rs.getLong(2), ChangeKind.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), previous,
                Instant.ofEpochMilli(rs.getLong(9)), previousAt, diff == null ? null : readDiff(diff), rs.getString(12));
    }

    private static String json(ChangeDiff d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new RunsException("cannot write a diff: " + e.getMessage(), e);
        }
    }

    private static ChangeDiff readDiff(String s) {
        try {
            return JSON.readValue(s, ChangeDiff.class);
        } catch (JsonProcessingException e) {
            throw new RunsException("unreadable diff: " + e.getMessage(), e);
        }
    }
}
