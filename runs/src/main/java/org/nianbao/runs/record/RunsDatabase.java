package org.nianbao.runs.record;

import org.nianbao.runs.RunsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code data/state/runs.sqlite}: run records, detected changes, saved searches and their hits.
 * WAL mode and one transaction per step, so a killed run leaves each table either before or after
 * a step, never in between. One connection, guarded by this object's monitor.
 */
public final class RunsDatabase implements AutoCloseable {
    public static final String FILE = "runs.sqlite";

    private final Connection db;

    private RunsDatabase(Connection db) {
        this.db = db;
    }

    public static RunsDatabase open(Path dataDir) {
        Path file = dataDir.resolve("state").resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS run (
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          started_ms INTEGER NOT NULL, finished_ms INTEGER, state TEXT NOT NULL, pid INTEGER,
                          seeds INTEGER NOT NULL DEFAULT 0, hosts INTEGER NOT NULL DEFAULT 0,
                          requests INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0,
                          not_modified INTEGER NOT NULL DEFAULT 0, new_reports INTEGER NOT NULL DEFAULT 0,
                          changed_reports INTEGER NOT NULL DEFAULT 0, removed_reports INTEGER NOT NULL DEFAULT 0,
                          captures INTEGER NOT NULL DEFAULT 0, responses INTEGER NOT NULL DEFAULT 0,
                          indexed INTEGER NOT NULL DEFAULT 0, errors_json TEXT, blocked_json TEXT,
                          crawl_run_id INTEGER NOT NULL DEFAULT 0, message TEXT)""");
                addColumnIfMissing(db, "run", "reappeared_reports", "INTEGER NOT NULL DEFAULT 0");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS change (
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          run_id INTEGER NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, report_id TEXT, title TEXT,
                          capture_id INTEGER NOT NULL, previous_capture_id INTEGER,
                          at_ms INTEGER NOT NULL, previous_at_ms INTEGER, diff_json TEXT, reason TEXT,
                          UNIQUE (kind, capture_id, url))""");
                s.execute("CREATE INDEX IF NOT EXISTS change_at ON change(at_ms)");
                s.execute("CREATE INDEX IF NOT EXISTS change_report ON change(report_id)");
                s.execute("CREATE TABLE IF NOT EXISTS tracker (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS report_seen (
                          report_id TEXT PRIMARY KEY, first_run INTEGER NOT NULL, first_capture_id INTEGER NOT NULL)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS report_status (
                          report_id TEXT PRIMARY KEY, status TEXT NOT NULL, run_id INTEGER NOT NULL)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS report_link (
                          url TEXT PRIMARY KEY, last_linked_run INTEGER NOT NULL, vanished_run INTEGER)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS watch (
                          name TEXT PRIMARY KEY, query TEXT NOT NULL, created_ms INTEGER NOT NULL)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS watch_match (
                          name TEXT NOT NULL, report_id TEXT NOT NULL, run_id INTEGER NOT NULL, at_ms INTEGER NOT NULL,
                          title TEXT, url TEXT, PRIMARY KEY (name, report_id))""");
            }
            return new RunsDatabase(db);
        } catch (Exception e) {
            throw new RunsException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Databases written before a column existed get it added, so an upgrade keeps every earlier run. */
    private static void addColumnIfMissing(Connection db, String table, String column, String type) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) if (rs.getString("name").equals(column)) return;
        }
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    /** Work that needs the connection; it runs under this object's monitor. */
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs {@code work} with the connection (auto-commit). */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.apply(db);
        } catch (SQLException e) {
            throw new RunsException("runs database: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it lands, or none of it. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T t = work.apply(db);
                db.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RunsException("runs database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new RunsException("cannot close the runs database: " + e.getMessage(), e);
        }
    }
}
