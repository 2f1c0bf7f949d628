package org.nianbao.runs.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogUpgradeTest {

    @Test
    void runsDatabaseWrittenBeforeTheReappearedCountKeepsItsRunsAndGainsTheColumn(@TempDir Path data) throws Exception {
        Path file = data.resolve("state").resolve("runs.sqlite");
        Files.createDirectories(file.getParent());
        // The run table as the first release wrote it, with one finished run in it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE run (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      started_ms INTEGER NOT NULL, finished_ms INTEGER, state TEXT NOT NULL, pid INTEGER,
                      seeds INTEGER NOT NULL DEFAULT 0, hosts INTEGER NOT NULL DEFAULT 0,
                      requests INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0,
                      not_modified INTEGER NOT NULL DEFAULT 0, new_reports INTEGER NOT NULL DEFAULT 0,
                      changed_reports INTEGER NOT NULL DEFAULT 0, removed_reports INTEGER NOT NULL DEFAULT 0,
                      captures INTEGER NOT NULL DEFAULT 0, responses INTEGER NOT NULL DEFAULT 0,
                      indexed INTEGER NOT NULL DEFAULT 0, errors_json TEXT, blocked_json TEXT,
                      crawl_run_id INTEGER NOT NULL DEFAULT 0, message TEXT)""");
            s.execute("INSERT INTO run (started_ms, finished_ms, state, seeds, requests, new_reports, removed_reports) "
                    + "VALUES (1000, 2000, 'done', 3, 40, 5, 2)");
        }

        try (RunsDatabase db = RunsDatabase.open(data)) {
            RunLog runs = new RunLog(db);
            RunRecord old = runs.get(1).orElseThrow();
            assertThat(old.requests()).isEqualTo(40);
            assertThat(old.newReports()).isEqualTo(5);
            assertThat(old.removedReports()).isEqualTo(2);
            assertThat(old.reappearedReports()).isZero();

            long id = runs.begin(Instant.ofEpochMilli(3000), 3);
            runs.finish(new RunRecord(id, Instant.ofEpochMilli(3000), Instant.ofEpochMilli(4000), RunRecord.DONE, 3, 1,
                    10, 100, 8, 0, 0, 0, 1, 2, 1, 0, Map.of(), Map.of(), 2, null));
            assertThat(runs.get(id).orElseThrow().reappearedReports()).isEqualTo(1);
        }
        try (RunsDatabase reopened = RunsDatabase.open(data)) {
            assertThat(new RunLog(reopened).all()).hasSize(2);
        }
    }
}
