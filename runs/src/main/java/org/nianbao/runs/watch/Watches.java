package org.nianbao.runs.watch;

import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.search.ReportSearcher;
import org.nianbao.indexer.search.SearchRequest;
import org.nianbao.runs.changes.ReportLocator;
import org.nianbao.runs.record.RunsDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Saved searches and their hits. A search saved now remembers what it already matches (the
 * baseline), so its feed shows only what appears later: the news, not the back catalogue.
 */
public final class Watches {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Watches.class);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");

    private final RunsDatabase db;

    public Watches(RunsDatabase db) {
        this.db = db;
    }

    /**
     * Saves a search. With {@code searcher} (an index exists) the query is checked and its current
     * matches become the baseline.
     *
     * @throws IllegalArgumentException for a bad name or a name already taken
     * @throws org.nianbao.indexer.search.QueryParseException for a malformed query
     */
    public Watch add(String name, String query, Instant now, ReportSearcher searcher) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("watch name must be 1-64 letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        if (query == null || query.isBlank()) throw new IllegalArgumentException("the query of a watch must not be empty");
        if (get(name).isPresent()) throw new IllegalArgumentException("a watch named '" + name + "' exists already");
        Map<String, ReportRecord> baseline = searcher == null ? Map.of() : matches(searcher, query);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO watch (name, query, created_ms) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, query);
                ps.setLong(3, now.toEpochMilli());
                ps.executeUpdate();
            }
            insertHits(c, name, baseline, 0, now);
            return null;
        });
        return new Watch(name, query, now);
    }

    /** Deletes a saved search and its hits; false when there was none by that name. */
    public boolean remove(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement a = c.prepareStatement("DELETE FROM watch_match WHERE name = ?");
                 PreparedStatement b = c.prepareStatement("DELETE FROM watch WHERE name = ?")) {
                a.setString(1, name);
                a.executeUpdate();
                b.setString(1, name);
                return b.executeUpdate() > 0;
            }
        });
    }

    public List<Watch> list() {
        return db.read(c -> {
            List<Watch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, query, created_ms FROM watch ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Watch(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
            return out;
        });
    }

    public Optional<Watch> get(String name) {
        return list().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /**
     * After a run: records, for every saved search, the reports that match it now and did not
     * before. Returns the new hits by watch name. A search that fails is skipped, not fatal.
     */
    public Map<String, List<WatchHit>> recordNewMatches(ReportSearcher searcher, long runId, Instant now) {
        Map<String, List<WatchHit>> out = new LinkedHashMap<>();
        for (Watch w : list()) {
            Map<String, ReportRecord> current;
            try {
                current = matches(searcher, w.query());
            } catch (RuntimeException e) {
                log.warn("watch {}: its query fails now, skipped: {}", w.name(), e.getMessage());
                continue;
            }
            Set<String> known = knownIds(w.name());
            Map<String, ReportRecord> fresh = new LinkedHashMap<>();
            current.forEach((id, r) -> {
                if (!known.contains(id)) fresh.put(id, r);
            });
            db.inTransaction(c -> {
                insertHits(c, w.name(), fresh, runId, now);
                return null;
            });
            out.put(w.name(), fresh.values().stream().map(r -> hit(w.name(), r, runId, now)).toList());
        }
        return out;
    }

    /** The hits of a watch found by runs (not the baseline), newest first. */
    public List<WatchHit> hits(String name, int limit) {
        return db.read(c -> {
            List<WatchHit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, report_id, run_id, at_ms, title, url FROM watch_match "
                    + "WHERE name = ? AND run_id > 0 ORDER BY at_ms DESC, report_id LIMIT ?")) {
                ps.setString(1, name);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new WatchHit(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private Set<String> knownIds(String name) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT report_id FROM watch_match WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static Map<String, ReportRecord> matches(ReportSearcher searcher, String query) {
        Map<String, ReportRecord> out = new LinkedHashMap<>();
        searcher.forEachMatch(SearchRequest.of(query), r -> out.put(r.id(), r));
        return out;
    }

    private static WatchHit hit(String watch, ReportRecord r, long runId, Instant now) {
        String url = r.originals().isEmpty() ? null : r.originals().getFirst().url();
        return new WatchHit(watch, r.id(), runId, now, ReportLocator.titleOf(r), url);
    }

    private static void insertHits(java.sql.Connection c, String name, Map<String, ReportRecord> records, long runId,
                                   Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO watch_match "
                + "(name, report_id, run_id, at_ms, title, url) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ReportRecord r : records.values()) {
                WatchHit h = hit(name, r, runId, now);
                ps.setString(1, name);
                ps.setString(2, h.reportId());
                ps.setLong(3, runId);
                ps.setLong(4, now.toEpochMilli());
                ps.setString(5, h.title());
                ps.setString(6, h.url());
                ps.executeUpdate();
            }
        }
    }
}
