package org.nianbao.runs.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.runs.RunsException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run records: begun when a run starts, finished when it ends, marked interrupted when it died. */
public final class RunLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, started_ms, finished_ms, state, seeds, hosts, requests, bytes, not_modified, "
            + "new_reports, changed_reports, removed_reports, captures, responses, indexed, errors_json, blocked_json, "
            + "crawl_run_id, message, reappeared_reports";

    private final RunsDatabase db;

    public RunLog(RunsDatabase db) {
        this.db = db;
    }

    /**
     * Marks records still "running" as interrupted. Call only while holding the run lock: then no
     * live process owns them, so they belong to a run that was killed.
     */
    public List<Long> markInterrupted(String why) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM run WHERE state = 'running'")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET state = 'interrupted', message = ? WHERE state = 'running'")) {
                ps.setString(1, why);
                ps.executeUpdate();
            }
            return ids;
        });
    }

    /** Starts a record and returns its id. */
    public long begin(Instant started, int seeds) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (started_ms, state, pid, seeds) VALUES (?, 'running', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, started.toEpochMilli());
                ps.setLong(2, ProcessHandle.current().pid());
                ps.setInt(3, seeds);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Writes the final figures of a run. */
    public void finish(RunRecord r) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE run SET finished_ms = ?, state = ?, seeds = ?, hosts = ?, requests = ?, bytes = ?, not_modified = ?,
                      new_reports = ?, changed_reports = ?, removed_reports = ?, captures = ?, responses = ?, indexed = ?,
                      errors_json = ?, blocked_json = ?, crawl_run_id = ?, message = ?, reappeared_reports = ? WHERE id = ?""")) {
                ps.setObject(1, r.finished() == null ? null : r.finished().toEpochMilli());
                ps.setString(2, r.state());
                ps.setInt(3, r.seeds());
                ps.setInt(4, r.hosts());
                ps.setLong(5, r.requests());
                ps.setLong(6, r.bytes());
                ps.setLong(7, r.notModified());
                ps.setInt(8, r.newReports());
                ps.setInt(9, r.changedReports());
                ps.setInt(10, r.removedReports());
                ps.setLong(11, r.captures());
                ps.setLong(12, r.responses());
                ps.setLong(13, r.indexed());
                ps.setString(14, json(r.errors()));
                ps.setString(15, json(r.blockedHosts()));
                ps.setLong(16, r.crawlRunId());
                ps.setString(17, r.message());
                ps.setInt(18, r.reappearedReports());
                ps.setLong(19, r.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<RunRecord> get(long id) {
        List<RunRecord> l = query("WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /** Every run, newest first. */
    public List<RunRecord> all() {
        return query("ORDER BY id DESC");
    }

    /** The latest run that finished, if any. */
    public Optional<RunRecord> lastDone() {
        List<RunRecord> l = query("WHERE state = 'done' ORDER BY id DESC LIMIT 1");
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    private List<RunRecord> query(String where, Object... args) {
        return db.read(c -> {
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run " + where)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static RunRecord read(ResultSet rs) throws SQLException {
        long fin = rs.getLong(3);
        Instant finished = rs.wasNull() ? null : Instant.ofEpochMilli(fin);
        return new RunRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), finished, rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getInt(11),
                rs.getInt(12), rs.getInt(20), rs.getLong(13), rs.getLong(14), rs.getLong(15),
                map(rs.getString(16), new TypeReference<Map<String, Integer>>() { }),
                map(rs.getString(17), new TypeReference<Map<String, String>>() { }),
                rs.getLong(18), rs.getString(19));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new RunsException("cannot write run record JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T map(String json, TypeReference<T> type) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RunsException("unreadable run record JSON: " + e.getMessage(), e);
        }
    }
}
