package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.archive.ArchiveException;
import org.nianbao.archive.Capture;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.history.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao history URL}: every capture of a URL, and when its bytes changed or it disappeared. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every capture of a URL with date, status, digest, and whether it changed.")
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "the URL as it was captured")
    String url;

    @Option(names = "--data", defaultValue = "data", description = "data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<HistoryEntry> entries;
        try (WarcArchive archive = ArchiveData.open(data)) {
            entries = archive.versions(url);
        }
        if (entries.isEmpty()) throw new ArchiveException("the archive has no capture of " + url);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = entries.stream().map(HistoryCommand::toJson).toList();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            out.println(url);
            for (HistoryEntry e : entries) {
                Capture c = e.capture();
                out.printf("%-24s %3d  %-9s sha256:%s  %s  %s%s%n", c.time(), c.status(), e.change(), c.sha256(),
                        c.contentType() == null ? "-" : c.contentType(), c.length() + " bytes",
                        c.revisit() ? "  (revisit)" : "");
            }
            long versions = entries.stream().filter(HistoryEntry::changed).count();
            out.println(entries.size() + " captures, " + versions + " distinct versions");
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(HistoryEntry e) {
        Capture c = e.capture();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("time", c.time().toString());
        m.put("status", c.status());
        m.put("change", e.change().name().toLowerCase(java.util.Locale.ROOT));
        m.put("changed", e.changed());
        m.put("contentType", c.contentType());
        m.put("length", c.length());
        m.put("sha1", c.sha1());
        m.put("sha256", c.sha256());
        m.put("revisit", c.revisit());
        m.put("warcFile", c.warcFile());
        m.put("offset", c.offset());
        return m;
    }
}
