package org.nianbao.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nianbao.archive.WarcArchive;
import org.nianbao.archive.verify.Mismatch;
import org.nianbao.archive.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nianbao verify}: proves every archived byte is what was captured. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every archived byte: recompute all WARC digests, cross-check table and CDXJ.",
                "Re-reads every WARC record, recomputes block and payload digests (SHA-1, and SHA-256",
                "of payloads), and checks that the capture table and the CDXJ index agree with the files.",
                "Exit 0 when everything agrees, 1 on any mismatch (each listed with file and offset)."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data", description = "data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "machine-readable report on stdout")
    boolean json;

    @Option(names = "--threads", description = "files read in parallel (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerifyReport report;
        try (WarcArchive archive = ArchiveData.open(data);
             ArchiveProgress progress = new ArchiveProgress(spec.commandLine().getErr())) {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            report = archive.verify(n, progress);
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(report)));
        } else {
            print(report, out);
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private static void print(VerifyReport r, PrintWriter out) {
        out.printf("verified %d WARC files (%.1f MB) in %.2f s, %.1f MB/s: %d records, %d captures, %d capture-table rows, %d CDXJ lines, %.1f MB of payload%n",
                r.files(), r.compressedBytes() / 1e6, r.elapsed().toNanos() / 1e9, r.megabytesPerSecond(), r.records(),
                r.captures(), r.tableRows(), r.cdxLines(), r.payloadBytes() / 1e6);
        for (String s : r.skipped()) out.println("skipped " + s + " (being written by another process)");
        for (Mismatch m : r.mismatches()) out.println("MISMATCH " + m);
        out.println(r.ok() ? "OK: every digest, the capture table and the CDXJ index agree with the WARC files"
                : "FAILED: " + r.mismatches().size() + " mismatches");
    }

    private static Map<String, Object> toJson(VerifyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("files", r.files());
        m.put("records", r.records());
        m.put("captures", r.captures());
        m.put("tableRows", r.tableRows());
        m.put("cdxLines", r.cdxLines());
        m.put("bytes", r.compressedBytes());
        m.put("payloadBytes", r.payloadBytes());
        m.put("seconds", r.elapsed().toNanos() / 1e9);
        m.put("megabytesPerSecond", r.megabytesPerSecond());
        m.put("skipped", r.skipped());
        List<Map<String, Object>> mm = r.mismatches().stream().map(x -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", x.file());
            e.put("offset", x.offset());
            e.put("problem", x.problem());
            return e;
        }).toList();
        m.put("mismatches", mm);
        return m;
    }
}
