package org.nianbao.app.cli;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.Extractors;
import org.nianbao.indexer.parse.ParseHints;
import org.nianbao.indexer.parse.ParseResult;
import org.nianbao.indexer.parse.ParsedReport;
import org.nianbao.indexer.parse.ParsedReportJson;
import org.nianbao.indexer.parse.ReportParseException;
import org.nianbao.indexer.parse.ReportParser;
import org.nianbao.seeds.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** `nianbao parse FILE...`: extracts and parses report files, prints their fields, tables and checks. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse annual-report files (HTML, PDF, DOCX, DOC, text, scans) into typed fields and checked tables.")
public final class ParseCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ParseCommand.class);

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Report files to parse.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON with the corpus truth files' keys: one object per file, an array for several.")
    boolean json;

    @Option(names = "--unit", paramLabel = "NAME", description = "Seed unit that published the files (its region wins over the text).")
    String unit;

    @Option(names = "--data", defaultValue = "data", description = "Data folder, for the log (default: ${DEFAULT-VALUE}).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Extractors extractors = Extractors.defaults();
        ReportParser parser = new ReportParser(Gazetteer.load());
        List<ParseResult> results = new ArrayList<>();
        int failures = 0;
        // Scans need OCR (tens of seconds each): show progress when there is more than one file.
        Progress progress = files.size() > 1 ? new Progress("parse: files", files.size()) : null;
        for (Path file : files) {
            try {
                results.add(parse(extractors, parser, file));
            } catch (IOException | ReportParseException e) {
                failures++;
                log.debug("cannot parse {}", file, e);
                err.println("nianbao parse: " + file + ": " + oneLine(e));
            }
            if (progress != null) progress.step(file.getFileName().toString());
        }
        if (progress != null) progress.finish();
        if (json) {
            if (!results.isEmpty()) out.println(ParsedReportJson.write(results));
        } else {
            for (int i = 0; i < results.size(); i++) summary(out, results.get(i).report());
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private ParseResult parse(Extractors extractors, ReportParser parser, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file");
        ExtractedDocument doc = extractors.extract(file, null, file.getFileName().toString());
        if (doc.error() != null && (doc.text() == null || doc.text().isBlank())) {
            throw new ReportParseException("extraction failed: " + doc.error());
        }
        return parser.parseDetailed(doc, new ParseHints(unit, null, file.toUri().toString()));
    }

    private static void summary(PrintWriter out, ParsedReport r) {
        String region = Stream.of(r.regionProvince(), r.regionCity(), r.regionCounty()).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining(" "));
        out.printf("%s%n", r.title() == null ? "(no title)" : r.title());
        out.printf("  agency: %s (%s, %s)  region: %s %s  year: %s  template: %s%n", r.agency(), r.agencyKind(),
                r.adminLevel(), region, r.divisionCode() == null ? "" : r.divisionCode(), r.reportYear(), r.template());
        if (r.portalUrl() != null) out.printf("  portal: %s%n", r.portalUrl());
        if (!r.table3().isEmpty()) {
            out.printf("  依申请公开: 新收 %s, 总计 %s, 结转 %s%n", total(r, "新收"), total(r, "总计"), total(r, "结转下年度继续办理"));
        }
        for (ParsedReport.Check c : r.checks()) {
            out.printf("  check %-40s %s  %s%n", c.name(), c.holds() ? "holds" : "FAILS", c.detail());
        }
        r.warnings().forEach(w -> out.printf("  warning: %s%n", w));
    }

    private static String total(ParsedReport r, String row) {
        List<Long> cells = r.table3().get(row);
        return cells == null ? "?" : String.valueOf(cells.get(6) == null ? "—" : cells.get(6));
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
