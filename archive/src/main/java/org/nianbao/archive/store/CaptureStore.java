package org.nianbao.archive.store;

import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.Capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The capture table in {@code data/state/archive.sqlite} (WAL, so the indexer can read while the
 * crawler writes). One connection, guarded by this object's monitor: sqlite-jdbc connections are
 * not meant for concurrent use.
 */
public final class CaptureStore implements Closeable {
    private static final String COLUMNS = "id, url, surt, time_ms, status, content_type, length, sha1, sha256, "
            + "warc_file, warc_offset, record_length, revisit, refers_to, record_id, truncated";

    private final Connection db;

    private CaptureStore(Connection db) {
        this.db = db;
    }

    public static CaptureStore open(Path dbFile) throws IOException {
        Files.createDirectories(dbFile.toAbsolutePath().getParent());
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS capture (
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          url TEXT NOT NULL,
                          surt TEXT NOT NULL,
                          time_ms INTEGER NOT NULL,
                          status INTEGER NOT NULL,
                          content_type TEXT,
                          length INTEGER NOT NULL,
                          sha1 TEXT NOT NULL,
                          sha256 TEXT NOT NULL,
                          warc_file TEXT NOT NULL,
                          warc_offset INTEGER NOT NULL,
                          record_length INTEGER NOT NULL,
                          revisit INTEGER NOT NULL,
                          refers_to INTEGER,
                          record_id TEXT NOT NULL,
                          truncated TEXT,
                          UNIQUE (warc_file, warc_offset))""");
                s.execute("CREATE INDEX IF NOT EXISTS capture_url ON capture(url, id)");
                s.execute("CREATE INDEX IF NOT EXISTS capture_sha1 ON capture(sha1, id)");
                s.execute("CREATE INDEX IF NOT EXISTS capture_sha256 ON capture(sha256, id)");
                s.execute("CREATE INDEX IF NOT EXISTS capture_surt ON capture(surt, time_ms)");
                // verify follows each revisit's WARC-Refers-To by record id
                s.execute("CREATE INDEX IF NOT EXISTS capture_record_id ON capture(record_id)");
            }
            return new CaptureStore(db);
        } catch (SQLException e) {
            throw new ArchiveException("cannot open capture table " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Inserts the row and returns it with its new id. */
    public synchronized CaptureRow insert(CaptureRow row) throws IOException {
        Capture c = row.capture();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO capture (" + COLUMNS.substring(4)
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, c.url());
            ps.setString(2, row.surt());
            ps.setLong(3, c.time().toEpochMilli());
            ps.setInt(4, c.status());
            ps.setString(5, c.contentType());
            ps.setLong(6, c.length());
            ps.setString(7, c.sha1());
            ps.setString(8, c.sha256());
            ps.setString(9, c.warcFile());
            ps.setLong(10, c.offset());
            ps.setLong(11, c.recordLength());
            ps.setInt(12, c.revisit() ? 1 : 0);
            if (row.refersTo() == null) ps.setNull(13, java.sql.Types.INTEGER); else ps.setLong(13, row.refersTo());
            ps.setString(14, row.recordId());
            ps.setString(15, row.truncated());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return row.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new ArchiveException("cannot record capture of " + c.url() + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<CaptureRow> byId(long id) throws IOException {
        return one("WHERE id = ?", id);
    }

    public synchronized List<CaptureRow> after(long afterId) throws IOException {
        return many("WHERE id > ? ORDER BY id", afterId);
    }

    public synchronized List<CaptureRow> history(String url) throws IOException {
        return many("WHERE url = ? ORDER BY time_ms, id", url);
    }

    public synchronized List<CaptureRow> historyBySurt(String surt) throws IOException {
        return many("WHERE surt = ? ORDER BY time_ms, id", surt);
    }

    public synchronized Optional<CaptureRow> bySha256(String sha256) throws IOException {
        return one("WHERE sha256 = ? ORDER BY time_ms DESC, id DESC", sha256);
    }

    public synchronized Optional<CaptureRow> byLocation(String warcFile, long offset) throws IOException {
        return one("WHERE warc_file = ? AND warc_offset = ?", warcFile, offset);
    }

    /**
     * The response record an identical payload can refer to: complete, non-empty, not itself a
     * revisit; the same URL is preferred, then the oldest.
     */
    public synchronized Optional<CaptureRow> originalFor(String sha1, String url) throws IOException {
        return one("WHERE sha1 = ? AND revisit = 0 AND truncated IS NULL AND length > 0 "
                + "ORDER BY (url = ?) DESC, id LIMIT 1", sha1, url);
    }

    /** The latest capture of the URL that carries (or refers to) a payload: what a 304 confirms. */
    public synchronized Optional<CaptureRow> latestWithPayload(String url) throws IOException {
        return one("WHERE url = ? AND truncated IS NULL AND (revisit = 1 OR status <> 304) "
                + "ORDER BY time_ms DESC, id DESC LIMIT 1", url);
    }

    /** Every row in CDXJ order (SURT, then time). */
    public synchronized void forEachInSurtOrder(Consumer<CaptureRow> sink) throws IOException {
        forEach("ORDER BY surt, time_ms, id", sink);
    }

    public synchronized void forEachById(Consumer<CaptureRow> sink) throws IOException {
        forEach("ORDER BY id", sink);
    }

    /** The captures in one WARC file, by offset (verify checks a file's records against them). */
    public synchronized List<CaptureRow> rowsIn(String warcFile) throws IOException {
        return many("WHERE warc_file = ? ORDER BY warc_offset", warcFile);
    }

    /** Offsets of the captures in one WARC file, ascending (verify splits big files there). */
    public synchronized List<Long> offsetsIn(String warcFile) throws IOException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT warc_offset FROM capture WHERE warc_file = ? ORDER BY warc_offset")) {
            ps.setString(1, warcFile);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new ArchiveException("cannot read capture table: " + e.getMessage(), e);
        }
        return out;
    }

    public synchronized long count() throws IOException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM capture")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ArchiveException("cannot read capture table: " + e.getMessage(), e);
        }
    }

    public synchronized void delete(long id) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM capture WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveException("cannot delete capture " + id + ": " + e.getMessage(), e);
        }
    }

    /** Points a capture at a new location (reindex found the same record elsewhere). */
    public synchronized void relocate(long id, String warcFile, long offset, long recordLength) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE capture SET warc_file = ?, warc_offset = ?, record_length = ? WHERE id = ?")) {
            ps.setString(1, warcFile);
            ps.setLong(2, offset);
            ps.setLong(3, recordLength);
            ps.setLong(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveException("cannot update capture " + id + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<CaptureRow> byRecordId(String recordId) throws IOException {
        return one("WHERE record_id = ? LIMIT 1", recordId);
    }

    private Optional<CaptureRow> one(String where, Object... args) throws IOException {
        List<CaptureRow> rows = many(where, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private List<CaptureRow> many(String where, Object... args) throws IOException {
        List<CaptureRow> rows = new ArrayList<>();
        query(where, rows::add, args);
        return rows;
    }

    private void forEach(String where, Consumer<CaptureRow> sink) throws IOException {
        query(where, sink);
    }

    private void query(String where, Consumer<CaptureRow> sink, Object... args) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM capture " + where)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(read(rs));
            }
        } catch (SQLException e) {
            throw new ArchiveException("cannot read capture table: " + e.getMessage(), e);
        }
    }

    private static CaptureRow read(ResultSet rs) throws SQLException {
        long refers = rs.getLong(14);
        Long refersTo = rs.wasNull() ? null : refers;
        Capture c = new Capture(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                rs.getLong(12), rs.getInt(13) != 0);
        return new CaptureRow(c, rs.getString(3), rs.getString(15), refersTo, rs.getString(16));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new ArchiveException("cannot close capture table: " + e.getMessage(), e);
        }
    }
}
