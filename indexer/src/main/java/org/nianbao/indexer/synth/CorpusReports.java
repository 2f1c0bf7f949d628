package org.nianbao.indexer.synth;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.indexer.index.Original;
import org.nianbao.indexer.index.ReportJson;
import org.nianbao.indexer.index.ReportRecord;
import org.nianbao.indexer.parse.ParsedReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared corpus as index records: {@code truth/*.json} as the parsed report, {@code seeds-text/*.txt}
 * as its text, and the renderings in {@code docs/<stem>/} (with their SHA-256 from MANIFEST.tsv) as its
 * originals. Stands in for the parser's output in tests and benchmarks.
 */
public final class CorpusReports {

    private static final Map<String, String> RENDERINGS = Map.of(
            "report.utf8.html", "html", "report.pdf", "pdf", "report.doc", "doc", "report.docx", "docx");

    private CorpusReports() {
    }

    /** Every report of the corpus in {@code corpusDir} (the folder holding truth/, seeds-text/, docs/). */
    public static List<ReportRecord> load(Path corpusDir, Instant capturedAt) {
        try (Stream<Path> files = Files.list(corpusDir.resolve("truth"))) {
            Map<String, String> sha = manifest(corpusDir.resolve("MANIFEST.tsv"));
            List<ReportRecord> out = new ArrayList<>();
            long captureId = 1;
            for (Path truth : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String stem = truth.getFileName().toString().replace(".json", "");
                ParsedReport parsed = parse(ReportJson.mapper().readTree(truth.toFile()));
                String text = Files.readString(corpusDir.resolve("seeds-text").resolve(stem + ".txt"), StandardCharsets.UTF_8);
                List<Original> originals = new ArrayList<>();
                for (Map.Entry<String, String> r : new java.util.TreeMap<>(RENDERINGS).entrySet()) {
                    Path file = corpusDir.resolve("docs").resolve(stem).resolve(r.getKey());
                    if (!Files.exists(file)) continue;
                    String url = (parsed.portalUrl() == null ? "http://example.gov.cn/" : parsed.portalUrl()).replaceAll("/?$", "/")
                            + "xxgk/ndbg/" + stem + "/" + r.getKey();
                    originals.add(new Original(url, capturedAt, sha.get("docs/" + stem + "/" + r.getKey()), r.getValue(),
                            captureId++, Files.size(file)));
                }
                out.add(ReportRecord.of(parsed, text, originals, "current"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + corpusDir, e);
        }
    }

    private static Map<String, String> manifest(Path tsv) throws IOException {
        Map<String, String> m = new HashMap<>();
        if (!Files.exists(tsv)) return m;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 3) m.put(f[0], f[2]);
        }
        return m;
    }

    /** A truth file as the parser would hand it over. */
    public static ParsedReport parse(JsonNode t) {
        Map<String, List<Number>> table2 = new LinkedHashMap<>();
        String unit = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.path("table2").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith("_金额单位")) {
                unit = e.getValue().isNull() ? null : e.getValue().asText();
                continue;
            }
            List<Number> row = new ArrayList<>();
            for (JsonNode v : e.getValue()) row.add(v.isNull() ? null : v.isIntegralNumber() ? (Number) v.asLong() : new BigDecimal(v.asText()));
            table2.put(e.getKey(), row);
        }
        Map<String, List<Long>> table3 = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.path("table3").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            table3.put(e.getKey(), longs(e.getValue()));
        }
        List<ParsedReport.Check> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.path("identities").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("holds")) {
                JsonNode detail = e.getValue().has("failures") ? e.getValue().get("failures") : e.getValue().path("formula");
                checks.add(new ParsedReport.Check(e.getKey(), e.getValue().get("holds").asBoolean(), detail.toString()));
            }
        }
        return new ParsedReport(text(t, "title"), text(t, "agency"), text(t, "agency_kind"), text(t, "admin_level"),
                text(t, "region_province"), text(t, "region_city"), text(t, "region_county"), null,
                t.hasNonNull("report_year") ? t.get("report_year").asInt() : null, text(t, "portal_url"), "2019",
                table2, unit, table3, longs(t.path("table4")), checks, List.of());
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        for (JsonNode v : array) out.add(v.isNull() ? null : v.asLong());
        return out;
    }

    private static String text(JsonNode t, String field) {
        return t.hasNonNull(field) ? t.get(field).asText() : null;
    }
}
