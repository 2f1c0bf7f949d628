package org.nianbao.runs.changes;

import org.nianbao.crawler.Crawler;
import org.nianbao.runs.record.RunsDatabase;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers which report URLs the portals linked to, run by run, to tell when one vanished from its
 * list page while its URL still answers: a report quietly withdrawn from the column is news too.
 *
 * <p>A report counts as vanished when an earlier run saw it linked, this run re-checked it (2xx or 304),
 * no page fetched this run links to it, and its host was crawled to the end (a host stopped by
 * anti-bot pages, failures or budgets says nothing about its links). It is reported once; when it is
 * linked again it may vanish again later.
 */
public final class ListPresence {
    private final RunsDatabase db;

    public ListPresence(RunsDatabase db) {
        this.db = db;
    }

    /**
     * The report URLs that vanished in this run (reads only; {@link #remember} writes).
     *
     * @param checked      report URLs fetched with content in this run
     * @param linked       every URL a page fetched in this run links to
     * @param stoppedHosts hosts (host[:port]) not crawled to the end in this run
     */
    public Set<String> vanished(Collection<String> checked, Set<String> linked, Set<String> stoppedHosts) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement known = c.prepareStatement("SELECT vanished_run FROM report_link WHERE url = ?")) {
                for (String url : checked) {
                    if (linked.contains(url) || stoppedHosts.contains(hostKey(url))) continue;
                    known.setString(1, url);
                    try (ResultSet rs = known.executeQuery()) {
                        if (!rs.next()) continue;           // never seen linked: a seed, not a listed report
                        rs.getLong(1);
                        if (rs.wasNull()) out.add(url);     // else already reported as vanished
                    }
                }
            }
            return out;
        });
    }

    /**
     * The report URLs reported as vanished earlier that this run saw linked again (reads only;
     * {@link #remember} clears their vanished mark).
     */
    public Set<String> relisted(Collection<String> checked, Set<String> linked) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement known = c.prepareStatement("SELECT vanished_run FROM report_link WHERE url = ?")) {
                for (String url : checked) {
                    if (!linked.contains(url)) continue;
                    known.setString(1, url);
                    try (ResultSet rs = known.executeQuery()) {
                        if (!rs.next()) continue;
                        rs.getLong(1);
                        if (!rs.wasNull()) out.add(url);
                    }
                }
            }
            return out;
        });
    }

    /** Writes what this run saw, inside the caller's transaction (with the changes it led to). */
    public static void remember(Connection c, long runId, Collection<String> checked, Set<String> linked,
                                Set<String> vanished) throws SQLException {
        try (PreparedStatement seen = c.prepareStatement("INSERT INTO report_link (url, last_linked_run) VALUES (?, ?) "
                + "ON CONFLICT(url) DO UPDATE SET last_linked_run = excluded.last_linked_run, vanished_run = NULL");
             PreparedStatement gone = c.prepareStatement("UPDATE report_link SET vanished_run = ? WHERE url = ?")) {
            for (String url : checked) {
                if (!linked.contains(url)) continue;
                seen.setString(1, url);
                seen.setLong(2, runId);
                seen.executeUpdate();
            }
            for (String url : vanished) {
                gone.setLong(1, runId);
                gone.setString(2, url);
                gone.executeUpdate();
            }
        }
    }

    private static String hostKey(String url) {
        try {
            return Crawler.hostKey(URI.create(url));
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }
}
