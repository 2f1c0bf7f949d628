package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.runs.RunsJson;
import org.nianbao.runs.changes.Change;
import org.nianbao.runs.changes.ChangeDiff;
import org.nianbao.runs.changes.ChangeLog;
import org.nianbao.runs.record.RunsDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nianbao changes}: the new, changed, removed and reappeared reports found by runs. */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = "List new, changed, removed and reappeared reports found by `nianbao run` (JSON: {\"new\": [...], \"changed\": [...], \"removed\": [...], \"reappeared\": [...]}).")
public final class ChangesCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--since", paramLabel = "DATE", description = "Only changes captured on or after DATE (2026-11-23 or 2026-11-23T03:00:00Z).")
    String since;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant from;
        try {
            from = parse(since);
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("nianbao changes: --since wants a date like 2026-11-23 or 2026-11-23T03:00:00Z, not '" + since + "'");
            return UsageErrors.BAD_USAGE;
        }
        List<Change> changes = List.of();
        if (Files.exists(data.resolve("state").resolve(RunsDatabase.FILE))) {
            try (RunsDatabase db = RunsDatabase.open(data)) {
                changes = new ChangeLog(db).since(from);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(RunsJson.changes(changes)));
        } else if (changes.isEmpty()) {
            out.println("no changes" + (from == null ? "" : " since " + from));
        } else {
            for (Change c : changes) {
                out.printf("%s  %-7s %s  %s%n", c.at(), c.kind().key(), c.reportId() == null ? "-" : c.reportId(), c.url());
                ChangeDiff d = c.diff();
                if (d != null) {
                    out.printf("    %d lines removed, %d added, %d table cells changed%n", d.linesRemoved(), d.linesAdded(), d.cells().size());
                    d.cells().stream().limit(10).forEach(x -> out.printf("    table %d row %d col %d %s: %s → %s%n",
                            x.table(), x.row(), x.column(), x.label(), x.before(), x.after()));
                }
            }
        }
        out.flush();
        return 0;
    }

    static Instant parse(String s) {
        if (s == null || s.isBlank()) return null;
        String v = s.strip();
        if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Instant.parse(v);
    }
}
